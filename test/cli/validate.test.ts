import { afterEach, describe, expect, it } from "@jest/globals";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./git-repo.js";

const VALID = `version: 1
rules:
  - name: senior approval
    require:
      approvals: 1
`;
/** `rule` on line 2, column 1: an unknown key. */
const INVALID = `version: 1
rule: []
`;

let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function workspace(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), "agent-governance-validate-"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

describe("agent-governance validate", () => {
  it("accepts a valid policy file with exit 0", async () => {
    expect(await cli(workspace({ "policy.yml": VALID }), "validate", "policy.yml")).toEqual({ code: 0, stdout: "policy.yml: valid\n", stderr: "" });
  });

  it("reads ./.agent-governance.yml when no file is named", async () => {
    expect(await cli(workspace({ ".agent-governance.yml": INVALID }), "validate")).toMatchObject({ code: 1, stdout: expect.stringMatching(/^\.agent-governance\.yml:2:1 /) });
  });

  it("prints each error as FILE:LINE:COL message and exits 1", async () => {
    const run = await cli(workspace({ "policy.yml": INVALID }), "validate", "policy.yml");
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^policy\.yml:2:1 .*rule.*\n$/);
  });

  it("prints warnings as FILE:LINE:COL warning: message without failing", async () => {
    const cwd = workspace({ "policy.yml": 'version: 1\ngates:\n  forbidden_paths: ["/secrets/**"]\n' });
    expect(await cli(cwd, "validate", "policy.yml")).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^policy\.yml:3:\d+ warning: .*\/secrets\/\*\*.*\npolicy\.yml: valid\n$/),
      stderr: "",
    });
  });

  it("rejects a misspelt agent id with its position and the fix", async () => {
    const cwd = workspace({ "policy.yml": "version: 1\nrules:\n  - when: {agents: [copliot]}\n" });
    expect(await cli(cwd, "validate", "policy.yml")).toEqual({
      code: 1,
      stdout: "policy.yml:3:21 agent `copliot` is not a catalogue agent id — did you mean `copilot`?\n",
      stderr: "",
    });
  });

  it("exits 2 with a message on stderr when the file does not exist", async () => {
    expect(await cli(workspace({}), "validate", "missing.yml")).toEqual({
      code: 2,
      stdout: "",
      stderr: "agent-governance validate: cannot read missing.yml: no such file\n",
    });
  });

  it("exits 2 when the path is a directory", async () => {
    const cwd = workspace({});
    mkdirSync(join(cwd, "policies"));
    expect(await cli(cwd, "validate", "policies")).toMatchObject({ code: 2, stderr: expect.stringContaining("it is a directory") });
  });

  it("rejects a file larger than 256 KiB as invalid", async () => {
    const cwd = workspace({});
    writeFileSync(join(cwd, "big.yml"), `version: 1\n#${"x".repeat(256 * 1024)}\n`);
    expect(await cli(cwd, "validate", "big.yml")).toMatchObject({ code: 1, stdout: expect.stringMatching(/^big\.yml:1:1 the policy file is 257 KiB/) });
  });

  it("exits 2 for a binary file, which it cannot read as a policy", async () => {
    const cwd = workspace({});
    writeFileSync(join(cwd, "policy.yml"), Buffer.from([0x76, 0x00, 0xff, 0x01]));
    expect(await cli(cwd, "validate", "policy.yml")).toEqual({
      code: 2,
      stdout: "",
      stderr: "agent-governance validate: cannot read policy.yml: it is binary, not a text file\n",
    });
  });
});

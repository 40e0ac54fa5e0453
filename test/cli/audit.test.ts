import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { join } from "node:path";
import type { DecisionRecord } from "../../src/ledger/index.js";
import { runWith, workspace, type Workspace } from "./ledger-cli.js";

const HEAD_1 = "9b8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
const HEAD_2 = "1234567c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
const OLD = "3f2a1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const BLOB = "b7e1c1a6a1f7f3f0c6a4d7f2e9d8c1b0a9f8e7d6";

function decision(overrides: Partial<DecisionRecord>): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr: 7,
    headSha: HEAD_1,
    policy: { kind: "repository", description: ".agent-governance.yml", blobShas: [BLOB] },
    conclusion: "action_required",
    title: "Waiting for 1 approval",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code"],
    rules: [
      { name: "senior approval", status: "waiting" },
      { name: "docs", status: "not-applicable" },
    ],
    gates: [],
    counted: [],
    ignored: [{ rule: "senior approval", login: "bob", commitId: OLD, reason: "stale", detail: "approved 3f2a1c0, head is 9b8e7d6" }],
    override: null,
    at: new Date("2026-05-01T10:00:00Z"),
    ...overrides,
  };
}

const WAITING = decision({});
const APPROVED = decision({
  conclusion: "success",
  title: "All rules met",
  rules: [
    { name: "senior approval", status: "met" },
    { name: "docs", status: "not-applicable" },
  ],
  counted: [{ rule: "senior approval", login: "alice", commitId: HEAD_1 }],
  at: new Date("2026-05-01T11:30:00Z"),
});
const OTHER_PR = decision({ pr: 8, headSha: HEAD_2, policy: { kind: "built-in", description: "built-in default", blobShas: [] }, ignored: [], at: new Date("2026-04-01T09:00:00Z") });
const OVERRIDDEN = decision({
  repo: "web",
  pr: 3,
  conclusion: "success",
  title: "Overridden by @carol",
  override: { applied: true, by: "carol", detail: "Overridden by @carol" },
  at: new Date("2026-05-02T08:00:00Z"),
});

let ws: Workspace;
beforeAll(async () => {
  ws = workspace();
  const ledger = await ws.ledger();
  try {
    for (const record of [WAITING, APPROVED, OTHER_PR, OVERRIDDEN]) await ledger.recordDecision(record);
  } finally {
    await ledger.close();
  }
});
afterAll(() => ws.remove());

const audit = (...argv: string[]) => runWith(ws.env, ["audit", ...argv]);

describe("agent-governance audit", () => {
  it("lists a repository's decisions newest first, one row each", async () => {
    const run = await audit("acme/api");
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^TIME\s+PR\s+HEAD\s+CONCLUSION\s+TIER\s+POLICY\s+RULES MET\s+APPROVED BY\s+IGNORED$/);
    expect(lines.slice(1).map((line) => line.split(/\s{2,}/).slice(0, 4))).toEqual([
      ["2026-05-01 11:30Z", "#7", "9b8e7d6", "success"],
      ["2026-05-01 10:00Z", "#7", "9b8e7d6", "action_required"],
      ["2026-04-01 09:00Z", "#8", "1234567", "action_required"],
    ]);
  });

  it("shows the policy version, the rules met, who was counted and who was ignored and why", async () => {
    const lines = (await audit("acme/api")).stdout.split("\n");
    expect(lines[1]).toMatch(/repository@b7e1c1a\s+1\/1 senior approval\s+@alice \(senior approval\)\s+@bob \(senior approval\): stale$/);
    expect(lines[2]).toMatch(/repository@b7e1c1a\s+0\/1\s+-\s+@bob \(senior approval\): stale$/);
    expect(lines[3]).toMatch(/built-in\s+0\/1\s+-\s+-$/);
  });

  it("narrows to one pull request with OWNER/REPO#N", async () => {
    const records = JSON.parse((await audit("acme/api#8", "--json")).stdout) as DecisionRecord[];
    expect(records.map((record) => record.pr)).toEqual([8]);
  });

  it("narrows to decisions since a date", async () => {
    const records = JSON.parse((await audit("acme/api", "--since", "2026-05-01T10:30:00Z", "--json")).stdout) as DecisionRecord[];
    expect(records.map((record) => record.title)).toEqual(["All rules met"]);
  });

  it("limits the number of decisions with --limit", async () => {
    const records = JSON.parse((await audit("acme/api", "--limit", "2", "--json")).stdout) as DecisionRecord[];
    expect(records).toHaveLength(2);
  });

  it("prints the stored records as a JSON array with --json", async () => {
    const records = JSON.parse((await audit("acme/api#7", "--json")).stdout);
    expect(records).toEqual(JSON.parse(JSON.stringify([APPROVED, WAITING])));
  });

  it("lists the whole organisation with OWNER alone, naming each repository", async () => {
    const run = await audit("acme");
    expect(run.stdout.split("\n")[1]).toMatch(/^2026-05-02 08:00Z\s+web#3\s+\w{7}\s+success \(overridden by @carol\)/);
  });

  it("exits 1 when no decision matches", async () => {
    expect(await audit("acme/api", "--since", "2027-01-01")).toMatchObject({ code: 1, stdout: "acme/api: no decisions in the ledger since 2027-01-01T00:00:00.000Z\n" });
  });

  it.each([
    ["an impossible date", ["acme/api", "--since", "2026-02-30"], "is not a date"],
    ["a limit that is not a number", ["acme/api", "--limit", "many"], "--limit"],
    ["a malformed target", ["acme/api#x"], "is not"],
  ])("exits 2 for %s", async (_name, argv, message) => {
    expect(await audit(...argv)).toMatchObject({ code: 2, stderr: expect.stringContaining(message) });
  });

  it("exits 2 when there is no ledger", async () => {
    const run = await runWith({ GOVERNANCE_DATA_DIR: join(ws.dir, "nowhere") }, ["audit", "acme/api"]);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("no ledger at") });
  });
});

describe("agent-governance audit --help", () => {
  it("documents every exit code", async () => {
    const run = await runWith({}, ["audit", "--help"]);
    expect(run.code).toBe(0);
    for (const code of ["0", "1", "2"]) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });
});

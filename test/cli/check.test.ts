import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli } from "../../src/cli/main.js";
import type { CheckReport } from "../../src/report/local-check.js";
import { cli, makeRepo, type CliRun, type TestRepo } from "./git-repo.js";

const POLICY = `version: 1
rules:
  - name: senior approval
    when: { ai: true }
    require:
      approvals: 1
      from: { teams: [senior-engineers] }
gates:
  forbidden_paths: [".github/workflows/**"]
`;
const CLAUDE_COMMIT = "Add the feature\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n";

const cleanup: (() => void)[] = [];
afterEach(() => cleanup.splice(0).forEach((remove) => remove()));

/** main carries `policy`; the checked-out `feature` branch has one human and one Claude commit. */
function featureBranch(policy = POLICY): { repo: TestRepo; human: string; claude: string } {
  const repo = makeRepo();
  cleanup.push(() => repo.remove());
  repo.write(".agent-governance.yml", policy);
  repo.write("src/app.ts", "export const app = 1;\n");
  repo.commit("Initial commit");
  repo.git("checkout", "--quiet", "-b", "feature");
  repo.write("src/util.ts", "export const x = 1;\n");
  const human = repo.commit("Prepare\n");
  repo.write("src/app.ts", "export const app = 2;\n");
  const claude = repo.commit(CLAUDE_COMMIT);
  return { repo, human, claude };
}

async function checkJson(cwd: string, ...args: string[]): Promise<{ code: number; report: CheckReport }> {
  const run = await cli(cwd, "check", "--json", ...args);
  if (run.code === 2) throw new Error(run.stderr);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport };
}

describe("agent-governance check --json", () => {
  it("reports the branch as AI-assisted by claude-code", async () => {
    const { repo } = featureBranch();
    const { report } = await checkJson(repo.dir);
    expect([report.ai_assisted, report.agents]).toEqual([true, ["claude-code"]]);
  });

  it("lists every commit, with the co-author signal on the Claude commit only", async () => {
    const { repo, human, claude } = featureBranch();
    const { report } = await checkJson(repo.dir);
    expect(report.commits).toEqual([
      { sha: human, ai_assisted: false, agents: [], signals: [] },
      {
        sha: claude,
        ai_assisted: true,
        agents: ["claude-code"],
        signals: [expect.objectContaining({ kind: "co-author", agent: "claude-code", strength: "assisted", detail: expect.stringContaining("noreply@anthropic.com") })],
      },
    ]);
  });

  it("says which rule the pull request will need, and exits 0 because approvals are not a failure locally", async () => {
    const { repo } = featureBranch();
    const { code, report } = await checkJson(repo.dir);
    expect(report.rules).toEqual([{ name: "senior approval", status: "waiting", needs: expect.stringContaining("senior-engineers") }]);
    expect(code).toBe(0);
  });

  it("uses exactly the documented field names", async () => {
    const { repo } = featureBranch();
    const { report } = await checkJson(repo.dir);
    expect(Object.keys(report)).toEqual(["verdict", "base", "head", "ai_assisted", "agents", "commits", "rules", "gates", "policy"]);
    expect(Object.keys(report.policy)).toEqual(["source", "errors", "organization_default"]);
    expect(Object.keys(report.commits[0])).toEqual(["sha", "ai_assisted", "agents", "signals"]);
    expect(Object.keys(report.commits[1].signals[0])).toEqual(["kind", "agent", "strength", "detail", "confidence", "rule", "counted"]);
    expect(Object.keys(report.rules[0])).toEqual(["name", "status", "needs"]);
    expect(report.gates.every((gate) => Object.keys(gate).join() === "name,status,detail")).toBe(true);
  });

  it("gives the verdict and the base and head it compared", async () => {
    const { repo, claude } = featureBranch();
    const { report } = await checkJson(repo.dir);
    expect(report).toMatchObject({
      verdict: "needs-approval",
      base: { ref: "main", sha: repo.git("rev-parse", "main").trim() },
      head: { ref: "feature", sha: claude },
    });
  });

  it("judges by the base's policy: a working-tree edit to the policy changes nothing", async () => {
    const { repo } = featureBranch();
    const before = await checkJson(repo.dir);
    repo.write(".agent-governance.yml", "version: 1\nrules: []\n");
    expect(await checkJson(repo.dir)).toEqual(before);
  });

  it("judges by the base's policy even when the branch commits a weaker one", async () => {
    const { repo } = featureBranch();
    repo.write(".agent-governance.yml", "version: 1\nrules: []\n");
    repo.commit("Relax the policy\n");
    const { report } = await checkJson(repo.dir);
    expect(report.rules).toContainEqual(expect.objectContaining({ name: "senior approval", status: "waiting" }));
  });

  it("exits 1 and names the gate when the branch touches a forbidden path", async () => {
    const { repo } = featureBranch();
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit(CLAUDE_COMMIT);
    const { code, report } = await checkJson(repo.dir);
    expect(report.gates).toContainEqual(expect.objectContaining({ status: "failed", detail: expect.stringContaining(".github/workflows/ci.yml") }));
    expect(code).toBe(1);
  });

  it("treats required checks as pending in CI, not as blocking", async () => {
    const { repo } = featureBranch(`${POLICY}  required_checks: [build]\n`);
    const { code, report } = await checkJson(repo.dir);
    expect(report.gates).toContainEqual(expect.objectContaining({ status: "pending", detail: expect.stringContaining("pending: runs in CI") }));
    expect(code).toBe(0);
  });

  it("exits 1 and reports the errors when the base's policy is invalid", async () => {
    const { repo } = featureBranch("version: 1\nrule: []\n");
    const { code, report } = await checkJson(repo.dir);
    expect(report.policy.errors).toContainEqual(expect.objectContaining({ file: ".agent-governance.yml", line: 2, column: 1 }));
    expect(code).toBe(1);
  });

  it("reports a human-only branch as not AI-assisted with exit 0", async () => {
    const repo = makeRepo();
    cleanup.push(() => repo.remove());
    repo.write(".agent-governance.yml", POLICY);
    repo.commit("Initial commit");
    repo.git("checkout", "--quiet", "-b", "feature");
    repo.write("src/app.ts", "export const app = 3;\n");
    repo.commit("Plain human change\n");
    const { code, report } = await checkJson(repo.dir);
    expect([code, report.ai_assisted, report.rules.map((rule) => rule.status)]).toEqual([0, false, ["not-applicable"]]);
  });

  it("takes the base from --base", async () => {
    const { repo, claude } = featureBranch();
    repo.git("branch", "--quiet", "release", "HEAD~1");
    const { report } = await checkJson(repo.dir, "--base", "release");
    expect(report.commits.map((commit) => commit.sha)).toEqual([claude]);
  });
});

describe("agent-governance check (human output)", () => {
  it("gives the verdict, the AI commit with its signal and the rule it will need", async () => {
    const { repo, claude } = featureBranch();
    const run = await cli(repo.dir, "check");
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^feature → main: 2 commits, 2 changed files\n/);
    expect(run.stdout).toContain("verdict: needs approval — AI-assisted (claude-code)");
    expect(run.stdout).toContain(`  ${claude.slice(0, 7)} Add the feature\n    identity · catalogue-identity · claude-code: `);
    expect(run.stdout).toMatch(/^ {2}waiting +senior approval — .*senior-engineers/m);
  });

  it("names the failing gate and the offending file", async () => {
    const { repo } = featureBranch();
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.commit(CLAUDE_COMMIT);
    const run = await cli(repo.dir, "check");
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("verdict: BLOCKED");
    expect(run.stdout).toMatch(/^ {2}failed +forbidden_paths — .*\.github\/workflows\/ci\.yml$/m);
  });
  it("lists every forbidden file once, without announcing the ones it then prints as \"more\"", async () => {
    const { repo } = featureBranch();
    for (const name of ["a", "b", "c", "d", "e"]) repo.write(`.github/workflows/${name}.yml`, "on: push\n");
    repo.commit(CLAUDE_COMMIT);
    const run = await cli(repo.dir, "check");
    expect(run.stdout).not.toMatch(/and \d+ more/);
    for (const name of ["a", "b", "c", "d", "e"]) expect(run.stdout.split(`.github/workflows/${name}.yml`)).toHaveLength(2);
  });

  it("says an invalid policy is the branch's new file, not the one in force", async () => {
    const repo = makeRepo();
    cleanup.push(() => repo.remove());
    repo.commit("Initial commit");
    repo.git("checkout", "--quiet", "-b", "feature");
    repo.write(".agent-governance.yml", "version: 1\nrule: []\n");
    repo.commit("Add a policy\n");
    const run = await cli(repo.dir, "check");
    expect(run.stdout).toContain("policy: built-in default (main has no .agent-governance.yml)\n");
    expect(run.stdout).toContain("verdict: BLOCKED — not AI-assisted; this branch's new .agent-governance.yml is invalid\n");
    expect(run.stdout).toMatch(/errors in this branch's new \.agent-governance\.yml \(it would not take effect\):\n {2}\.agent-governance\.yml:2:1 /);
    expect(run.code).toBe(1);
  });

  it("says the built-in default applies when the base has no policy file", async () => {
    const repo = makeRepo();
    cleanup.push(() => repo.remove());
    repo.commit("Initial commit");
    repo.git("checkout", "--quiet", "-b", "feature");
    repo.commit(CLAUDE_COMMIT);
    const run = await cli(repo.dir, "check");
    expect(run.stdout).toContain("policy: built-in default (main has no .agent-governance.yml)\n");
  });
});

describe("the organisation default", () => {
  const EXTENDING = `version: 1\nextends: org\n${POLICY.replace("version: 1\n", "")}`;
  const ORG_DEFAULT = "version: 1\ngates:\n  max_changed_files: 1\n";

  beforeAll(() => nock.disableNetConnect());
  afterAll(() => nock.enableNetConnect());
  afterEach(() => nock.cleanAll());

  /** A feature branch of acme/api (its origin), whose main extends the organisation default. */
  function extendingBranch(): TestRepo {
    const { repo } = featureBranch(EXTENDING);
    repo.git("remote", "add", "origin", "https://github.com/acme/api.git");
    return repo;
  }

  async function check(cwd: string, env: Record<string, string>, ...args: string[]): Promise<CliRun> {
    let stdout = "";
    let stderr = "";
    const io = { cwd, env, stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) } };
    const code = await runCli(["check", ...args], io);
    return { code, stdout, stderr };
  }

  it("without credentials is not read, and check says so instead of claiming there is none", async () => {
    const repo = extendingBranch();
    const run = await check(repo.dir, {});
    expect(run.stdout).toContain("note: the organisation default was not read (set GITHUB_TOKEN to read it)");
    expect(run.stdout).not.toMatch(/has no/);
    expect(run.stdout).toMatch(/^ {2}waiting +senior approval/m);
    expect(run.code).toBe(0);
    const json = JSON.parse((await check(repo.dir, {}, "--json")).stdout) as CheckReport;
    expect([json.verdict, json.policy.organization_default]).toEqual(["needs-approval", "not read: set GITHUB_TOKEN to read it"]);
  });

  it("with GITHUB_TOKEN is read from the organisation's .github repository and applied", async () => {
    const repo = extendingBranch();
    nock("https://api.github.com")
      .get("/repos/acme/.github/contents/.agent-governance.yml")
      .reply(200, { type: "file", encoding: "base64", content: Buffer.from(ORG_DEFAULT).toString("base64"), size: ORG_DEFAULT.length, sha: "0".repeat(40) });
    const run = await check(repo.dir, { GITHUB_TOKEN: "test-token" }, "--json");
    const json = JSON.parse(run.stdout) as CheckReport;
    expect(json.policy.organization_default).toBe("read");
    expect(json.gates).toContainEqual(expect.objectContaining({ name: "max_changed_files", status: "failed" }));
    expect(run.code).toBe(1);
  });

  it("that GitHub says does not exist makes `extends: org` an error", async () => {
    const repo = extendingBranch();
    nock("https://api.github.com").get("/repos/acme/.github/contents/.agent-governance.yml").reply(404, { message: "Not Found" });
    const run = await check(repo.dir, { GITHUB_TOKEN: "test-token" });
    expect(run.stdout).toContain("`extends: org`, but the organisation has no `.agent-governance.yml` in its `.github` repository");
    expect(run.code).toBe(1);
  });
});

describe("agent-governance check errors", () => {
  it("exits 2 outside a git repository", async () => {
    const dir = mkdtempSync(join(tmpdir(), "agent-governance-nogit-"));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    expect(await cli(dir, "check")).toEqual({ code: 2, stdout: "", stderr: expect.stringMatching(/^agent-governance check: not a git repository/) });
  });

  it("exits 2 naming an unknown base ref", async () => {
    const { repo } = featureBranch();
    expect(await cli(repo.dir, "check", "--base", "mian")).toEqual({
      code: 2,
      stdout: "",
      stderr: "agent-governance check: unknown base ref 'mian' — pass --base with an existing branch\n",
    });
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import type { Ledger } from "../../src/ledger/index.js";
import { daysAgo, runWith, workspace, type Workspace } from "./ledger-cli.js";

const POLICY = `version: 1
autonomy:
  window_days: 90
  tiers:
    - { name: established, min_merged: 2, max_revert_rate: 0.5 }
    - { name: trusted, min_merged: 5, max_revert_rate: 0 }
  demote_on_revert_days: 14
rules:
  - name: senior approval
    when: { tier: [new] }
    require: { approvals: 1 }
`;

let ws: Workspace;
let pr = 0;

async function merge(ledger: Ledger, repo: string, agents: string[], at: Date): Promise<number> {
  pr += 1;
  await ledger.recordMerge({ owner: "acme", repo, pr, headSha: `${pr}`.padStart(40, "a"), mergeCommitSha: null, agents, mergedAt: at });
  return pr;
}

beforeAll(async () => {
  ws = workspace();
  writeFileSync(join(ws.dir, "policy.yml"), POLICY);
  writeFileSync(join(ws.dir, "broken.yml"), "version: 1\nautonomy:\n  window_dayz: 90\n");
  const ledger = await ws.ledger();
  try {
    // claude-code: 3 clean merges — established, 2 short of trusted.
    for (const days of [30, 20, 10]) await merge(ledger, "api", ["claude-code"], daysAgo(days));
    // copilot: 2 merges, one reverted 3 days ago — demoted to new for 14 days.
    await merge(ledger, "api", ["copilot"], daysAgo(40));
    const reverted = await merge(ledger, "api", ["copilot"], daysAgo(5));
    await ledger.recordRevert({ owner: "acme", repo: "api", pr: reverted, revertCommitSha: null, revertPr: null, revertedAt: daysAgo(3) });
    // devin: one merge long before the 90-day window.
    await merge(ledger, "api", ["devin"], daysAgo(200));
    // Another repository of the organisation.
    await merge(ledger, "web", ["cursor"], daysAgo(1));
  } finally {
    await ledger.close();
  }
});
afterAll(() => ws.remove());

const trust = (...argv: string[]) => runWith(ws.env, ["trust", ...argv], { cwd: ws.dir });

describe("agent-governance trust with the policy's autonomy settings", () => {
  it("lists each agent with tier, merges, reverts, revert rate and next change, most merges first", async () => {
    const run = await trust("acme/api", "--policy", "policy.yml");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^acme\/api: policy policy\.yml \(blob [0-9a-f]{7}\); window 90 days, since \d{4}-\d{2}-\d{2}; repository scope$/);
    expect(lines[2]).toMatch(/^AGENT\s+TIER\s+MERGED\s+REVERTED\s+REVERT RATE\s+NEXT CHANGE$/);
    expect(lines[3]).toMatch(/^claude-code\s+established\s+3\s+0\s+0%\s+2 more merges to trusted$/);
    expect(lines[4]).toMatch(/^copilot\s+new\s+2\s+1\s+50%\s+demoted after a revert; demotion ends \d{4}-\d{2}-\d{2}$/);
  });

  it("does not count merges outside the window", async () => {
    expect((await trust("acme/api", "--policy", "policy.yml")).stdout).not.toContain("devin");
  });

  it("does not count other repositories' agents", async () => {
    expect((await trust("acme/api", "--policy", "policy.yml")).stdout).not.toContain("cursor");
  });

  it("prints the same rows as JSON with --json", async () => {
    const run = await trust("acme/api", "--policy", "policy.yml", "--json");
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ repository: "acme/api", scope: "repository", policy: { source: "policy.yml" }, window_days: 90 });
    expect(report.agents.map((row: { agent: string; tier: string; merged: number; reverted: number; revert_rate: number }) => [row.agent, row.tier, row.merged, row.reverted, row.revert_rate])).toEqual([
      ["claude-code", "established", 3, 0, 0],
      ["copilot", "new", 2, 1, 0.5],
    ]);
    expect(report.agents[1].next.kind).toBe("demoted");
  });

  it("with OWNER alone, counts every repository of the organisation", async () => {
    const report = JSON.parse((await trust("acme", "--policy", "policy.yml", "--json")).stdout);
    expect(report.scope).toBe("organization");
    expect(report.agents.map((row: { agent: string }) => row.agent).sort()).toEqual(["claude-code", "copilot", "cursor"]);
  });

  it("exits 1 when no agent has a record in the repository", async () => {
    const run = await trust("acme/empty", "--policy", "policy.yml");
    expect(run).toMatchObject({ code: 1, stdout: expect.stringContaining("no agent has a merge or revert in the ledger") });
  });
});

describe("agent-governance trust without OWNER/REPO", () => {
  it("uses the repository of the working directory's origin remote", async () => {
    const clone = join(ws.dir, "clone");
    mkdirSync(clone);
    execFileSync("git", ["init", "--quiet"], { cwd: clone });
    execFileSync("git", ["remote", "add", "origin", "git@github.com:Acme/API.git"], { cwd: clone });
    const report = JSON.parse((await runWith(ws.env, ["trust", "--json"], { cwd: clone })).stdout);
    expect([report.repository, report.agents.length]).toEqual(["acme/api", 3]);
  });

  it("exits 2 and asks for OWNER/REPO outside a clone", async () => {
    const run = await runWith(ws.env, ["trust"], { cwd: ws.dataDir });
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("name a repository as OWNER/REPO") });
  });
});

describe("agent-governance trust without a policy", () => {
  it("shows merges and reverts over all time without tiers, and says how to get tiers", async () => {
    const run = await trust("acme/api");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("tiers need the policy: pass --policy FILE or set GITHUB_TOKEN");
    expect(run.stdout).toMatch(/^AGENT\s+MERGED\s+REVERTED\s+REVERT RATE$/m);
    expect(run.stdout).toMatch(/^devin\s+1\s+0\s+0%$/m);
  });

  it("reports null tiers in JSON", async () => {
    const report = JSON.parse((await trust("acme/api", "--json")).stdout);
    expect(report.policy).toBeNull();
    expect(report.agents.every((row: { tier: unknown }) => row.tier === null)).toBe(true);
  });
});

describe("agent-governance trust reads the repository's policy through the API with a token", () => {
  const API = "https://api.github.com";
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    expect(nock.pendingMocks()).toEqual([]);
    nock.cleanAll();
  });
  afterAll(() => nock.enableNetConnect());

  it("uses .agent-governance.yml from the default branch", async () => {
    nock(API)
      .get("/repos/acme/api/contents/.agent-governance.yml")
      .reply(200, { type: "file", encoding: "base64", content: Buffer.from(POLICY).toString("base64"), size: POLICY.length, sha: "feedface".padEnd(40, "0") });
    nock(API).get("/repos/acme/.github/contents/.agent-governance.yml").reply(404, { message: "Not Found" });
    const report = JSON.parse((await runWith({ ...ws.env, GITHUB_TOKEN: "t" }, ["trust", "acme/api", "--json"])).stdout);
    expect(report.policy).toEqual({ source: ".agent-governance.yml", blob_shas: ["feedface".padEnd(40, "0")] });
    expect(report.agents[0]).toMatchObject({ agent: "claude-code", tier: "established" });
  });

  it("falls back to the built-in default (autonomy off: everyone new) when no file exists", async () => {
    nock(API).get(/\/contents\/\.agent-governance\.yml$/).times(2).reply(404, { message: "Not Found" });
    const report = JSON.parse((await runWith({ ...ws.env, GITHUB_TOKEN: "t" }, ["trust", "acme/api", "--json"])).stdout);
    expect(report.policy.source).toBe("built-in default");
    expect(report.agents[0].next.kind).toBe("autonomy-off");
  });
});

describe("agent-governance trust errors", () => {
  it("exits 2 with the located errors of an invalid policy", async () => {
    const run = await trust("acme/api", "--policy", "broken.yml");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^broken\.yml:3:3 /m);
  });

  it("exits 2 when there is no ledger, rather than creating an empty one", async () => {
    const run = await runWith({ GOVERNANCE_DATA_DIR: join(ws.dir, "nowhere") }, ["trust", "acme/api"]);
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("no ledger at") });
  });

  it("exits 2 for a target that is not OWNER/REPO", async () => {
    expect((await trust("acme/api#3")).code).toBe(2);
  });
});

describe("agent-governance trust --help", () => {
  it("documents every exit code", async () => {
    const run = await runWith({}, ["trust", "--help"]);
    expect(run.code).toBe(0);
    for (const code of ["0", "1", "2"]) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });
});

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nock from "nock";
import { backfillCommandWith, EXIT_INTERRUPTED } from "../../src/cli/backfill.js";
import { COMMANDS } from "../../src/cli/commands.js";
import type { Command } from "../../src/cli/main.js";
import type { RestPullRequest } from "../../src/github/facts-from-rest.js";
import { ALICE, COPILOT, commit, pull, requestsTo, served, serveHistory, sha, type History } from "./backfill-github.js";
import { runWith, workspace, type Workspace } from "./ledger-cli.js";

const POLICY = `version: 1
autonomy:
  tiers:
    - { name: established, min_merged: 1, max_revert_rate: 0 }
  demote_on_revert_days: 14
`;

/**
 * #10 Claude Code co-authored, reverted by the revert PR #12; #14 opened by Copilot, reverted
 * by a commit pushed to main; #15 Copilot, never reverted; #11 a person's; #13 closed unmerged.
 */
function story(): History {
  return {
    pulls: [
      pull(12, { mergedDaysAgo: 2, title: 'Revert "Add rate limiter"', body: "Reverts acme/api#10" }),
      pull(15, { mergedDaysAgo: 3, user: COPILOT, head: "copilot/docs" }),
      pull(14, { mergedDaysAgo: 4, user: COPILOT, head: "copilot/fix-cache" }),
      pull(13, { mergedDaysAgo: null, updatedDaysAgo: 5 }),
      pull(11, { mergedDaysAgo: 8 }),
      pull(10, { mergedDaysAgo: 10, title: "Add rate limiter" }),
    ],
    commitsOf: {
      10: [commit(sha("a10"), "Add rate limiter\n\nCo-authored-by: Claude <noreply@anthropic.com>\n", "alice", 11)],
      11: [commit(sha("a11"), "Tidy the README", "alice", 9)],
      12: [commit(sha("a12"), 'Revert "Add rate limiter"\n\nThis reverts commit ' + sha("a10") + ".\n", "alice", 2)],
      14: [commit(sha("a14"), "Fix the cache key", "copilot", 5)],
      15: [commit(sha("a15"), "Document the limiter", "copilot", 4)],
    },
    defaultBranchCommits: [
      commit(sha("b2"), `Revert "Fix the cache key"\n\nThis reverts commit ${sha(1400)}.\n`, "alice", 1),
      commit(sha("b1"), "Bump version", "alice", 6),
    ],
  };
}

let ws: Workspace;
beforeAll(() => nock.disableNetConnect());
beforeEach(() => {
  ws = workspace({ GITHUB_TOKEN: "test-token" });
  writeFileSync(join(ws.dir, "policy.yml"), POLICY);
  served.length = 0;
});
afterEach(() => {
  nock.cleanAll();
  ws.remove();
});
afterAll(() => nock.enableNetConnect());

const noSleep = { sleep: async () => undefined };
const backfill = (argv: string[], command: Command = backfillCommandWith(noSleep)) =>
  runWith(ws.env, ["backfill", ...argv], { cwd: ws.dir, commands: [command] });
const trustJson = async () => JSON.parse((await runWith(ws.env, ["trust", "acme/api", "--policy", "policy.yml", "--json"], { cwd: ws.dir, commands: COMMANDS })).stdout);
const checkpointPath = () => join(ws.dataDir, "backfill-acme-api.json");

describe("agent-governance backfill", () => {
  it("records the AI-assisted merges with their agents, and the reverts by pull request and by commit", async () => {
    serveHistory(story());
    const run = await backfill(["acme/api", "--json"]);
    expect([run.code, run.stderr.match(/error|failed/i)]).toEqual([0, null]);
    expect(JSON.parse(run.stdout)).toEqual({ repository: "acme/api", since: null, merged: 5, ai_merges_recorded: 3, reverts_recorded: 2, commits: 2 });
    const ledger = await ws.ledger();
    try {
      expect((await ledger.findMergeByPr({ owner: "acme", repo: "api" }, 10))?.agents).toEqual(["claude-code"]);
      expect((await ledger.findMergeByPr({ owner: "acme", repo: "api" }, 14))?.agents).toEqual(["copilot"]);
      expect(await ledger.findMergeByPr({ owner: "acme", repo: "api" }, 11)).toBeNull();
    } finally {
      await ledger.close();
    }
  });

  it("gives the agents the tiers their real history earns: a revert demotes", async () => {
    serveHistory(story());
    await backfill(["acme/api"]);
    const rows = (await trustJson()).agents.map((row: { agent: string; tier: string; merged: number; reverted: number }) => [row.agent, row.tier, row.merged, row.reverted]);
    expect(rows).toEqual([
      ["copilot", "new", 2, 1],
      ["claude-code", "new", 1, 1],
    ]);
  });

  it("prints the totals and points to trust", async () => {
    serveHistory(story());
    const run = await backfill(["acme/api"]);
    expect(run.stdout).toMatch(/^acme\/api: backfill complete\n.*merged pull requests examined\s+5\n.*AI-assisted merges recorded\s+3\n.*reverts recorded\s+2\n/s);
  });

  it("counts a merge for an agent whose only mark is its review, as the app does", async () => {
    const history = story();
    history.reviewsOf = { 11: [{ id: 1, user: { login: "copilot-pull-request-reviewer[bot]", id: 175728472, type: "Bot" }, state: "COMMENTED", commit_id: sha(11), submitted_at: "2026-01-01T00:00:00Z" }] };
    serveHistory(history);
    await backfill(["acme/api"]);
    const ledger = await ws.ledger();
    try {
      expect((await ledger.findMergeByPr({ owner: "acme", repo: "api" }, 11))?.agents).toEqual(["copilot"]);
    } finally {
      await ledger.close();
    }
  });

  it("does not fetch the commits of pull requests closed without merging", async () => {
    serveHistory(story());
    await backfill(["acme/api"]);
    expect(requestsTo(/pulls\/13\/commits/)).toEqual([]);
  });

  it("scans the default branch from the oldest AI-assisted merge on", async () => {
    const history = story();
    serveHistory(history);
    await backfill(["acme/api"]);
    const [listing] = requestsTo(/\/repos\/acme\/api\/commits\?/);
    expect(new URL(listing, "https://x").searchParams.get("since")).toBe(history.pulls[5].merged_at);
  });

  it("counts nothing twice when run again", async () => {
    serveHistory(story());
    await backfill(["acme/api"]);
    const again = JSON.parse((await backfill(["acme/api", "--json"])).stdout);
    expect([again.ai_merges_recorded, again.reverts_recorded]).toEqual([0, 0]);
  });

  it("with --since, stops listing at the first pull request updated before it", async () => {
    const old = Array.from({ length: 97 }, (_, i) => pull(100 + i, { mergedDaysAgo: 60 }));
    serveHistory({ ...story(), pulls: [pull(14, { mergedDaysAgo: 4, user: COPILOT }), pull(15, { mergedDaysAgo: 3, user: COPILOT }), pull(11, { mergedDaysAgo: 8 }), ...old, pull(300, { mergedDaysAgo: 70 })] });
    const since = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const run = await backfill(["acme/api", "--since", since, "--json"]);
    expect(JSON.parse(run.stdout).merged).toBe(3);
    expect(requestsTo(/\/pulls\?.*[?&]page=2(&|$)/)).toEqual([]);
    expect(requestsTo(/pulls\/1\d\d\/commits/)).toEqual([]);
  });

  it("shows its progress on stderr, one line per page when stderr is not a terminal", async () => {
    serveHistory(story());
    const run = await backfill(["acme/api"]);
    expect(run.stderr).toMatch(/^closed pull requests, page 1\/1 \[#{20}\] — merged PRs 0, AI merges recorded 0, reverts recorded 0, commits 0$/m);
    expect(run.stderr).toMatch(/^default-branch commits, page 1\/1 .* — merged PRs 5, AI merges recorded 3, reverts recorded 1, commits 0$/m);
  });
});

describe("agent-governance backfill is interrupted and resumed", () => {
  /** 100 closed pull requests on page 1 (one an AI merge), more on page 2. */
  function twoPages(): History {
    const closed = Array.from({ length: 99 }, (_, i) => pull(500 + i, { mergedDaysAgo: null, updatedDaysAgo: 3 }));
    const history = story();
    const pulls: RestPullRequest[] = [pull(600, { mergedDaysAgo: 2, user: COPILOT }), ...closed, ...history.pulls.map((p) => ({ ...p, updated_at: new Date(Date.parse(p.updated_at) - 3 * 24 * 3600 * 1000).toISOString() }))];
    return { ...history, pulls, commitsOf: { ...history.commitsOf, 600: [commit(sha("a600"), "Speed up", "copilot", 2)] } };
  }

  /** Runs the backfill, pressing Ctrl-C when page 2 of the pull requests is requested. */
  async function interruptedRun() {
    const controller = new AbortController();
    const command = backfillCommandWith({ ...noSleep, interrupt: () => ({ signal: controller.signal, dispose: () => undefined }) });
    serveHistory(twoPages(), (uri) => {
      if (/\/pulls\?.*[?&]page=2(&|$)/.test(uri)) controller.abort(new Error("interrupted"));
      return undefined;
    });
    const run = await backfill(["acme/api"], command);
    nock.cleanAll();
    return run;
  }

  it("exits 130, says how to resume, and keeps a checkpoint", async () => {
    const run = await interruptedRun();
    expect(run.code).toBe(EXIT_INTERRUPTED);
    expect(run.stderr).toContain("interrupted — run again to resume");
    expect(JSON.parse(readFileSync(checkpointPath(), "utf8"))).toMatchObject({ repository: "acme/api", phase: "pulls", page: 2 });
  });

  it("resumes at the page it stopped on, without redoing the pull requests already examined", async () => {
    await interruptedRun();
    served.length = 0;
    serveHistory(twoPages());
    const run = await backfill(["acme/api", "--json"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("resuming from the checkpoint (pulls, page 2)");
    const listings = served.filter((uri) => /\/pulls\?|\/pulls\/\d+\/commits/.test(uri)).map((uri) => uri.replace(/\?.*page=(\d+).*$/, " page $1"));
    expect(listings).toEqual([
      "/repos/acme/api/pulls page 2",
      ...[12, 15, 14, 11, 10].map((n) => `/repos/acme/api/pulls/${n}/commits page 1`),
      // The catch-up: page 1 again for pull requests updated since the scan began (none).
      "/repos/acme/api/pulls page 1",
    ]);
    expect(requestsTo(/pulls\/600\/commits/)).toEqual([]);
  });

  it("ends with the same ledger as an uninterrupted run, and removes the checkpoint", async () => {
    await interruptedRun();
    serveHistory(twoPages());
    await backfill(["acme/api"]);
    expect(existsSync(checkpointPath())).toBe(false);
    const rows = (await trustJson()).agents.map((row: { agent: string; merged: number; reverted: number }) => [row.agent, row.merged, row.reverted]);
    expect(rows).toEqual([
      ["copilot", 3, 1],
      ["claude-code", 1, 1],
    ]);
  });

  it("starts over with --restart", async () => {
    await interruptedRun();
    served.length = 0;
    serveHistory(twoPages());
    await backfill(["acme/api", "--restart"]);
    expect(requestsTo(/\/pulls\?.*[?&]page=1(&|$)/).length).toBe(2);
    expect(requestsTo(/pulls\/600\/commits/)).toHaveLength(1);
  });

  it("keeps the checkpoint and exits 2 when GitHub fails", async () => {
    serveHistory(story(), (uri) => (/pulls\/11\/commits/.test(uri) ? [404, { message: "Not Found" }] : undefined));
    const run = await backfill(["acme/api"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/run again to resume/);
    expect(JSON.parse(readFileSync(checkpointPath(), "utf8")).done).toEqual([12, 15, 14, 13]);
  });
});

describe("agent-governance backfill under rate limits", () => {
  it("waits as long as GitHub's retry-after says, then carries on", async () => {
    const waits: number[] = [];
    let limited = false;
    serveHistory(story(), (uri) => {
      if (!limited && /\/pulls\?/.test(uri)) {
        limited = true;
        return [403, { message: "You have exceeded a secondary rate limit." }, { "retry-after": "7" }];
      }
      return undefined;
    });
    const run = await backfill(["acme/api"], backfillCommandWith({ sleep: async (ms) => void waits.push(ms) }));
    expect([run.code, waits]).toEqual([0, [7000]]);
    expect(run.stderr).toContain("waiting 7s: rate limited (HTTP 403)");
  });

  it("waits until the primary rate limit resets", async () => {
    const waits: number[] = [];
    const reset = Math.floor(Date.now() / 1000) + 120;
    let limited = false;
    serveHistory(story(), (uri) => {
      if (!limited && /\/pulls\?/.test(uri)) {
        limited = true;
        return [403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(reset) }];
      }
      return undefined;
    });
    const run = await backfill(["acme/api"], backfillCommandWith({ sleep: async (ms) => void waits.push(ms) }));
    expect(run.code).toBe(0);
    expect(waits[0]).toBeGreaterThan(110_000);
    expect(waits[0]).toBeLessThanOrEqual(121_000);
  });
});

describe("agent-governance backfill errors", () => {
  it("exits 2 without credentials", async () => {
    const run = await runWith({ GOVERNANCE_DATA_DIR: ws.dataDir }, ["backfill", "acme/api"], { commands: [backfillCommandWith(noSleep)] });
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("GITHUB_TOKEN") });
  });

  it.each([["acme"], ["acme/api#4"]])("exits 2 for %s, which is not OWNER/REPO", async (target) => {
    expect((await backfill([target])).code).toBe(2);
  });

  it("exits 2 for a --since that is not a date", async () => {
    expect((await backfill(["acme/api", "--since", "last week"])).stderr).toContain("is not a date");
  });

  it("exits 2 when the repository does not exist", async () => {
    serveHistory(story(), (uri) => (uri === "/repos/acme/api" ? [404, { message: "Not Found" }] : undefined));
    expect(await backfill(["acme/api"])).toMatchObject({ code: 2, stderr: expect.stringContaining("acme/api not found") });
  });
});

describe("agent-governance backfill --help", () => {
  it("documents every exit code", async () => {
    const run = await runWith({}, ["backfill", "--help"]);
    expect(run.code).toBe(0);
    for (const code of ["0", "2", "130"]) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });
});

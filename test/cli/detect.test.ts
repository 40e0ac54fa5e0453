/**
 * `agent-governance detect` on a generated history of a few hundred commits: per-month and
 * per-agent counts, the rule behind each, JSON, CSV, --since and --explain.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { parseSinceArgument } from "../../src/cli/detect.js";
import { cli, makeRepo, type TestRepo } from "./git-repo.js";

let repo: TestRepo;
const MONTHS = ["2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11"];
/** Every fifth commit is Claude Code's, every seventh an unknown agent's footer, the rest human. */
const kindOf = (i: number) => (i % 5 === 0 ? "claude" : i % 7 === 0 ? "footer" : "human");
const TOTAL = 300;

beforeAll(() => {
  repo = makeRepo();
  const git = (args: string[], input: string, env: Record<string, string> = {}) =>
    execFileSync("git", args, { cwd: repo.dir, input, encoding: "utf8", env: { ...process.env, ...env } }).trim();
  const tree = git(["mktree"], "");
  let parent = "";
  for (let i = 0; i < TOTAL; i++) {
    const date = `${MONTHS[Math.floor((i * MONTHS.length) / TOTAL)]}-1${i % 9}T12:00:00Z`;
    const kind = kindOf(i);
    const message =
      kind === "claude"
        ? `Change ${i}\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n`
        : kind === "footer"
          ? `Change ${i}\n\n🤖 Generated with Brandnew Agent\n`
          : `Change ${i}: mention Copilot and Claude in prose\n\nAssisted-by: Daniel Stenberg\n`;
    const env = { GIT_AUTHOR_NAME: "Ada", GIT_AUTHOR_EMAIL: "ada@example.com", GIT_COMMITTER_NAME: "Ada", GIT_COMMITTER_EMAIL: "ada@example.com", GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date };
    parent = git(["commit-tree", tree, ...(parent ? ["-p", parent] : []), "-F", "-"], message, env);
  }
  git(["update-ref", "refs/heads/main", parent], "");
}, 60_000);
afterAll(() => repo.remove());

const expectedAi = Array.from({ length: TOTAL }, (_, i) => kindOf(i)).filter((kind) => kind !== "human").length;
const claude = Array.from({ length: TOTAL }, (_, i) => kindOf(i)).filter((kind) => kind === "claude").length;

describe("agent-governance detect", () => {
  it("prints the share, a per-month table, the agents with their rules, and the rules", async () => {
    const run = await cli(repo.dir, "detect");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`HEAD: ${expectedAi} of ${TOTAL} commits AI-assisted`);
    expect(run.stdout).toMatch(/by month:\n\s+month\s+commits\s+AI-assisted\s+share\n\s+2026-06\s+50\s+\d+\s+[\d.]+%/);
    expect(run.stdout).toMatch(new RegExp(`claude-code\\s+${claude}\\s+catalogue-identity ${claude}`));
    expect(run.stdout).toMatch(/unknown-ai\s+\d+\s+generated-footer \d+/);
    expect(run.stdout).toMatch(/generated-footer\s+declared\s+\d+/);
  });

  it("--json gives the same counts", async () => {
    const report = JSON.parse((await cli(repo.dir, "detect", "--json")).stdout);
    expect(report).toMatchObject({ commits: TOTAL, aiCommits: expectedAi });
    expect(report.months).toHaveLength(MONTHS.length);
    expect(report.months.reduce((sum: number, m: { aiCommits: number }) => sum + m.aiCommits, 0)).toBe(expectedAi);
    expect(report.ai_commits[0]).toEqual(expect.objectContaining({ sha: expect.stringMatching(/^[0-9a-f]{40}$/), agents: expect.any(Array), rules: expect.any(Array) }));
  });

  it("--csv gives one quoted row per commit", async () => {
    const lines = (await cli(repo.dir, "detect", "--csv")).stdout.trimEnd().split("\r\n");
    expect(lines).toHaveLength(TOTAL + 1);
    expect(lines[0]).toBe('"sha","authored_at","month","ai_assisted","agents","rules","confidences","subject"');
    expect(lines.filter((line) => line.includes('"true"'))).toHaveLength(expectedAi);
  });

  it("a range and --since narrow the history", async () => {
    const range = JSON.parse((await cli(repo.dir, "detect", "main~10..main", "--json")).stdout);
    expect(range.commits).toBe(10);
    const since = JSON.parse((await cli(repo.dir, "detect", "--since", "2026-11-01", "--json")).stdout);
    expect(since.months.map((m: { month: string }) => m.month)).toEqual(["2026-11"]);
  });

  it("--explain shows one commit's signals with rule and confidence", async () => {
    const sha = repo.git("rev-list", "--max-count=1", "--grep=Change 295", "main").trim();
    const run = await cli(repo.dir, "detect", "--explain", sha);
    expect(run.stdout).toContain("identity · catalogue-identity · claude-code: Co-Authored-By: Claude <noreply@anthropic.com>");
  });

  it.each([
    [["--since", "last week"], /not a number of days/],
    [["--json", "--csv"], /cannot be combined/],
    [["nope..main"], /git log failed/],
    [["--explain", "0000000"], /unknown commit/],
  ])("fails clearly on %p", async (args, message) => {
    const run = await cli(repo.dir, "detect", ...args);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it("reads 90d as ninety days before now", () => {
    const now = new Date("2026-12-01T00:00:00Z");
    expect(parseSinceArgument("90d", now)).toEqual(new Date("2026-09-02T00:00:00Z"));
    expect(parseSinceArgument("2026-05-01", now)).toEqual(new Date("2026-05-01T00:00:00Z"));
    expect(parseSinceArgument("soon", now)).toBe("invalid");
  });
});

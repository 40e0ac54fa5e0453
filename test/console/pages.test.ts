/** The console's pages are pure renderings of view models: hostile input stays text. */
import { describe, expect, it } from "@jest/globals";
import { agentPage } from "../../src/console/pages/agent.js";
import { auditPage } from "../../src/console/pages/audit.js";
import { organisationPage } from "../../src/console/pages/organisation.js";
import { pullRequestPage, type PullRequestView } from "../../src/console/pages/pull-request.js";
import { organisationView } from "../../src/console/organisation-view.js";
import type { DecisionRecord, LedgerReads } from "../../src/ledger/index.js";
import { scopeOf } from "../../src/ledger/index.js";
import { aiCommit, decide, facts, HEAD, review } from "../policy/factories.js";
import { decisionTitle } from "../../src/report/reasons.js";

const HOSTILE = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
const chrome = { login: "alice", csrf: "token-123" };

function view(overrides: Partial<PullRequestView> = {}): PullRequestView {
  const prFacts = facts({ title: HOSTILE, commits: [aiCommit({ sha: HEAD, message: `${HOSTILE}\n\nbody ${HOSTILE}\n\nCo-Authored-By: Claude <noreply@anthropic.com>` })] });
  return {
    owner: "acme",
    repo: "api",
    number: 7,
    title: HOSTILE,
    author: "mallory<b>",
    headRef: `feature/${HOSTILE}`,
    baseRef: "main",
    state: "OPEN",
    decision: decide({ facts: prFacts }),
    commits: prFacts.commits.map((c) => ({ sha: c.sha, message: c.message })),
    outlook: {},
    policyUrl: null,
    timeline: [],
    canReEvaluate: true,
    linkedSha: null,
    ...overrides,
  };
}

/** No element or attribute from user input may survive: only the escaped text. */
function expectInert(page: string): void {
  expect(page).not.toContain("<script>");
  expect(page).not.toContain("<img");
  expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
}

const record = (overrides: Partial<DecisionRecord>): DecisionRecord => ({
  owner: "acme",
  repo: "api",
  pr: 7,
  headSha: HEAD,
  policy: { kind: "built-in", description: "built-in default", blobShas: [] },
  conclusion: "action_required",
  title: HOSTILE,
  aiAssisted: true,
  tier: "new",
  agents: ["claude-code"],
  rules: [{ name: HOSTILE, status: "waiting" }],
  gates: [],
  counted: [{ rule: "r", login: "eve\"><script>", commitId: HEAD }],
  ignored: [],
  override: null,
  at: new Date("2026-05-01T10:00:00Z"),
  ...overrides,
});

describe("pull request page", () => {
  it("renders a hostile title, branch, author and commit message as text", () => {
    const page = pullRequestPage(view({ timeline: [record({})] }), chrome);
    expectInert(page);
    expect(page).toContain("mallory&lt;b&gt;");
  });

  it("shows the verdict the check run shows, and the rule waiting with who can satisfy it", () => {
    const v = view();
    const page = pullRequestPage(v, chrome);
    expect(page).toContain(`<span class="verdict-title">${decisionTitle(v.decision!)}</span>`);
    expect(page).toContain("Waiting for approval");
    expect(page).toContain(`<td>${v.decision!.rules[0].name}<details>`);
  });

  it("shows each commit's signals with the rule that raised them and their confidence", () => {
    const page = pullRequestPage(view(), chrome);
    expect(page).toMatch(/<li>catalogue-identity · <code>claude-code<\/code> · identity · Co-Authored-By: Claude &lt;noreply@anthropic.com&gt;<\/li>/);
  });

  it("offers Re-evaluate, with the CSRF token, only to users who can write", () => {
    expect(pullRequestPage(view(), chrome)).toMatch(/action="\/acme\/api\/pull\/7\/re-evaluate"><input type="hidden" name="csrf" value="token-123">/);
    expect(pullRequestPage(view({ canReEvaluate: false }), chrome)).not.toContain("re-evaluate");
  });

  it("lists approvals that were ignored and why", () => {
    const prFacts = facts({ reviews: [review("alice", "APPROVED", { on: "0".repeat(40) })] });
    const page = pullRequestPage(view({ decision: decide({ facts: prFacts }) }), chrome);
    expect(page).toMatch(/@alice: stale/);
  });

  it("marks new heads and verdict changes in the timeline", () => {
    const page = pullRequestPage(
      view({ timeline: [record({ at: new Date("2026-05-01T10:00:00Z") }), record({ headSha: "f".repeat(40), conclusion: "success", at: new Date("2026-05-01T12:00:00Z") })] }),
      chrome,
    );
    expect(page).toContain("new head fffffff");
    expect(page).toContain("verdict waiting for approval → passed");
  });
});

describe("audit page", () => {
  it("keeps filter values and records inert", () => {
    const page = auditPage({ owner: "acme", query: { agent: HOSTILE, approver: `"><b>` }, repositories: ["api"], records: [record({})], limit: 100, problem: null }, chrome);
    expectInert(page);
    expect(page).not.toContain(`"><b>`);
    expect(page).toContain(`/acme/audit.csv?agent=`);
  });
});

describe("agent and organisation pages", () => {
  it("escape agent names and repository names", () => {
    const page = agentPage({ owner: "acme", agent: HOSTILE, windowDays: 84, summary: null, tiers: [], merges: [{ repo: HOSTILE, pr: 1, mergedAt: new Date(), revert: null }] }, chrome);
    expectInert(page);
  });

  it("draws weekly charts as SVG with titles, and waits per rule", async () => {
    const now = new Date("2026-06-01T12:00:00Z");
    const reads = {
      merges: async () => [{ at: new Date("2026-05-30T10:00:00Z"), aiAssisted: true }, { at: new Date("2026-05-30T11:00:00Z"), aiAssisted: false }],
      reverts: async () => [],
      approvalWaits: async () => [{ rule: HOSTILE, repo: "api", pr: 7, at: new Date("2026-05-30T10:00:00Z"), waitedMs: 2 * 3600_000, teams: [`acme/${HOSTILE}`] }],
      agentSummaries: async () => [{ agent: "claude-code", merged: 1, reverted: 0, lastMergedAt: now, latestTier: "new" }],
      repositorySummaries: async () => [{ repo: "api", policy: null, decisions: 3, mergedPulls: 2, aiAssistedMerges: 1 }],
    } as unknown as LedgerReads;
    const org = await organisationView(reads, scopeOf("acme", ["api"]), now);
    expect(org.weeks.at(-2)).toMatchObject({ label: "05-25", ai: 1, human: 1, medianWaitMs: 2 * 3600_000 });
    const page = organisationPage(org, chrome);
    expectInert(page);
    expect(page).toContain(`<svg viewBox="0 0 720 220"`);
    expect(page).toContain("<title>05-25 · AI-assisted: 1</title>");
    expect(page).toContain("50 %");
    expect(page).not.toMatch(/style="/);
  });
});

describe("approval waits per team", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const at = new Date("2026-05-30T10:00:00Z");
  const hours = (h: number) => h * 3600_000;
  const wait = (rule: string, waitedHours: number, teams: string[] | null) => ({ rule, repo: "api", pr: 7, at, waitedMs: hours(waitedHours), teams });
  const viewOf = (waits: ReturnType<typeof wait>[]) =>
    organisationView(
      {
        merges: async () => [],
        reverts: async () => [],
        approvalWaits: async () => waits,
        agentSummaries: async () => [],
        repositorySummaries: async () => [],
      } as unknown as LedgerReads,
      scopeOf("acme", ["api"]),
      now,
    );

  it("counts a rule's wait for each team it names, then rules no team approves, then waits whose teams were not recorded", async () => {
    const org = await viewOf([
      wait("senior review", 2, ["acme/seniors", "acme/platform"]),
      wait("senior review", 6, ["acme/seniors"]),
      wait("owner review", 1, []),
      wait("legacy", 9, null),
    ]);
    expect(org.waitsPerTeam).toEqual([
      { team: { kind: "team", name: "acme/platform" }, count: 1, medianMs: hours(2), p90Ms: hours(2) },
      { team: { kind: "team", name: "acme/seniors" }, count: 2, medianMs: hours(2), p90Ms: hours(6) },
      { team: { kind: "none" }, count: 1, medianMs: hours(1), p90Ms: hours(1) },
      { team: { kind: "unrecorded" }, count: 1, medianMs: hours(9), p90Ms: hours(9) },
    ]);
    expect(org.waitsPerRule.map((r) => [r.rule, r.count])).toEqual([
      ["legacy", 1],
      ["owner review", 1],
      ["senior review", 2],
    ]);
  });

  it("shows the per-team table beside the per-rule one, team names escaped", async () => {
    const page = organisationPage(await viewOf([wait("senior review", 2, [`acme/${HOSTILE}`]), wait("owner review", 1, []), wait("legacy", 9, null)]), chrome);
    expectInert(page);
    expect(page).toContain(`<h3 id="waits-per-team">Per team</h3>`);
    expect(page).toContain(`<td>@acme/&lt;script&gt;`);
    expect(page).toContain("<td>No team (listed users or a permission)</td><td>1</td>");
    expect(page).toContain("<td>Not recorded (decided before teams were kept)</td><td>1</td>");
  });

  it("has no per-team table when nothing waited", async () => {
    const page = organisationPage(await viewOf([]), chrome);
    expect(page).toContain("No approval wait recorded in this window.");
    expect(page).not.toContain("Per team");
  });
});

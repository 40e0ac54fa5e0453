/**
 * The web console's ledger reads, written once and run against SQLite (test/ledger/sqlite.test.ts)
 * and PostgreSQL (test/services/ledger.pg.test.ts). The scope names the repositories a user can
 * read: a repository outside it never contributes a row, a count or a name.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { DecisionRecord, Ledger } from "../../src/ledger/ledger.js";
import { scopeOf } from "../../src/ledger/queries/scope.js";
import type { LedgerStore } from "./ledger-contract.js";

const NOW = new Date("2026-06-01T12:00:00.000Z");
const hoursAgo = (hours: number): Date => new Date(NOW.getTime() - hours * 3600 * 1000);
const WINDOW = hoursAgo(24 * 90);

function decision(overrides: Partial<DecisionRecord>): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr: 7,
    headSha: "a".repeat(40),
    policy: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: ["c".repeat(40)] },
    conclusion: "action_required",
    title: "Waiting for 1 approval",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code"],
    rules: [{ name: "senior review", status: "waiting" }],
    gates: [],
    counted: [],
    ignored: [],
    override: null,
    at: hoursAgo(10),
    ...overrides,
  };
}

const met = (at: Date, login = "alice"): Partial<DecisionRecord> => ({
  conclusion: "success",
  title: "All rules met",
  rules: [{ name: "senior review", status: "met" }],
  counted: [{ rule: "senior review", login, commitId: "a".repeat(40) }],
  at,
});

export function ledgerReadsContract(newStore: () => Promise<LedgerStore>): void {
  describe("console reads", () => {
    let ledger: Ledger;
    const api = scopeOf("Acme", ["API"]);
    const both = scopeOf("acme", ["api", "secret"]);

    beforeEach(async () => {
      ledger = await (await newStore()).open();
      await ledger.recordDecision(decision({ at: hoursAgo(10) }));
      await ledger.recordDecision(decision({ ...met(hoursAgo(7)) }));
      await ledger.recordDecision(decision({ repo: "secret", pr: 1, agents: ["devin"], at: hoursAgo(9) }));
      await ledger.recordDecision(decision({ repo: "secret", pr: 1, agents: ["devin"], ...met(hoursAgo(1), "mallory") }));
      await ledger.recordDecision(decision({ pr: 8, aiAssisted: false, agents: [], rules: [], conclusion: "success", title: "No rule applies", at: hoursAgo(5) }));
      await ledger.recordMerge({ owner: "acme", repo: "api", pr: 7, headSha: "a".repeat(40), mergeCommitSha: "d".repeat(40), agents: ["claude-code"], mergedAt: hoursAgo(6) });
      await ledger.recordPullMerge({ owner: "acme", repo: "api", pr: 7, aiAssisted: true, mergedAt: hoursAgo(6) });
      await ledger.recordPullMerge({ owner: "acme", repo: "api", pr: 8, aiAssisted: false, mergedAt: hoursAgo(4) });
      await ledger.recordMerge({ owner: "acme", repo: "secret", pr: 1, headSha: "b".repeat(40), mergeCommitSha: null, agents: ["devin"], mergedAt: hoursAgo(1) });
      await ledger.recordPullMerge({ owner: "acme", repo: "secret", pr: 1, aiAssisted: true, mergedAt: hoursAgo(1) });
      await ledger.recordRevert({ owner: "acme", repo: "api", pr: 7, revertCommitSha: "e".repeat(40), revertPr: 9, revertedAt: hoursAgo(2) });
    });

    afterEach(async () => {
      await ledger.close();
    });

    it("lists every owner and repository it knows (to be filtered by access before showing)", async () => {
      expect(await ledger.reads.owners()).toEqual(["acme"]);
      expect(await ledger.reads.repositories("ACME")).toEqual(["api", "secret"]);
    });

    it("gives a pull request's decisions oldest first", async () => {
      const timeline = await ledger.reads.pullTimeline({ owner: "acme", repo: "api" }, 7);
      expect(timeline.map((d) => [d.conclusion, d.aiAssisted])).toEqual([
        ["action_required", true],
        ["success", true],
      ]);
    });

    it("summarises only readable repositories, with their policy and share of AI-assisted merges", async () => {
      expect(await ledger.reads.repositorySummaries(api, WINDOW)).toEqual([
        { repo: "api", policy: { kind: "repository", description: "acme/api/.agent-governance.yml@main" }, decisions: 3, mergedPulls: 2, aiAssistedMerges: 1 },
      ]);
      expect((await ledger.reads.repositorySummaries(both, WINDOW)).map((r) => r.repo)).toEqual(["api", "secret"]);
      expect(await ledger.reads.repositorySummaries(scopeOf("acme", []), WINDOW)).toEqual([]);
    });

    it("counts a repository's decisions from the window's first instant, whether or not it is midnight", async () => {
      const day = "2026-05-20";
      for (const [pr, time] of [[20, "00:00:00.000"], [21, "09:59:59.999"], [22, "10:00:00.000"], [23, "23:59:59.999"]] as const) {
        await ledger.recordDecision(decision({ repo: "tools", pr, at: new Date(`${day}T${time}Z`) }));
      }
      await ledger.recordDecision(decision({ repo: "tools", pr: 24, at: new Date("2026-05-19T23:59:59.999Z") }));
      await ledger.recordDecision(decision({ repo: "tools", pr: 25, at: new Date("2026-05-21T00:00:00.000Z") }));
      const tools = scopeOf("acme", ["tools"]);
      const count = async (since: string) => (await ledger.reads.repositorySummaries(tools, new Date(since)))[0].decisions;
      expect(await count(`${day}T00:00:00.000Z`)).toBe(5);
      expect(await count(`${day}T10:00:00.000Z`)).toBe(3);
      expect(await count(`${day}T23:59:59.999Z`)).toBe(2);
      expect(await count("2026-05-19T23:59:59.999Z")).toBe(6);
    });

    it("shows the policy of a repository's latest decision, even when an older one is recorded after it", async () => {
      const policy = (description: string) => ({ kind: "repository" as const, description, blobShas: ["c".repeat(40)] });
      await ledger.recordDecision(decision({ pr: 30, policy: policy("acme/api/.agent-governance.yml@v2"), at: hoursAgo(3) }));
      await ledger.recordDecision(decision({ pr: 31, policy: policy("acme/api/.agent-governance.yml@v1"), at: hoursAgo(4) }));
      expect((await ledger.reads.repositorySummaries(api, WINDOW))[0].policy).toEqual({ kind: "repository", description: "acme/api/.agent-governance.yml@v2" });
    });

    it("gives an agent the tier of its latest decision in a readable repository", async () => {
      await ledger.recordDecision(decision({ pr: 40, tier: "established", at: hoursAgo(3) }));
      await ledger.recordDecision(decision({ repo: "secret", pr: 41, tier: "trusted", at: hoursAgo(2) }));
      await ledger.recordDecision(decision({ pr: 42, tier: "new", agents: ["devin"], at: hoursAgo(1) }));
      const tierOf = async (scope: typeof api) => (await ledger.reads.agentSummaries(scope, WINDOW, { agent: "claude-code" }))[0].latestTier;
      expect(await tierOf(api)).toBe("established");
      expect(await tierOf(both)).toBe("trusted");
      expect((await ledger.reads.agentSummaries(api, WINDOW, { tiers: false }))[0].latestTier).toBeNull();
    });

    it("keeps an agent's tier history apart from agents whose names contain its own", async () => {
      await ledger.recordDecision(decision({ pr: 50, tier: "established", agents: ["claude-code-review"], at: hoursAgo(3) }));
      await ledger.recordDecision(decision({ pr: 51, tier: "trusted", agents: ["devin", "claude-code"], at: hoursAgo(2) }));
      const history = await ledger.reads.agentTierHistory(api, "claude-code", WINDOW);
      expect(history.map((h) => [h.tier, h.pr])).toEqual([
        ["new", 7],
        ["trusted", 51],
      ]);
    });

    it("counts merges and reverts of readable repositories only", async () => {
      const merges = await ledger.reads.merges(api, WINDOW);
      expect(merges.map((m) => m.aiAssisted).sort()).toEqual([false, true]);
      expect((await ledger.reads.merges(both, WINDOW)).length).toBe(3);
      expect((await ledger.reads.reverts(api, WINDOW)).map((r) => [r.repo, r.pr])).toEqual([["api", 7]]);
    });

    it("measures how long AI-assisted pull requests waited for a rule to be met", async () => {
      const waits = await ledger.reads.approvalWaits(api, WINDOW);
      expect(waits.map((w) => [w.rule, w.at, w.waitedMs / 3600_000])).toEqual([["senior review", hoursAgo(7), 3]]);
      expect((await ledger.reads.approvalWaits(both, WINDOW)).map((w) => w.waitedMs / 3600_000).sort()).toEqual([3, 8]);
    });

    it("keeps the teams whose approval each waiting rule asked for", async () => {
      const seniors = (status: string) => [{ name: "senior review", status, teams: ["acme/seniors", "acme/platform", "acme/seniors"] }];
      await ledger.recordDecision(decision({ pr: 20, rules: seniors("waiting"), at: hoursAgo(10) }));
      await ledger.recordDecision(decision({ pr: 20, ...met(hoursAgo(8)), rules: seniors("met") }));
      const users = (status: string) => [{ name: "owner review", status, teams: [] }];
      await ledger.recordDecision(decision({ pr: 21, rules: users("waiting"), at: hoursAgo(10) }));
      await ledger.recordDecision(decision({ pr: 21, ...met(hoursAgo(9)), rules: users("met") }));
      const waits = await ledger.reads.approvalWaits(api, WINDOW);
      expect(waits.map((w) => [w.pr, w.rule, w.teams]).sort(([a], [b]) => Number(a) - Number(b))).toEqual([
        [7, "senior review", null],
        [20, "senior review", ["acme/platform", "acme/seniors"]],
        [21, "owner review", []],
      ]);
    });

    it("takes a wait's teams from the decision that met it when the one that started it did not record them", async () => {
      await ledger.recordDecision(decision({ pr: 22, at: hoursAgo(10) }));
      await ledger.recordDecision(decision({ pr: 22, ...met(hoursAgo(8)), rules: [{ name: "senior review", status: "met", teams: ["acme/seniors"] }] }));
      const waits = await ledger.reads.approvalWaits(api, WINDOW);
      expect(waits.find((w) => w.pr === 22)?.teams).toEqual(["acme/seniors"]);
    });

    it("summarises agents from readable repositories only", async () => {
      expect(await ledger.reads.agentSummaries(api, WINDOW)).toEqual([
        { agent: "claude-code", merged: 1, reverted: 1, lastMergedAt: hoursAgo(6), latestTier: "new" },
      ]);
      expect((await ledger.reads.agentSummaries(both, WINDOW)).map((a) => a.agent)).toEqual(["claude-code", "devin"]);
    });

    it("counts each agent's merges since each trend period's start in the same read", async () => {
      const summaries = await ledger.reads.agentSummaries(both, WINDOW, { mergedSince: [hoursAgo(3), hoursAgo(6), hoursAgo(8)] });
      expect(summaries.map((a) => [a.agent, a.merged, a.mergedSince])).toEqual([
        ["claude-code", 1, [0, 1, 1]],
        ["devin", 1, [1, 1, 1]],
      ]);
    });

    it("lists an agent's merges with the revert that undid each", async () => {
      expect(await ledger.reads.agentMerges(api, "claude-code")).toEqual([
        { repo: "api", pr: 7, mergedAt: hoursAgo(6), revert: { at: hoursAgo(2), commitSha: "e".repeat(40), pr: 9 } },
      ]);
      expect(await ledger.reads.agentMerges(api, "devin")).toEqual([]);
    });

    it("keeps an agent's tier changes, oldest first", async () => {
      await ledger.recordDecision(decision({ pr: 10, tier: "established", at: hoursAgo(3) }));
      await ledger.recordDecision(decision({ pr: 11, tier: "established", at: hoursAgo(2) }));
      await ledger.recordDecision(decision({ pr: 12, tier: "new", at: hoursAgo(1) }));
      const history = await ledger.reads.agentTierHistory(api, "claude-code", WINDOW);
      expect(history.map((h) => [h.tier, h.pr])).toEqual([
        ["new", 7],
        ["established", 10],
        ["new", 12],
      ]);
    });

    it("filters the audit log by repository, agent, outcome, approver and date", async () => {
      const audit = (filter: Parameters<Ledger["reads"]["audit"]>[1], scope = both) =>
        ledger.reads.audit(scope, filter).then((records) => records.map((r) => `${r.repo}#${r.pr}:${r.conclusion}`));
      expect(await audit({})).toEqual(["secret#1:success", "api#8:success", "api#7:success", "secret#1:action_required", "api#7:action_required"]);
      expect(await audit({}, api)).toEqual(["api#8:success", "api#7:success", "api#7:action_required"]);
      expect(await audit({ repo: "secret" }, api)).toEqual([]);
      expect(await audit({ agent: "devin" })).toEqual(["secret#1:success", "secret#1:action_required"]);
      expect(await audit({ conclusion: "action_required" })).toEqual(["secret#1:action_required", "api#7:action_required"]);
      expect(await audit({ approver: "ALICE" })).toEqual(["api#7:success"]);
      expect(await audit({ since: hoursAgo(8), until: hoursAgo(4) })).toEqual(["api#8:success", "api#7:success"]);
      expect(await audit({ limit: 1 })).toEqual(["secret#1:success"]);
    });
  });
}

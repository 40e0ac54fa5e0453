/**
 * The behaviour every ledger driver must have, written once and run against SQLite
 * (test/ledger/sqlite.test.ts) and PostgreSQL (test/services/ledger.pg.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import type { Autonomy } from "../../src/config/policy.js";
import type { DecisionRecord, Ledger, MergeRecord } from "../../src/ledger/ledger.js";
import { recordRevertsIn } from "../../src/ledger/record-revert.js";
import { trustFor } from "../../src/pipeline/trust.js";

/** One empty store; `open` may be called several times and opens the same store again. */
export interface LedgerStore {
  open(): Promise<Ledger>;
}

const SHA_A = "a".repeat(40);
const SHA_B = "b".repeat(40);
const SHA_C = "c".repeat(40);
const NOW = new Date("2026-06-01T12:00:00.000Z");
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 24 * 3600 * 1000);

function merge(pr: number, overrides: Partial<MergeRecord> = {}): MergeRecord {
  return {
    owner: "acme",
    repo: "api",
    pr,
    headSha: pr.toString(16).padStart(40, "1"),
    mergeCommitSha: pr.toString(16).padStart(40, "2"),
    agents: ["claude-code"],
    mergedAt: daysAgo(10),
    ...overrides,
  };
}

function decision(overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr: 7,
    headSha: SHA_A,
    policy: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: [SHA_C] },
    conclusion: "success",
    title: "All rules met",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code"],
    rules: [{ name: "senior-review", status: "met" }],
    gates: [{ name: "max_changed_lines", status: "passed" }],
    counted: [{ rule: "senior-review", login: "alice", commitId: SHA_A }],
    ignored: [{ rule: "senior-review", login: "bob", commitId: SHA_B, reason: "stale", detail: "approved bbbbbbb, head is aaaaaaa" }],
    override: null,
    at: daysAgo(1),
    ...overrides,
  };
}

const AUTONOMY: Autonomy = {
  window_days: 90,
  scope: "repository",
  tiers: [{ name: "established", min_merged: 2, max_revert_rate: 0.5 }],
  demote_on_revert_days: 14,
};

export function ledgerContract(newStore: () => Promise<LedgerStore>): void {
  let store: LedgerStore;
  let opened: Ledger[];
  let ledger: Ledger;

  const open = async (): Promise<Ledger> => {
    const l = await store.open();
    opened.push(l);
    return l;
  };

  beforeEach(async () => {
    store = await newStore();
    opened = [];
    ledger = await open();
  });

  afterEach(async () => {
    for (const l of opened) await l.close();
  });

  describe("merges", () => {
    it("records a merge once even when the webhook is delivered twice", async () => {
      expect(await ledger.recordMerge(merge(1))).toBe(true);
      expect(await ledger.recordMerge(merge(1))).toBe(false);
      const [record] = await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90));
      expect(record.merged).toBe(1);
    });

    it("records concurrent deliveries of the same merge once", async () => {
      const results = await Promise.all(Array.from({ length: 8 }, () => ledger.recordMerge(merge(1))));
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("reads a merge back by PR number, whatever the case of owner and repository", async () => {
      await ledger.recordMerge(merge(3, { owner: "Acme", repo: "API", agents: ["claude-code", "copilot"] }));
      expect(await ledger.findMergeByPr({ owner: "acme", repo: "Api" }, 3)).toEqual(
        merge(3, { agents: ["claude-code", "copilot"] }),
      );
    });

    it("finds no merge for a PR that was not recorded", async () => {
      expect(await ledger.findMergeByPr({ owner: "acme", repo: "api" }, 99)).toBeNull();
    });

    it.each([
      ["the full merge commit SHA", SHA_A],
      ["the full head SHA", SHA_B],
      ["an abbreviated merge commit SHA", SHA_A.slice(0, 7)],
      ["an upper-case SHA", SHA_A.toUpperCase()],
    ])("finds a merge by %s", async (_name, sha) => {
      await ledger.recordMerge(merge(5, { mergeCommitSha: SHA_A, headSha: SHA_B }));
      expect((await ledger.findMergeByCommit({ owner: "acme", repo: "api" }, sha))?.pr).toBe(5);
    });

    it.each([
      ["an unknown SHA", "d".repeat(40)],
      ["a SHA shorter than 7 digits", SHA_A.slice(0, 6)],
      ["something that is not hex", "aaaaaaa%"],
    ])("finds no merge by %s", async (_name, sha) => {
      await ledger.recordMerge(merge(5, { mergeCommitSha: SHA_A, headSha: SHA_B }));
      expect(await ledger.findMergeByCommit({ owner: "acme", repo: "api" }, sha)).toBeNull();
    });

    it("finds no merge of another repository by its SHA", async () => {
      await ledger.recordMerge(merge(5, { mergeCommitSha: SHA_A }));
      expect(await ledger.findMergeByCommit({ owner: "acme", repo: "web" }, SHA_A)).toBeNull();
    });

    it("finds no merge by an abbreviated SHA that fits two merges", async () => {
      await ledger.recordMerge(merge(5, { mergeCommitSha: "abcdef0" + "1".repeat(33) }));
      await ledger.recordMerge(merge(6, { mergeCommitSha: "abcdef0" + "2".repeat(33) }));
      expect(await ledger.findMergeByCommit({ owner: "acme", repo: "api" }, "abcdef0")).toBeNull();
    });
  });

  describe("reverts", () => {
    it("counts a revert of a recorded merge once", async () => {
      await ledger.recordMerge(merge(1));
      const revert = { owner: "acme", repo: "api", pr: 1, revertCommitSha: SHA_C, revertPr: 2, revertedAt: daysAgo(2) };
      expect(await ledger.recordRevert(revert)).toBe(true);
      expect(await ledger.recordRevert({ ...revert, revertCommitSha: SHA_B, revertPr: null })).toBe(false);
      const [record] = await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90));
      expect(record).toEqual({ agent: "claude-code", merged: 1, reverted: 1, lastRevertAt: daysAgo(2) });
    });

    it("records no revert of a PR that is not a recorded merge", async () => {
      const revert = { owner: "acme", repo: "api", pr: 1, revertCommitSha: null, revertPr: 2, revertedAt: daysAgo(2) };
      expect(await ledger.recordRevert(revert)).toBe(false);
    });

    it("attributes a revert commit's message to the merge it names", async () => {
      await ledger.recordMerge(merge(1, { mergeCommitSha: SHA_A }));
      const change = { owner: "acme", repo: "api", commitSha: SHA_C, pr: null, at: daysAgo(1) };
      const text = `Revert "Add cache"\n\nThis reverts commit ${SHA_A}.\n`;
      expect((await recordRevertsIn(ledger, { ...change, text })).map((m) => m.pr)).toEqual([1]);
      expect(await recordRevertsIn(ledger, { ...change, text })).toEqual([]);
    });

    it("attributes a revert pull request's body to the merged PR it names", async () => {
      await ledger.recordMerge(merge(12));
      const change = { owner: "acme", repo: "api", commitSha: null, pr: 13, at: daysAgo(1) };
      const counted = await recordRevertsIn(ledger, { ...change, text: 'Revert "Add cache"\n\nReverts acme/api#12' });
      expect(counted.map((m) => m.pr)).toEqual([12]);
    });
  });

  describe("track records", () => {
    it("counts only merges inside the window", async () => {
      await ledger.recordMerge(merge(1, { mergedAt: daysAgo(10) }));
      await ledger.recordMerge(merge(2, { mergedAt: daysAgo(100) }));
      const [record] = await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90));
      expect(record.merged).toBe(1);
    });

    it("reports a recent revert of a merge older than the window, without counting it as reverted", async () => {
      await ledger.recordMerge(merge(1, { mergedAt: daysAgo(200) }));
      await ledger.recordRevert({ owner: "acme", repo: "api", pr: 1, revertCommitSha: null, revertPr: 9, revertedAt: daysAgo(3) });
      expect(await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90))).toEqual([
        { agent: "claude-code", merged: 0, reverted: 0, lastRevertAt: daysAgo(3) },
      ]);
    });

    it("counts a PR with several agents for each of them", async () => {
      await ledger.recordMerge(merge(1, { agents: ["claude-code", "copilot"] }));
      const records = await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90));
      expect(records.map((r) => [r.agent, r.merged])).toEqual([
        ["claude-code", 1],
        ["copilot", 1],
      ]);
    });

    it("counts one repository's merges in repository scope and all of the owner's in organization scope", async () => {
      await ledger.recordMerge(merge(1, { repo: "api" }));
      await ledger.recordMerge(merge(1, { repo: "web" }));
      await ledger.recordMerge(merge(1, { owner: "other", repo: "api" }));
      const repoScope = await ledger.trackRecords({ owner: "acme", repo: "api" }, daysAgo(90));
      const orgScope = await ledger.trackRecords({ owner: "ACME" }, daysAgo(90));
      expect([repoScope[0].merged, orgScope[0].merged]).toEqual([1, 2]);
    });

    it("gives the engine each agent's tier in the policy's scope", async () => {
      await ledger.recordMerge(merge(1, { repo: "api" }));
      await ledger.recordMerge(merge(2, { repo: "web" }));
      const repo = { owner: "acme", repo: "api" };
      const byRepo = await trustFor(ledger, repo, AUTONOMY, NOW);
      const byOrg = await trustFor(ledger, repo, { ...AUTONOMY, scope: "organization" }, NOW);
      expect([byRepo.agents["claude-code"].tier, byOrg.agents["claude-code"].tier]).toEqual(["new", "established"]);
    });
  });

  describe("decisions", () => {
    it("stores a decision and reads it back as recorded", async () => {
      await ledger.recordDecision(decision());
      expect(await ledger.decisions({ owner: "acme", repo: "api" })).toEqual([decision()]);
    });

    it("stores the same decision seen again later once", async () => {
      expect(await ledger.recordDecision(decision())).toBe(true);
      expect(await ledger.recordDecision(decision({ at: NOW }))).toBe(false);
      expect(await ledger.decisions({ owner: "acme" })).toHaveLength(1);
    });

    it("stores a decision that now names its rules' teams once when it was kept before teams were", async () => {
      expect(await ledger.recordDecision(decision())).toBe(true);
      expect(await ledger.recordDecision(decision({ rules: [{ name: "senior-review", status: "met", teams: ["acme/seniors"] }], at: NOW }))).toBe(false);
      expect(await ledger.decisions({ owner: "acme" })).toHaveLength(1);
    });

    it("reads back the teams of each rule", async () => {
      const rules = [{ name: "senior-review", status: "met", teams: ["acme/seniors"] }, { name: "any-review", status: "met", teams: [] }];
      await ledger.recordDecision(decision({ rules }));
      expect((await ledger.decisions({ owner: "acme" }))[0].rules).toEqual(rules);
    });

    it.each([
      ["a different outcome", { conclusion: "action_required" as const }],
      ["another head SHA", { headSha: SHA_B }],
      ["another policy version", { policy: { kind: "repository" as const, description: "x", blobShas: [SHA_A] } }],
      ["different approvers", { counted: [] }],
    ])("stores a decision with %s as a new row", async (_name, change) => {
      await ledger.recordDecision(decision());
      expect(await ledger.recordDecision(decision({ ...change, at: NOW }))).toBe(true);
    });

    it("lists decisions newest first, filtered by repository, PR and time", async () => {
      await ledger.recordDecision(decision({ pr: 1, at: daysAgo(5) }));
      await ledger.recordDecision(decision({ pr: 2, at: daysAgo(3) }));
      await ledger.recordDecision(decision({ pr: 2, headSha: SHA_B, at: daysAgo(1) }));
      await ledger.recordDecision(decision({ repo: "web", pr: 2, at: daysAgo(1) }));
      const prs = async (q: Parameters<Ledger["decisions"]>[0]) =>
        (await ledger.decisions(q)).map((d) => `${d.repo}#${d.pr}@${d.headSha.slice(0, 1)}`);
      expect(await prs({ owner: "acme", repo: "api" })).toEqual(["api#2@b", "api#2@a", "api#1@a"]);
      expect(await prs({ owner: "acme", repo: "api", pr: 1 })).toEqual(["api#1@a"]);
      expect(await prs({ owner: "acme", repo: "api", since: daysAgo(4) })).toEqual(["api#2@b", "api#2@a"]);
      expect(await prs({ owner: "acme", repo: "api", limit: 1 })).toEqual(["api#2@b"]);
    });
  });

  describe("pushers", () => {
    const api = { owner: "Acme", repo: "API" };

    it("remembers who pushed a pull request's heads, each once, in the order first seen", async () => {
      await ledger.recordPusher(api, 7, { login: "alice", id: 1, isBot: false }, daysAgo(2));
      await ledger.recordPusher(api, 7, { login: "copilot-swe-agent", id: 198982749, isBot: true }, daysAgo(1));
      await ledger.recordPusher({ owner: "acme", repo: "api" }, 7, { login: "alice", id: 1, isBot: false }, NOW);
      await ledger.recordPusher(api, 8, { login: "bob", isBot: false }, NOW);
      expect(await ledger.pushersOf({ owner: "acme", repo: "api" }, 7)).toEqual([
        { login: "alice", id: 1, isBot: false },
        { login: "copilot-swe-agent", id: 198982749, isBot: true },
      ]);
      expect(await ledger.pushersOf(api, 8)).toEqual([{ login: "bob", isBot: false }]);
      expect(await ledger.pushersOf(api, 9)).toEqual([]);
    });
  });

  describe("lifecycle", () => {
    it("answers a ping while open", async () => {
      expect(await ledger.ping()).toBe(true);
    });

    it("answers no to a ping once closed", async () => {
      const other = await store.open();
      await other.close();
      expect(await other.ping()).toBe(false);
    });

    it("keeps its records when opened again, without migrating twice", async () => {
      await ledger.recordMerge(merge(1));
      const again = await open();
      expect(await again.findMergeByPr({ owner: "acme", repo: "api" }, 1)).not.toBeNull();
      expect(await again.recordMerge(merge(1))).toBe(false);
    });
  });
}

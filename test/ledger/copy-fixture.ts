/**
 * Shared by the copy-ledger tests: a ledger holding a row in every table, recorded through the
 * ledger's own API, and a dump of every table that two ledgers can be compared by.
 */
import type { Kysely } from "kysely";
import type { DecisionRecord, Ledger } from "../../src/ledger/index.js";
import { openLedgerDatabase, type LedgerOptions } from "../../src/ledger/open.js";

const HEAD = "9b8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";

function decision(overrides: Partial<DecisionRecord>): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr: 7,
    headSha: HEAD,
    policy: { kind: "repository", description: ".agent-governance.yml", blobShas: ["b7e1c1a6a1f7f3f0c6a4d7f2e9d8c1b0a9f8e7d6"] },
    conclusion: "action_required",
    title: "Waiting for 1 approval from @acme/seniors — <script>alert(1)</script>",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code", "copilot"],
    rules: [{ name: "senior approval", status: "waiting" }],
    gates: [],
    counted: [],
    ignored: [],
    override: null,
    at: new Date("2026-05-01T10:00:00Z"),
    ...overrides,
  };
}

/** Every table gets rows: merges and their agents, a revert, pull merges, decisions, an approval wait, a pusher. */
export async function seedEveryTable(ledger: Ledger, pulls = 3): Promise<void> {
  for (let pr = 1; pr <= pulls; pr++) {
    const at = new Date(Date.UTC(2026, 4, pr, 10));
    await ledger.recordDecision(decision({ pr, at }));
    await ledger.recordDecision(
      decision({ pr, at: new Date(at.getTime() + 3_600_000), conclusion: "success", title: "All rules met", rules: [{ name: "senior approval", status: "met" }], counted: [{ rule: "senior approval", login: "alice", commitId: HEAD }] }),
    );
    await ledger.recordMerge({ owner: "acme", repo: "api", pr, headSha: HEAD, mergeCommitSha: null, agents: ["claude-code", "copilot"], mergedAt: new Date(at.getTime() + 7_200_000) });
    await ledger.recordPullMerge({ owner: "acme", repo: "api", pr, aiAssisted: true, mergedAt: new Date(at.getTime() + 7_200_000) });
    await ledger.recordPusher({ owner: "acme", repo: "api" }, pr, { login: "copilot-swe-agent", id: 198982749, isBot: true }, at);
  }
  await ledger.recordRevert({ owner: "acme", repo: "api", pr: 1, revertCommitSha: "1234567c5b4a39281706f5e4d3c2b1a0f9e8d7c6", revertPr: 9, revertedAt: new Date("2026-06-01T00:00:00Z") });
}

const NUMERIC = new Set(["pr_number", "revert_pr_number", "account_id", "is_bot", "ai_assisted"]);

/** Each table's rows in key order, with numbers as numbers (PostgreSQL returns bigints as text). */
export async function dumpLedger(options: LedgerOptions): Promise<Record<string, unknown[]>> {
  const { db } = await openLedgerDatabase(options);
  try {
    const dump: Record<string, unknown[]> = {};
    for (const table of ["merges", "merge_agents", "reverts", "pull_merges", "decisions", "approval_waits", "pull_request_pushers"] as const) {
      const rows = await (db as unknown as Kysely<Record<string, Record<string, unknown>>>).selectFrom(table).selectAll().execute();
      dump[table] = rows
        .map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, NUMERIC.has(k) && v !== null ? Number(v) : v]))))
        .sort();
    }
    return dump;
  } finally {
    await db.destroy();
  }
}

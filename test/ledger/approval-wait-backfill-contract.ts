/**
 * A ledger that holds decisions from before approval waits were kept, upgraded: the waits are
 * derived from its decisions, once. Written once and run against SQLite (test/ledger/sqlite.test.ts)
 * and PostgreSQL (test/services/ledger.pg.test.ts).
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { Migrator, type Kysely } from "kysely";
import { backfillApprovalWaits } from "../../src/ledger/approval-wait-backfill.js";
import { decisionRow } from "../../src/ledger/decision-rows.js";
import type { DecisionRecord, Ledger } from "../../src/ledger/ledger.js";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from "../../src/ledger/migrate.js";
import { migrations } from "../../src/ledger/migrations/index.js";
import { scopeOf } from "../../src/ledger/queries/scope.js";

/** One empty store, reachable both as a raw database (to build an old ledger) and as the ledger. */
export interface OldLedgerStore {
  raw(): Kysely<any>;
  /** PostgreSQL: the store's schema (the migrations' bookkeeping must be looked up there only). */
  schema?: string;
  open(): Promise<Ledger>;
}

const NOW = new Date("2026-06-01T12:00:00.000Z");
const hoursAgo = (hours: number): Date => new Date(NOW.getTime() - hours * 3600 * 1000);
const WINDOW = hoursAgo(24 * 90);

/** Runs the named migrations only: the ledger as an older version of the app left it. */
async function migrateTo(db: Kysely<any>, schema: string | undefined, names: readonly string[]): Promise<void> {
  const provider = { getMigrations: async () => Object.fromEntries(names.map((name) => [name, migrations[name]])) };
  const migrator = new Migrator({ db, provider, migrationTableName: MIGRATION_TABLE, migrationLockTableName: MIGRATION_LOCK_TABLE, migrationTableSchema: schema });
  const { error } = await migrator.migrateToLatest();
  if (error !== undefined) throw error;
}

function decision(pr: number, status: string, at: Date, overrides: Partial<DecisionRecord> = {}): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr,
    headSha: at.getTime().toString(16).padStart(40, "a"),
    policy: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: [] },
    conclusion: status === "met" ? "success" : "action_required",
    title: status === "met" ? "All rules met" : "Waiting for 1 approval",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code"],
    rules: [{ name: "senior review", status }],
    gates: [],
    counted: [],
    ignored: [],
    override: null,
    at,
    ...overrides,
  };
}

/** A decision row as the first schema stored it: no ai_assisted column yet. */
function firstSchemaRow(record: DecisionRecord) {
  const { ai_assisted: _, ...row } = decisionRow(record);
  return row;
}

export function approvalWaitBackfillContract(newStore: () => Promise<OldLedgerStore>): void {
  describe("approval waits of decisions recorded before they were kept", () => {
    let raw: Kysely<any>;
    let ledger: Ledger | undefined;

    afterEach(async () => {
      await ledger?.close();
      await raw.destroy();
    });

    async function upgradedLedger(): Promise<Ledger> {
      const store = await newStore();
      raw = store.raw();
      await migrateTo(raw, store.schema, ["0001-initial"]);
      await raw
        .insertInto("decisions")
        .values([
          // #1: waited from its first waiting decision (another head waited later) to the first met.
          firstSchemaRow(decision(1, "waiting", hoursAgo(30))),
          firstSchemaRow(decision(1, "waiting", hoursAgo(28))),
          firstSchemaRow(decision(1, "met", hoursAgo(20))),
          firstSchemaRow(decision(1, "met", hoursAgo(2))),
          // #2: a human's pull request: no wait is kept for it.
          firstSchemaRow(decision(2, "waiting", hoursAgo(30), { agents: [] })),
          firstSchemaRow(decision(2, "met", hoursAgo(29), { agents: [] })),
          // #3: still waiting.
          firstSchemaRow(decision(3, "waiting", hoursAgo(30))),
          // #4: waited before the upgrade, met after it (below).
          firstSchemaRow(decision(4, "waiting", hoursAgo(40))),
        ])
        .execute();
      await migrateTo(raw, store.schema, ["0001-initial", "0002-console", "0003-pushers"]);
      // #4 met, and #5 waited and was met, while approval waits were kept but teams were not.
      await raw.insertInto("decisions").values([decisionRow(decision(4, "met", hoursAgo(10))), decisionRow(decision(5, "waiting", hoursAgo(12))), decisionRow(decision(5, "met", hoursAgo(11)))]).execute();
      await raw.insertInto("approval_waits").values({ owner: "acme", repo: "api", pr_number: 5, rule: "senior review", waiting_since: hoursAgo(12).toISOString(), met_at: hoursAgo(11).toISOString() }).execute();
      ledger = await store.open();
      return ledger;
    }

    it("derives them from the decisions when the ledger is upgraded, keeping those it already had", async () => {
      const upgraded = await upgradedLedger();
      const waits = await upgraded.reads.approvalWaits(scopeOf("acme", ["api"]), WINDOW);
      expect(waits.map((w) => [w.pr, w.rule, w.waitedMs / 3600_000, w.teams])).toEqual([
        [1, "senior review", 10, null],
        [5, "senior review", 1, null],
        [4, "senior review", 30, null],
      ]);
      const pending = await raw.selectFrom("approval_waits").select(["pr_number", "met_at"]).where("met_at", "is", null).execute();
      expect(pending.map((row) => [Number(row.pr_number), row.met_at])).toEqual([[3, null]]);
    });

    it("adds nothing when run again", async () => {
      await upgradedLedger();
      const before = await raw.selectFrom("approval_waits").selectAll().orderBy("pr_number").execute();
      expect(await backfillApprovalWaits(raw)).toBe(0);
      expect(await raw.selectFrom("approval_waits").selectAll().orderBy("pr_number").execute()).toEqual(before);
    });
  });
}

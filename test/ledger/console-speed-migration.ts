/**
 * Migration 0004-console-speed on a ledger that already holds decisions: the console's summaries
 * it builds from them must read exactly as if the decisions had been recorded after it. Run
 * against SQLite (test/ledger/sqlite.test.ts) and PostgreSQL (test/services/ledger.pg.test.ts).
 */
import { expect, it } from "@jest/globals";
import { Migrator, type Kysely } from "kysely";
import { decisionRow } from "../../src/ledger/decision-rows.js";
import type { DecisionRecord, Ledger } from "../../src/ledger/ledger.js";
import { MIGRATION_LOCK_TABLE, MIGRATION_TABLE } from "../../src/ledger/migrate.js";
import { migrationProvider } from "../../src/ledger/migrations/index.js";
import { scopeOf } from "../../src/ledger/queries/scope.js";
import type { LedgerDatabase } from "../../src/ledger/schema.js";

export interface TwoLedgers {
  /** A store's raw database, not yet migrated. */
  raw(): Promise<Kysely<LedgerDatabase>>;
  /** Opens (and so migrates to the latest) the same store. */
  open(): Promise<Ledger>;
  /** Opens a second, empty store. */
  openEmpty(): Promise<Ledger>;
  /** PostgreSQL: the store's schema, where Kysely keeps its migration tables. */
  schema?: string;
}

const at = (iso: string): Date => new Date(iso);

function decision(pr: number, overrides: Partial<DecisionRecord>): DecisionRecord {
  return {
    owner: "acme",
    repo: "api",
    pr,
    headSha: "a".repeat(40),
    policy: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: ["c".repeat(40)] },
    conclusion: "success",
    title: "All rules met",
    aiAssisted: true,
    tier: "new",
    agents: ["claude-code"],
    rules: [],
    gates: [],
    counted: [],
    ignored: [],
    override: null,
    at: at("2026-05-20T10:00:00Z"),
    ...overrides,
  };
}

const DECISIONS: DecisionRecord[] = [
  decision(1, {}),
  decision(1, { conclusion: "action_required", title: "Waiting", at: at("2026-05-20T09:00:00Z") }),
  decision(2, { tier: "established", agents: ["claude-code", "devin", "devin"], at: at("2026-05-21T08:00:00Z") }),
  decision(3, { repo: "web", tier: "trusted", policy: { kind: "organization", description: "acme/.github", blobShas: [] }, at: at("2026-05-22T23:59:59.999Z") }),
  decision(4, { repo: "web", agents: [], aiAssisted: false, at: at("2026-05-22T12:00:00Z") }),
  decision(5, { policy: { kind: "built-in", description: "built-in", blobShas: [] }, agents: ["devin"], at: at("2026-05-23T00:00:00Z") }),
];

async function views(ledger: Ledger): Promise<unknown> {
  const scope = scopeOf("acme", ["api", "web"]);
  const since = at("2026-05-20T09:30:00Z");
  for (const pr of [1, 2, 3]) {
    const repo = pr === 3 ? "web" : "api";
    await ledger.recordMerge({ owner: "acme", repo, pr, headSha: "a".repeat(40), mergeCommitSha: null, agents: ["claude-code"], mergedAt: at("2026-05-24T00:00:00Z") });
  }
  return {
    repositories: await ledger.reads.repositories("acme"),
    summaries: await ledger.reads.repositorySummaries(scope, since),
    apiOnly: await ledger.reads.repositorySummaries(scopeOf("acme", ["api"]), at("2026-05-01T00:00:00Z")),
    agents: await ledger.reads.agentSummaries(scope, since),
    claude: await ledger.reads.agentTierHistory(scope, "claude-code", since),
    devin: await ledger.reads.agentTierHistory(scope, "devin", at("2026-05-01T00:00:00Z")),
  };
}

export function consoleSpeedMigrationContract(stores: () => Promise<TwoLedgers>): void {
  it("builds the console's summaries of the decisions an existing ledger already holds", async () => {
    const store = await stores();
    const raw = await store.raw();
    try {
      const migrator = new Migrator({ db: raw, provider: migrationProvider, migrationTableName: MIGRATION_TABLE, migrationLockTableName: MIGRATION_LOCK_TABLE, migrationTableSchema: store.schema });
      const { error } = await migrator.migrateTo("0003-pushers");
      expect(error).toBeUndefined();
      await raw.insertInto("decisions").values(DECISIONS.map(decisionRow)).execute();
    } finally {
      await raw.destroy();
    }
    const migrated = await store.open();
    const recorded = await store.openEmpty();
    try {
      for (const d of DECISIONS) await recorded.recordDecision(d);
      const expected = await views(recorded);
      expect(await views(migrated)).toEqual(expected);
      expect(expected).toMatchObject({ summaries: [{ repo: "api", decisions: 3 }, { repo: "web", decisions: 2 }] });
    } finally {
      await migrated.close();
      await recorded.close();
    }
  });
}

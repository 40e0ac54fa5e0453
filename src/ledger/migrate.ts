/**
 * Brings the ledger schema up to date at start-up. Several replicas may start at once, so the
 * whole migration — including Kysely's creation of its own bookkeeping tables, which it does
 * before taking its lock — runs while holding a database-wide lock on one connection:
 * PostgreSQL: a session advisory lock; SQLite: `BEGIN IMMEDIATE` (the write lock, waited for
 * through busy_timeout), which also makes the migration all-or-nothing.
 */
import { Migrator, sql, type Kysely } from "kysely";
import { migrationProvider } from "./migrations/index.js";
import type { LedgerDatabase } from "./schema.js";

/** pg_advisory_lock key for "agent-governance ledger migrations" (any constant unique to this app). */
const ADVISORY_LOCK_KEY = 7_254_019_341_162_903n;

export const MIGRATION_TABLE = "ledger_migration";
export const MIGRATION_LOCK_TABLE = "ledger_migration_lock";

export type LedgerDriver = "sqlite" | "postgres";

/** Returns the names of the migrations applied by this call (empty when already up to date). */
export async function migrateLedger(db: Kysely<LedgerDatabase>, driver: LedgerDriver): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    if (driver === "postgres") {
      await sql`select pg_advisory_lock(${sql.lit(ADVISORY_LOCK_KEY)})`.execute(conn);
      try {
        // Kysely finds its tables by name in any schema unless told which: pin it to ours,
        // so another schema's ledger in the same database is never mistaken for this one.
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(conn);
        return await runMigrator(conn, rows[0]?.schema);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(ADVISORY_LOCK_KEY)})`.execute(conn);
      }
    }
    await sql`begin immediate`.execute(conn);
    try {
      const applied = await runMigrator(conn, undefined);
      await sql`commit`.execute(conn);
      return applied;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}

async function runMigrator(db: Kysely<LedgerDatabase>, schema: string | undefined): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: migrationProvider,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
    migrationTableSchema: schema,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    const failed = results?.find((r) => r.status === "Error")?.migrationName;
    const what = failed === undefined ? "ledger migration" : `ledger migration ${failed}`;
    throw new Error(`${what} failed: ${describe(error)}`, { cause: error });
  }
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

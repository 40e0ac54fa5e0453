/**
 * Copies a whole ledger into an empty one — SQLite to PostgreSQL when a deployment grows to
 * several replicas, or back. Both sides are first brought to this version's schema, so every
 * table has the same columns on both; the copy is one transaction on the target (a failure
 * leaves it empty) and is checked by counting each table on both sides afterwards.
 */
import type { Kysely } from "kysely";
import { openLedgerDatabase, type LedgerOptions, type Opened } from "./open.js";
import type { LedgerDatabase } from "./schema.js";

/**
 * Every table with the columns that order it (its primary key), in copy order. A
 * `Record` over the schema's tables: a new table does not compile until it is listed here.
 */
const TABLE_KEYS: Record<keyof LedgerDatabase, readonly string[]> = {
  merges: ["owner", "repo", "pr_number"],
  merge_agents: ["owner", "repo", "pr_number", "agent"],
  reverts: ["owner", "repo", "pr_number"],
  pull_merges: ["owner", "repo", "pr_number"],
  decisions: ["owner", "repo", "pr_number", "head_sha", "digest"],
  approval_waits: ["owner", "repo", "pr_number", "rule"],
  pull_request_pushers: ["owner", "repo", "pr_number", "login"],
};

/** Rows read and written at a time: well under SQLite's and PostgreSQL's bound-parameter limits. */
const BATCH_ROWS = 40;
const READ_ROWS = 2_000;

export interface TableCopy {
  table: keyof LedgerDatabase;
  rows: number;
}

export class LedgerCopyError extends Error {}

export async function copyLedger(from: LedgerOptions, to: LedgerOptions, onTable: (copied: TableCopy) => void = () => {}): Promise<TableCopy[]> {
  const source = await openLedgerDatabase(from);
  let target: Opened | undefined;
  try {
    target = await openLedgerDatabase(to);
    const occupied = await nonEmptyTables(target.db);
    if (occupied.length > 0) {
      throw new LedgerCopyError(
        `the target ledger is not empty (${occupied.map((t) => `${t.table}: ${t.rows} rows`).join(", ")}); copy into a new, empty database or file`,
      );
    }
    const copied: TableCopy[] = [];
    await target.db.transaction().execute(async (trx) => {
      for (const table of tables()) {
        const rows = await copyTable(source.db, trx, table);
        copied.push({ table, rows });
        onTable({ table, rows });
      }
    });
    for (const { table, rows } of copied) {
      const there = await countRows(target.db, table);
      if (there !== rows) throw new LedgerCopyError(`${table}: copied ${rows} rows but the target holds ${there}`);
    }
    return copied;
  } finally {
    await source.db.destroy();
    await target?.db.destroy();
  }
}

function tables(): (keyof LedgerDatabase)[] {
  return Object.keys(TABLE_KEYS) as (keyof LedgerDatabase)[];
}

// Table names come from TABLE_KEYS, never from input; the dynamic table needs an untyped view.
type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

async function copyTable(from: Kysely<LedgerDatabase>, to: Kysely<LedgerDatabase>, table: keyof LedgerDatabase): Promise<number> {
  const source = from as unknown as AnyDb;
  const target = to as unknown as AnyDb;
  let copied = 0;
  for (;;) {
    let query = source.selectFrom(table).selectAll();
    for (const column of TABLE_KEYS[table]) query = query.orderBy(column);
    const rows = await query.limit(READ_ROWS).offset(copied).execute();
    for (let i = 0; i < rows.length; i += BATCH_ROWS) await target.insertInto(table).values(rows.slice(i, i + BATCH_ROWS)).execute();
    copied += rows.length;
    if (rows.length < READ_ROWS) return copied;
  }
}

async function countRows(db: Kysely<LedgerDatabase>, table: keyof LedgerDatabase): Promise<number> {
  const row = await (db as unknown as AnyDb)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as("count"))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function nonEmptyTables(db: Kysely<LedgerDatabase>): Promise<TableCopy[]> {
  const counts = await Promise.all(tables().map(async (table) => ({ table, rows: await countRows(db, table) })));
  return counts.filter((count) => count.rows > 0);
}

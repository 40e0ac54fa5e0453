/**
 * Opens the ledger the deployment asks for — PostgreSQL when `DATABASE_URL` is set (several
 * replicas share it), else an embedded SQLite file in `GOVERNANCE_DATA_DIR` — and migrates it.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import type { Ledger } from "./ledger.js";
import { migrateLedger } from "./migrate.js";
import type { LedgerDatabase } from "./schema.js";
import { SqlLedger } from "./sql-ledger.js";

export const DEFAULT_DATA_DIR = "./data";
export const SQLITE_FILE = "ledger.sqlite";
/** How long a SQLite writer waits for another process's write lock before failing. */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

export interface LedgerOptions {
  /** postgres://… — when set, PostgreSQL is used and the data directory is ignored. */
  databaseUrl?: string;
  /** Directory of the SQLite file (created when missing); default ./data. */
  dataDir?: string;
  /** The SQLite file itself, overriding dataDir; ":memory:" for a throw-away ledger. */
  sqliteFile?: string;
  /** Errors of idle PostgreSQL connections (server restart, network); the pool replaces them. */
  onConnectionError?: (error: Error) => void;
}

/** Connects, migrates to the latest schema (safe when replicas start together), and returns the ledger. */
export async function openLedger(options: LedgerOptions = {}): Promise<Ledger> {
  const ledger = await openLedgerDatabase(options);
  return new SqlLedger(ledger.db, ledger.driver);
}

/** The migrated database itself, for whole-ledger work such as copying it (copy.ts). */
export async function openLedgerDatabase(options: LedgerOptions): Promise<Opened> {
  const ledger = options.databaseUrl ? await openPostgres(options.databaseUrl, options.onConnectionError) : await openSqlite(options);
  try {
    await migrateLedger(ledger.db, ledger.driver);
  } catch (error) {
    await ledger.db.destroy();
    throw error;
  }
  return ledger;
}

export interface Opened {
  db: Kysely<LedgerDatabase>;
  driver: "sqlite" | "postgres";
}

// Drivers are loaded on demand: a deployment pays the memory of the one it uses only.
async function openPostgres(connectionString: string, onConnectionError?: (error: Error) => void): Promise<Opened> {
  const { default: pg } = await import("pg");
  const pool = new pg.Pool({ connectionString });
  // Without a listener, an idle client's error (e.g. the server restarting) crashes the process;
  // the pool drops that client and the next query reconnects, and ping() reports the outage.
  pool.on("error", (error) => onConnectionError?.(error));
  return { db: new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool }) }), driver: "postgres" };
}

async function openSqlite(options: LedgerOptions): Promise<Opened> {
  const { default: SQLite } = await import("better-sqlite3");
  let file = options.sqliteFile;
  if (file === undefined) {
    const dir = options.dataDir ?? DEFAULT_DATA_DIR;
    mkdirSync(dir, { recursive: true });
    file = join(dir, SQLITE_FILE);
  }
  // The busy timeout must be in force before the first statement: switching to WAL takes a
  // lock that another process opening the same file at the same moment may hold.
  const database = new SQLite(file, { timeout: SQLITE_BUSY_TIMEOUT_MS });
  try {
    // WAL lets readers (the CLI's `trust`/`audit`) run beside the app's writer.
    database.pragma("journal_mode = WAL");
    // FULL, not NORMAL: in WAL mode NORMAL may lose the last commits on power loss or an OS
    // crash. A recorded merge or decision has been acknowledged (webhook answered), and is not
    // redelivered, so losing it would silently change an agent's record; one fsync per commit
    // is cheap at webhook rates.
    database.pragma("synchronous = FULL");
    database.pragma("foreign_keys = ON");
  } catch (error) {
    database.close();
    throw error;
  }
  return { db: new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database }) }), driver: "sqlite" };
}

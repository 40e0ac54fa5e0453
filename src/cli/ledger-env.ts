/**
 * The ledger the CLI reads or seeds: the same one the app uses, chosen by the same
 * environment (DATABASE_URL, else GOVERNANCE_DATA_DIR, default ./data), with a relative data
 * directory taken from the command's working directory.
 */
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { DEFAULT_DATA_DIR, SQLITE_FILE, openLedger, type Ledger, type LedgerOptions } from "../ledger/index.js";
import { ledgerSettings } from "../settings.js";
import type { CliIo } from "./command.js";

export function cliEnv(io: CliIo): Record<string, string | undefined> {
  return io.env ?? process.env;
}

/** The directory of the SQLite ledger and of the CLI's own files (backfill checkpoints). */
export function dataDir(io: CliIo): string {
  return resolve(io.cwd, ledgerSettings(cliEnv(io)).dataDir ?? DEFAULT_DATA_DIR);
}

export function cliLedgerOptions(io: CliIo): LedgerOptions {
  const options = ledgerSettings(cliEnv(io));
  return options.databaseUrl ? { databaseUrl: options.databaseUrl } : { dataDir: dataDir(io) };
}

export type LedgerOpening = { ok: true; ledger: Ledger } | { ok: false; missing: boolean; message: string };

/**
 * `mustExist`: readers must not create an empty SQLite ledger where there was none — a
 * mistyped GOVERNANCE_DATA_DIR should say so, not report that nobody has a track record.
 */
export async function openCliLedger(io: CliIo, options: { mustExist: boolean }): Promise<LedgerOpening> {
  const ledgerOptions = cliLedgerOptions(io);
  if (options.mustExist && ledgerOptions.dataDir !== undefined) {
    const file = join(ledgerOptions.dataDir, SQLITE_FILE);
    if (!existsSync(file)) {
      return { ok: false, missing: true, message: `no ledger at ${file} (set GOVERNANCE_DATA_DIR, or DATABASE_URL for PostgreSQL)` };
    }
  }
  try {
    return { ok: true, ledger: await openLedger(ledgerOptions) };
  } catch (error) {
    return { ok: false, missing: false, message: `cannot open the ledger: ${error instanceof Error ? error.message : String(error)}` };
  }
}

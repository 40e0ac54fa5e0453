/** `agent-governance copy-ledger --from SOURCE [--to TARGET]`: the whole ledger into an empty one. */
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_DATA_DIR, SQLITE_FILE, type LedgerOptions } from "../ledger/index.js";
import { copyLedger, LedgerCopyError } from "../ledger/copy.js";
import { ledgerSettings } from "../settings.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { cliEnv } from "./ledger-env.js";

export const copyLedgerCommand: Command = {
  name: "copy-ledger",
  summary: "copy the whole ledger into an empty one (SQLite to PostgreSQL, or back)",
  help: `Usage: agent-governance copy-ledger --from SOURCE [--to TARGET]

Copies every merge, revert, decision, approval wait and pusher of one ledger into another,
empty one — typically the SQLite file into PostgreSQL when the app moves to several
replicas. Stop the server first (or copy from a backup made with SQLite's .backup), so that
nothing is written while the copy runs. Both ledgers are first brought to this version's
schema, as the server does at start; the copy is one transaction on the target (a failure
leaves it empty) and each table is counted on both sides afterwards.

SOURCE and TARGET are each a postgres:// URL, a SQLite ledger file, or a data directory
holding ${SQLITE_FILE}. SOURCE must exist; a SQLite TARGET is created.

Options:
  --from SOURCE  the ledger to read
  --to TARGET    the empty ledger to fill (default: DATABASE_URL)
  -h, --help     show this help

Exit codes:
  0  copied, and every table holds as many rows as the source's
  2  error: missing or same source and target, target not empty, database error, bad usage
`,
  options: {
    from: { type: "string" },
    to: { type: "string" },
  },
  maxPositionals: 0,
  async run({ values }, io) {
    if (typeof values.from !== "string" || values.from === "") return fail(io, "say which ledger to copy with --from (a postgres:// URL, a SQLite file or a data directory)");
    const to = typeof values.to === "string" && values.to !== "" ? values.to : ledgerSettings(cliEnv(io)).databaseUrl;
    if (to === undefined) return fail(io, "say where to copy with --to (a postgres:// URL, a SQLite file or a data directory), or set DATABASE_URL");
    const source = ledgerAt(values.from, io.cwd, { mustExist: true });
    if (!source.ok) return fail(io, `--from: ${source.message}`);
    const target = ledgerAt(to, io.cwd, { mustExist: false });
    if (!target.ok) return fail(io, `--to: ${target.message}`);
    if (source.name === target.name) return fail(io, `--from and --to are the same ledger (${source.name})`);

    io.stdout.write(`copying ${source.name} into ${target.name}\n`);
    try {
      const copied = await copyLedger(source.options, target.options, ({ table, rows }) => io.stdout.write(`  ${table}: ${rows} rows\n`));
      const total = copied.reduce((sum, table) => sum + table.rows, 0);
      io.stdout.write(`copied ${total} rows; every table of ${target.name} holds as many rows as the source's\n`);
      return EXIT.ok;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return fail(io, error instanceof LedgerCopyError ? message : `the copy failed and the target was left as it was: ${message}`);
    }
  },
};

type LedgerAt = { ok: true; options: LedgerOptions; name: string } | { ok: false; message: string };

function ledgerAt(where: string, cwd: string, { mustExist }: { mustExist: boolean }): LedgerAt {
  if (/^postgres(ql)?:\/\//i.test(where)) return { ok: true, options: { databaseUrl: where }, name: withoutPassword(where) };
  const path = resolve(cwd, where);
  const isDirectory = existsSync(path) && statSync(path).isDirectory();
  const file = isDirectory ? resolve(path, SQLITE_FILE) : path;
  if (mustExist && !existsSync(file)) {
    return { ok: false, message: `no SQLite ledger at ${file} (give the file, its data directory — default ${DEFAULT_DATA_DIR} — or a postgres:// URL)` };
  }
  if (!existsSync(dirname(file))) return { ok: false, message: `the directory ${dirname(file)} does not exist` };
  return { ok: true, options: { sqliteFile: file }, name: file };
}

/** A URL as it may be printed: never its password. */
function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the PostgreSQL database";
  }
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance copy-ledger: ${message}\n`);
  return EXIT.error;
}

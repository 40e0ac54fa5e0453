/**
 * Shared by the tests of `trust`, `audit`, `explain` and `backfill`: the CLI run in-process
 * with its own environment, and a throw-away data directory holding a SQLite ledger.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runCli, type Command } from "../../src/cli/main.js";
import { openLedger, type Ledger } from "../../src/ledger/index.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runWith(
  env: Record<string, string | undefined>,
  argv: string[],
  options: { cwd?: string; commands?: readonly Command[]; tty?: boolean } = {},
): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io = {
    cwd: options.cwd ?? tmpdir(),
    env,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text), isTTY: options.tty ?? false },
  };
  const code = await runCli(argv, io, options.commands);
  return { code, stdout, stderr };
}

export interface Workspace {
  dir: string;
  dataDir: string;
  env: Record<string, string | undefined>;
  /** Opens the workspace's ledger; the test closes it. */
  ledger(): Promise<Ledger>;
  remove(): void;
}

export function workspace(env: Record<string, string | undefined> = {}): Workspace {
  const dir = mkdtempSync(join(tmpdir(), "agent-governance-ledger-cli-"));
  const dataDir = join(dir, "data");
  return {
    dir,
    dataDir,
    env: { GOVERNANCE_DATA_DIR: dataDir, ...env },
    ledger: () => openLedger({ dataDir }),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

export function daysAgo(days: number): Date {
  return new Date(Date.now() - days * DAY_MS);
}

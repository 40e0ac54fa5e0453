/** What every CLI command is: one row of the command table in `commands.ts`. */
import type { ParseArgsConfig } from "node:util";

/** Where a command reads and writes: injected so tests run the CLI in-process. */
export interface CliIo {
  cwd: string;
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  /** Defaults to `process.env` (for commands that need a token, e.g. `explain`). */
  env?: Record<string, string | undefined>;
}

/** Exit codes shared by all commands (documented in each command's --help). */
export const EXIT = {
  /** Valid / nothing would block. */
  ok: 0,
  /** The policy is invalid or a gate fails. */
  failed: 1,
  /** Usage error, unreadable input, git error. */
  error: 2,
} as const;

export interface CommandArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export interface Command {
  name: string;
  /** One line for the top-level usage. */
  summary: string;
  /** Full text of `agent-governance <name> --help`: usage, options, exit codes. */
  help: string;
  /** Options for `node:util` parseArgs; `--help`/`-h` is added for every command. */
  options: NonNullable<ParseArgsConfig["options"]>;
  maxPositionals: number;
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

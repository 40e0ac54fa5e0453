#!/usr/bin/env node
/** The `agent-governance` CLI entry point: parses the command line and dispatches to the
 * command table. `runCli` does no process-level I/O of its own, so tests run it in-process. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { EXIT, type CliIo, type Command } from "./command.js";
import { COMMANDS } from "./commands.js";
import { packageVersion } from "./version.js";

export type { CliIo, Command } from "./command.js";
export { EXIT } from "./command.js";

export function usage(commands: readonly Command[] = COMMANDS): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `Usage: agent-governance <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join("\n")}

Run 'agent-governance <command> --help' for a command's options and exit codes.
'agent-governance --version' prints the version.
Exit codes: 0 ok, 1 blocked or nothing found (see the command's --help), 2 error or bad usage.
`;
}

/** Runs one command line (without "node" and the script path) and resolves to its exit code. */
export async function runCli(argv: readonly string[], io: CliIo, commands: readonly Command[] = COMMANDS): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) return usageError(io, "missing command", usage(commands));
  if (name === "--help" || name === "-h" || name === "help") {
    const command = commands.find((candidate) => candidate.name === rest[0]);
    io.stdout.write(command ? command.help : usage(commands));
    return EXIT.ok;
  }
  if (name === "--version" || name === "-v" || name === "version") {
    io.stdout.write(`agent-governance ${packageVersion()}\n`);
    return EXIT.ok;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) return usageError(io, `unknown command '${name}'`, usage(commands));

  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // parseArgs throws a TypeError with a readable message for unknown or malformed options.
    // Its advice on "--" is noise here: keep the first sentence, which names the option.
    const problem = (error as Error).message.split(/\. To specify /)[0];
    return usageError(io, `${command.name}: ${problem}`, command.help);
  }
  if (parsed.values.help) {
    io.stdout.write(command.help);
    return EXIT.ok;
  }
  if (parsed.positionals.length > command.maxPositionals) {
    return usageError(io, `${command.name}: unexpected argument '${parsed.positionals[command.maxPositionals]}'`, command.help);
  }
  try {
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
  } catch (error) {
    // A bug, not a user mistake: still a clear line and exit 2, never a pass.
    io.stderr.write(`agent-governance ${command.name}: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.error;
  }
}

function usageError(io: CliIo, problem: string, help: string): number {
  io.stderr.write(`agent-governance: ${problem}\n\n${help}`);
  return EXIT.error;
}

/** True when this module is the process entry (also through npm's bin symlink). */
function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  process.exitCode = await runCli(process.argv.slice(2), { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr });
}

/** `agent-governance validate [FILE]`. */
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { checkPolicyBlob } from "../config/load.js";
import { POLICY_FILE } from "../config/policy.js";
import { EXIT, type Command } from "./command.js";
import { policyBlobFromBytes } from "./policy-blob.js";
import { formatPolicyError } from "../report/policy-error.js";

export const validateCommand: Command = {
  name: "validate",
  summary: `check a policy file (default ./${POLICY_FILE})`,
  help: `Usage: agent-governance validate [FILE]

Checks a policy file (default ./${POLICY_FILE}) against the version 1 schema
and prints each error as FILE:LINE:COL message, then each warning (valid but
probably unintended, e.g. a glob that can never match) as FILE:LINE:COL warning: message.

Options:
  -h, --help  show this help

Exit codes:
  0  the file is valid
  1  the file is invalid (errors printed on stdout)
  2  the file cannot be read (missing, a directory, binary), or bad usage
`,
  options: {},
  maxPositionals: 1,
  async run({ positionals }, io) {
    const file = positionals[0] ?? POLICY_FILE;
    let bytes: Buffer;
    try {
      bytes = await readFile(resolve(io.cwd, file));
    } catch (error) {
      io.stderr.write(`agent-governance validate: cannot read ${file}: ${readFailure(error)}\n`);
      return EXIT.error;
    }
    const blob = policyBlobFromBytes(file, bytes);
    if (blob.text === null) {
      io.stderr.write(`agent-governance validate: cannot read ${file}: it is binary, not a text file\n`);
      return EXIT.error;
    }
    const { errors, warnings } = checkPolicyBlob(blob);
    for (const error of errors) io.stdout.write(`${formatPolicyError(error)}\n`);
    for (const warning of warnings) io.stdout.write(`${formatPolicyError({ ...warning, message: `warning: ${warning.message}` })}\n`);
    if (errors.length === 0) {
      io.stdout.write(`${file}: valid\n`);
      return EXIT.ok;
    }
    return EXIT.failed;
  },
};

function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return "no such file";
  if (code === "EISDIR") return "it is a directory";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  return error instanceof Error ? error.message : String(error);
}

/**
 * One sandbox (simulator + the built server as a child process) per e2e test file, and the
 * commit messages the stories share. Each test uses its own repository, so tests in a file
 * never see each other's pull requests.
 */
import { afterAll, beforeAll, jest } from "@jest/globals";
import { startSandbox, type Sandbox, type SandboxOptions } from "../../tools/sandbox/sandbox.js";

export const CLAUDE_CO_AUTHOR = "Co-Authored-By: Claude <noreply@anthropic.com>";

export const aiMessage = (subject: string): string => `${subject}\n\n${CLAUDE_CO_AUTHOR}\n`;

/** Starts a sandbox before the file's tests and closes it after them. */
export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  jest.setTimeout(60_000);
  let sandbox: Sandbox | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox({ launcher: "npm", ...options });
  }, 60_000);
  afterAll(async () => {
    await sandbox?.close();
  }, 30_000);
  return () => {
    if (!sandbox) throw new Error("the sandbox did not start");
    return sandbox;
  };
}

let repos = 0;
/** A fresh repository name, unique within the run. */
export function freshRepo(stem: string): string {
  repos += 1;
  return `${stem}-${repos}`;
}

/** Runs git without a shell (arguments are never interpreted) and returns its output as bytes. */
import { execFile } from "node:child_process";

export type GitOutput =
  | { ok: true; stdout: Buffer }
  | { ok: false; missingGit: boolean; exitCode: number | null; stderr: string };

export type Git = (args: string[]) => Promise<GitOutput>;

/** Settings that would change what the commands below print, pinned for parsing. */
const PINNED_CONFIG = ["-c", "core.quotepath=false", "-c", "log.showSignature=false", "-c", "diff.external="];

export function gitIn(cwd: string): Git {
  return (args) =>
    new Promise((done) => {
      execFile(
        "git",
        [...PINNED_CONFIG, ...args],
        {
          cwd,
          encoding: "buffer",
          maxBuffer: 1024 * 1024 * 1024,
          // English messages, no prompts, no lock files: `check` only ever reads.
          env: { ...process.env, LC_ALL: "C", GIT_TERMINAL_PROMPT: "0", GIT_OPTIONAL_LOCKS: "0" },
        },
        (error, stdout, stderr) => {
          if (!error) return done({ ok: true, stdout });
          const code = (error as NodeJS.ErrnoException).code;
          done({
            ok: false,
            missingGit: code === "ENOENT",
            exitCode: typeof code === "number" ? code : null,
            stderr: stderr.toString("utf8").trim(),
          });
        },
      );
    });
}

/** Throw-away git repositories for the CLI tests (real git, no network). */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runCli } from "../../src/cli/main.js";

// The machine's own git configuration (signing, hooks, default branch) must not leak in.
process.env.GIT_CONFIG_GLOBAL = "/dev/null";
process.env.GIT_CONFIG_NOSYSTEM = "1";

export interface Identity {
  name: string;
  email: string;
}

export const HUMAN: Identity = { name: "Ada Lovelace", email: "ada@example.com" };

export interface TestRepo {
  dir: string;
  git(...args: string[]): string;
  write(path: string, content: string | Uint8Array): void;
  /** Stages everything and commits; returns the new commit's SHA. */
  commit(message: string, author?: Identity): string;
  remove(): void;
}

export function makeRepo(): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), "agent-governance-cli-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "--quiet", "--initial-branch=main");
  return {
    dir,
    git,
    write(path, content) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    },
    commit(message, author = HUMAN) {
      git("add", "--all");
      execFileSync(
        "git",
        ["-c", `user.name=${author.name}`, "-c", `user.email=${author.email}`, "commit", "--quiet", "--allow-empty", "--cleanup=verbatim", "-F", "-"],
        { cwd: dir, input: message },
      );
      return git("rev-parse", "HEAD").trim();
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(cwd: string, ...argv: string[]): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await runCli(argv, {
    cwd,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

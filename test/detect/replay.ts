/**
 * Replays labelled corpus records as a real git history and judges them through the CLI's own
 * entry point, `agent-governance check --json`: one commit per record, with the record's exact
 * message bytes, author and committer, on a `feature` branch over `main`. Shared by the replay
 * test and `npm run bench:detect`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { CheckReport } from "../../src/report/local-check.js";
import { runCli } from "../../src/cli/main.js";
import type { CorpusRecord } from "./corpus.js";

export interface ReplayedRecord {
  record: CorpusRecord;
  sha: string;
  /** What `check --json` said about this commit. */
  commit: CheckReport["commits"][number];
}

export interface Replay {
  records: ReplayedRecord[];
  report: CheckReport;
}

/** A clean environment for git: the machine's configuration, signing and hooks stay out. */
function gitEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1", ...extra };
}

export async function replayCorpus(records: readonly CorpusRecord[], policy?: string): Promise<Replay> {
  const dir = mkdtempSync(join(tmpdir(), "agent-governance-replay-"));
  try {
    const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
      execFileSync("git", args, { cwd: dir, input, encoding: "utf8", env: gitEnv(env), maxBuffer: 64 * 1024 * 1024 }).trim();
    git(["init", "--quiet", "--initial-branch=main"]);
    const tree = git(["mktree"], policy === undefined ? "" : `100644 blob ${git(["hash-object", "-w", "--stdin"], policy)}\t.agent-governance.yml\n`);
    const person = { GIT_AUTHOR_NAME: "Base", GIT_AUTHOR_EMAIL: "base@example.com", GIT_COMMITTER_NAME: "Base", GIT_COMMITTER_EMAIL: "base@example.com" };
    let parent = git(["commit-tree", tree, "-F", "-"], "Base\n", person);
    git(["update-ref", "refs/heads/main", parent]);
    const shas: string[] = [];
    for (const record of records) {
      // commit-tree writes the message verbatim: no cleanup, no added newline.
      parent = git(["commit-tree", tree, "-p", parent, "-F", "-"], record.message, {
        GIT_AUTHOR_NAME: record.author.name,
        GIT_AUTHOR_EMAIL: record.author.email,
        GIT_AUTHOR_DATE: record.authored_at || "2026-01-01T00:00:00Z",
        GIT_COMMITTER_NAME: record.committer.name,
        GIT_COMMITTER_EMAIL: record.committer.email,
        GIT_COMMITTER_DATE: record.authored_at || "2026-01-01T00:00:00Z",
      });
      shas.push(parent);
    }
    git(["update-ref", "refs/heads/feature", parent]);
    git(["symbolic-ref", "HEAD", "refs/heads/feature"]);
    let stdout = "";
    let stderr = "";
    const code = await runCli(["check", "--json", "--base", "main"], {
      cwd: dir,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    });
    if (code === 2) throw new Error(`agent-governance check failed: ${stderr}`);
    const report = JSON.parse(stdout) as CheckReport;
    const bySha = new Map(report.commits.map((commit) => [commit.sha, commit]));
    return {
      report,
      records: records.map((record, i) => {
        const commit = bySha.get(shas[i]);
        if (!commit) throw new Error(`check --json did not report ${record.id}`);
        return { record, sha: shas[i], commit };
      }),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

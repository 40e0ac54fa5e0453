/**
 * `agent-governance backfill OWNER/REPO [--since DATE]`: seeds the ledger from the
 * repository's merged pull requests and default-branch history, with progress on stderr;
 * Ctrl-C saves a checkpoint and the next run resumes from it.
 */
import { DEFAULT_POLICY, resolvePolicy } from "../config/load.js";
import type { Detection as DetectionConfig } from "../config/policy.js";
import {
  checkpointFile,
  freshCheckpoint,
  readCheckpoint,
  removeCheckpoint,
  writeCheckpoint,
  type BackfillCheckpoint,
  type BackfillCounts,
} from "../backfill/checkpoint.js";
import { backfill } from "../backfill/scan.js";
import { httpStatus, type GitHubClient } from "../github/client.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { openGitHubClient } from "../github/cli-client.js";
import { cliEnv, dataDir, openCliLedger } from "./ledger-env.js";
import { readPolicyBlobs } from "../github/policy-file.js";
import { defaultBranch } from "../github/repository.js";
import { progressDisplay } from "./progress.js";
import { sleep as realSleep, type Sleep } from "../github/rate-limit.js";
import { parseTarget } from "./repository-target.js";
import { parseSince } from "./since.js";

/** The shell's convention for "stopped by SIGINT". */
export const EXIT_INTERRUPTED = 130;

export interface BackfillDependencies {
  sleep?: Sleep;
  /** Aborted when the user interrupts; default: the process's SIGINT. */
  interrupt?: () => { signal: AbortSignal; dispose(): void };
  now?: () => Date;
}

function sigint(): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const stop = () => controller.abort(new Error("interrupted"));
  // `once`: a second Ctrl-C gets Node's default and ends the process at once.
  process.once("SIGINT", stop);
  return { signal: controller.signal, dispose: () => process.removeListener("SIGINT", stop) };
}

const HELP = `Usage: agent-governance backfill OWNER/REPO [--since DATE] [--restart] [--json]

Seeds the ledger with the repository's history, so a new installation starts with the
agents' real track records instead of everyone at 'new':
  1. closed pull requests, most recently updated first, 100 a page, down to --since:
     each merged one is run through detection (the repository's policy's detection
     settings, else the built-in ones) with its commits, reviews and labels, as the app
     does at merge time; an AI-assisted one is recorded as a merge of its agents.
  2. the first pages again, for pull requests updated while the scan ran;
  3. revert pull requests ("Reverts owner/repo#N", "This reverts commit <sha>"), once
     every merge they may name is recorded;
  4. default-branch commits since the oldest AI-assisted merge, for reverts pushed
     without a pull request.
Recording is idempotent: running it again, or on a ledger the app already fills,
counts nothing twice. Only reads GitHub; rate limits are waited out.

Progress goes to stderr. Ctrl-C (or an error) saves a checkpoint in the data directory
(backfill-OWNER-REPO.json); running the same command again resumes from it.

Options:
  --since DATE  only pull requests merged at or after DATE (YYYY-MM-DD or ISO 8601);
                default: all of them. Use the policy's autonomy window (e.g. 90 days).
  --restart     ignore a saved checkpoint and start over
  --json        print the totals as one JSON object: repository, since, merged,
                ai_merges_recorded, reverts_recorded, commits
  -h, --help    show this help

Environment:
  GITHUB_TOKEN         a token that can read the repository (or APP_ID with
                       PRIVATE_KEY or PRIVATE_KEY_PATH: the App's installation)
  GITHUB_API_URL       API base URL; or GHE_HOST and GHE_PROTOCOL; default
                       https://api.github.com
  DATABASE_URL         PostgreSQL ledger; else the SQLite ledger in
  GOVERNANCE_DATA_DIR  (default ./data), which also holds the checkpoint

Exit codes:
  0    done
  2    error: no credentials, repository not found, GitHub error, bad usage
       (a checkpoint is kept: run again to resume)
  130  interrupted: run again to resume
`;

export function backfillCommandWith(dependencies: BackfillDependencies = {}): Command {
  return {
    name: "backfill",
    summary: "seed the ledger from a repository's merged pull requests and reverts",
    help: HELP,
    options: {
      since: { type: "string" },
      restart: { type: "boolean" },
      json: { type: "boolean" },
    },
    maxPositionals: 1,
    async run({ values, positionals }, io) {
      if (positionals[0] === undefined) return fail(io, "name the repository as OWNER/REPO");
      const parsed = parseTarget(positionals[0], { pr: "no", repo: "required" });
      if (!parsed.ok) return fail(io, parsed.message);
      const since = parseSince(values.since);
      if (!since.ok) return fail(io, since.message);
      const repository = { owner: parsed.target.owner, repo: parsed.target.repo! };
      const name = `${repository.owner}/${repository.repo}`;

      const interrupt = (dependencies.interrupt ?? sigint)();
      const display = progressDisplay(io.stderr);
      try {
        const client = await openGitHubClient(cliEnv(io), parsed.target, {
          sleep: dependencies.sleep ?? realSleep,
          signal: interrupt.signal,
          onRetry: (retry) => display.note(`waiting ${Math.ceil(retry.waitMs / 1000)}s: ${retry.reason}`),
        });
        if (!client.ok) return fail(io, client.message);
        const opened = await openCliLedger(io, { mustExist: false });
        if (!opened.ok) return fail(io, opened.message);
        const file = checkpointFile(dataDir(io), repository);
        let checkpoint: BackfillCheckpoint | undefined;
        try {
          const resumed = resume(io, file, name, since.since, values.restart === true);
          const detection = await detectionSettings(io, client.octokit, repository);
          checkpoint = resumed ?? freshCheckpoint(name, since.since, await defaultBranch(client.octokit, repository), (dependencies.now ?? (() => new Date()))());
          const outcome = await backfill({
            octokit: client.octokit,
            ledger: opened.ledger,
            repository,
            detection,
            checkpoint,
            save: (state) => writeCheckpoint(file, state),
            signal: interrupt.signal,
            onProgress: (progress) => display.update(progress),
          });
          display.end();
          if (outcome.status === "interrupted") {
            writeCheckpoint(file, checkpoint);
            io.stderr.write(`agent-governance backfill: interrupted — run again to resume (checkpoint ${file})\n`);
            return EXIT_INTERRUPTED;
          }
          removeCheckpoint(file);
          io.stdout.write(values.json ? `${JSON.stringify(totals(name, since.since, outcome.counts), null, 2)}\n` : renderTotals(name, outcome.counts));
          return EXIT.ok;
        } catch (error) {
          display.end();
          if (interrupt.signal.aborted) {
            if (checkpoint) writeCheckpoint(file, checkpoint);
            io.stderr.write(`agent-governance backfill: interrupted — run again to resume${checkpoint ? ` (checkpoint ${file})` : ""}\n`);
            return EXIT_INTERRUPTED;
          }
          if (checkpoint) writeCheckpoint(file, checkpoint);
          const resumeHint = checkpoint ? `; run again to resume (checkpoint ${file})` : "";
          return fail(io, `${failure(error, name)}${resumeHint}`);
        } finally {
          await opened.ledger.close();
        }
      } finally {
        interrupt.dispose();
      }
    },
  };
}

export const backfillCommand: Command = backfillCommandWith();

/** The saved checkpoint when it is for this very scan; undefined to start over (saying why). */
function resume(io: CliIo, file: string, repository: string, since: Date | null, restart: boolean): BackfillCheckpoint | undefined {
  if (restart) return undefined;
  const read = readCheckpoint(file);
  if (read.kind === "none") return undefined;
  if (read.kind === "unusable") {
    io.stderr.write(`agent-governance backfill: ${read.message}; starting over\n`);
    return undefined;
  }
  const { checkpoint } = read;
  const wanted = since?.toISOString() ?? null;
  if (checkpoint.repository !== repository || checkpoint.since !== wanted || checkpoint.phase === "done") {
    io.stderr.write(`agent-governance backfill: the checkpoint in ${file} is for another scan (--since ${checkpoint.since ?? "none"}); starting over\n`);
    return undefined;
  }
  io.stderr.write(`agent-governance backfill: resuming from the checkpoint (${checkpoint.phase}, page ${checkpoint.page})\n`);
  return checkpoint;
}

/** The repository's detection settings; the built-in ones when its policy is missing or invalid. */
async function detectionSettings(io: CliIo, octokit: GitHubClient, repository: { owner: string; repo: string }): Promise<DetectionConfig> {
  const loaded = resolvePolicy(await readPolicyBlobs(octokit, repository.owner, repository.repo));
  if (loaded.ok) return loaded.policy.detection;
  io.stderr.write(`agent-governance backfill: the policy in force (${loaded.source.description}) is invalid; detecting with the built-in settings\n`);
  return DEFAULT_POLICY.detection;
}

function totals(repository: string, since: Date | null, counts: BackfillCounts) {
  return {
    repository,
    since: since?.toISOString() ?? null,
    merged: counts.merged,
    ai_merges_recorded: counts.aiMerges,
    reverts_recorded: counts.reverts,
    commits: counts.commits,
  };
}

function renderTotals(repository: string, counts: BackfillCounts): string {
  return `${repository}: backfill complete
  merged pull requests examined   ${counts.merged}
  AI-assisted merges recorded     ${counts.aiMerges}
  reverts recorded                ${counts.reverts}
  default-branch commits scanned  ${counts.commits}
'agent-governance trust ${repository}' shows the agents' tiers.
`;
}

function failure(error: unknown, repository: string): string {
  const status = httpStatus(error);
  if (status === 401) return "GitHub refused the credentials (HTTP 401): check GITHUB_TOKEN";
  if (status === 404) return `${repository} not found, or the token cannot read it (HTTP 404)`;
  return `GitHub request failed: ${error instanceof Error ? error.message : String(error)}`;
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance backfill: ${message}\n`);
  return EXIT.error;
}

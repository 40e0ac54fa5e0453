/**
 * Where an interrupted backfill resumes: a small JSON file beside the ledger's data, written
 * after every pull request, so Ctrl-C, a crash or an exhausted rate limit loses at most one
 * pull request's work (and recording it again changes nothing: the ledger is idempotent).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export type BackfillPhase = "pulls" | "catch-up" | "reverts" | "commits" | "done";

/** A merged pull request whose text names reverted changes, matched once every merge is recorded. */
export interface RevertCandidate {
  pr: number;
  text: string;
  commitSha: string | null;
  at: string;
}

export interface BackfillCounts {
  /** Merged pull requests examined. */
  merged: number;
  /** AI-assisted merges newly recorded. */
  aiMerges: number;
  /** Reverts newly recorded. */
  reverts: number;
  /** Default-branch commits examined. */
  commits: number;
}

export interface BackfillCheckpoint {
  version: 1;
  /** owner/repo, lower-case. */
  repository: string;
  since: string | null;
  /** When the scan began: pull requests updated after it may have moved in the listing. */
  startedAt: string;
  defaultBranch: string;
  phase: BackfillPhase;
  /** Next page to read of the phase's listing (1-based). */
  page: number;
  /** Pull requests of that page already handled, when interrupted mid-page. */
  done: number[];
  revertCandidates: RevertCandidate[];
  /** The oldest AI-assisted merge seen: no default-branch commit before it can revert one. */
  oldestAiMergeAt: string | null;
  counts: BackfillCounts;
}

export function checkpointFile(dataDir: string, repository: { owner: string; repo: string }): string {
  const safe = (part: string) => part.toLowerCase().replace(/[^a-z0-9._-]/g, "_");
  return join(dataDir, `backfill-${safe(repository.owner)}-${safe(repository.repo)}.json`);
}

export function freshCheckpoint(repository: string, since: Date | null, defaultBranch: string, now: Date): BackfillCheckpoint {
  return {
    version: 1,
    repository,
    since: since?.toISOString() ?? null,
    startedAt: now.toISOString(),
    defaultBranch,
    phase: "pulls",
    page: 1,
    done: [],
    revertCandidates: [],
    oldestAiMergeAt: null,
    counts: { merged: 0, aiMerges: 0, reverts: 0, commits: 0 },
  };
}

export type CheckpointRead = { kind: "none" } | { kind: "found"; checkpoint: BackfillCheckpoint } | { kind: "unusable"; message: string };

export function readCheckpoint(file: string): CheckpointRead {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { kind: "none" };
    return { kind: "unusable", message: `cannot read ${file}: ${(error as Error).message}` };
  }
  try {
    const data = JSON.parse(text) as unknown;
    if (isCheckpoint(data)) return { kind: "found", checkpoint: data };
  } catch {
    // A torn or hand-edited file: fall through.
  }
  return { kind: "unusable", message: `${file} is not a backfill checkpoint` };
}

/** Written to a temporary file and renamed: an interrupt never leaves half a checkpoint. */
export function writeCheckpoint(file: string, checkpoint: BackfillCheckpoint): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checkpoint, null, 2)}\n`);
  renameSync(temporary, file);
}

export function removeCheckpoint(file: string): void {
  rmSync(file, { force: true });
}

const PHASES: readonly string[] = ["pulls", "catch-up", "reverts", "commits", "done"];

function isCheckpoint(data: unknown): data is BackfillCheckpoint {
  const c = data as Partial<BackfillCheckpoint> | null;
  return (
    typeof c === "object" &&
    c !== null &&
    c.version === 1 &&
    typeof c.repository === "string" &&
    (c.since === null || typeof c.since === "string") &&
    typeof c.startedAt === "string" &&
    typeof c.defaultBranch === "string" &&
    typeof c.phase === "string" &&
    PHASES.includes(c.phase) &&
    Number.isSafeInteger(c.page) &&
    (c.page ?? 0) >= 1 &&
    Array.isArray(c.done) &&
    Array.isArray(c.revertCandidates) &&
    (c.oldestAiMergeAt === null || typeof c.oldestAiMergeAt === "string") &&
    typeof c.counts === "object" &&
    c.counts !== null
  );
}

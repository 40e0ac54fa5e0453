/**
 * The backfill: seed the ledger from a repository's history so a new installation
 * starts with the agents' real track records instead of everyone at `new`.
 *
 *  1. pulls    closed pull requests, most recently updated first, 100 a page, down to
 *              `--since`: each merged one is run through detection with its commits and
 *              reviews, as the app does at merge time, and an AI-assisted one is recorded
 *              as a merge; revert pull requests are kept aside.
 *  2. catch-up the listing again from the top, for pull requests updated while the scan ran
 *              (an update moves a pull request to the top, past the pages still to read).
 *  3. reverts  the kept revert pull requests, now that every merge they may name is recorded.
 *  4. commits  default-branch commits since the oldest AI-assisted merge: git's "This reverts
 *              commit <sha>" messages, including reverts pushed without a pull request.
 *
 * The checkpoint is saved after every pull request and page; recording is idempotent, so a
 * resumed or repeated scan counts nothing twice.
 */
import type { Detection as DetectionConfig } from "../config/policy.js";
import { detectPullRequest } from "../detect/detect.js";
import type { GitHubClient } from "../github/client.js";
import { PAGE_SIZE, branchCommitsPage, closedPullRequestsPage, mergedPullRequestHistory } from "../github/merged-pull-requests.js";
import type { RestPullRequest } from "../github/facts-from-rest.js";
import { parseRevertReferences, pullRequestText, recordRevertsIn, type Ledger, type RepoRef } from "../ledger/index.js";
import type { BackfillCheckpoint, BackfillCounts, BackfillPhase } from "./checkpoint.js";

export { PAGE_SIZE };

export interface BackfillProgress {
  phase: BackfillPhase;
  page: number;
  /** Pages of the phase's listing, when GitHub says. */
  lastPage: number | null;
  counts: BackfillCounts;
}

export interface BackfillScan {
  octokit: GitHubClient;
  ledger: Ledger;
  repository: RepoRef;
  detection: DetectionConfig;
  /** Advanced in place and handed to `save` after every step. */
  checkpoint: BackfillCheckpoint;
  save(checkpoint: BackfillCheckpoint): void;
  signal?: AbortSignal;
  onProgress?(progress: BackfillProgress): void;
}

export type BackfillOutcome = { status: "done"; counts: BackfillCounts } | { status: "interrupted"; counts: BackfillCounts };

class Interrupted extends Error {}

/** Runs (or resumes) the scan. GitHub errors are thrown after the checkpoint was saved. */
export async function backfill(scan: BackfillScan): Promise<BackfillOutcome> {
  try {
    await runPhases(scan);
    return { status: "done", counts: scan.checkpoint.counts };
  } catch (error) {
    // An aborted request fails with a network error: the interrupt is what happened.
    if (error instanceof Interrupted || scan.signal?.aborted) return { status: "interrupted", counts: scan.checkpoint.counts };
    throw error;
  }
}

async function runPhases(scan: BackfillScan): Promise<void> {
  const c = scan.checkpoint;
  while (c.phase === "pulls" || c.phase === "catch-up") await pullsPage(scan);
  if (c.phase === "reverts") await revertPullRequests(scan);
  while (c.phase === "commits") await commitsPage(scan);
}

function checkInterrupt(scan: BackfillScan): void {
  if (scan.signal?.aborted) throw new Interrupted();
}

function advance(scan: BackfillScan, phase: BackfillPhase, page = 1): void {
  Object.assign(scan.checkpoint, { phase, page, done: [] });
  scan.save(scan.checkpoint);
}

async function pullsPage(scan: BackfillScan): Promise<void> {
  checkInterrupt(scan);
  const c = scan.checkpoint;
  const { items: pulls, lastPage } = await closedPullRequestsPage(scan.octokit, scan.repository, c.page);
  const report = () => scan.onProgress?.({ phase: c.phase, page: c.page, lastPage, counts: c.counts });
  report();
  // Sorted by last update, newest first: below this bound nothing more can qualify.
  const floor = c.phase === "catch-up" ? c.startedAt : c.since;
  let exhausted = pulls.length < PAGE_SIZE;
  for (const pull of pulls) {
    checkInterrupt(scan);
    if (floor !== null && new Date(pull.updated_at) < new Date(floor)) {
      exhausted = true;
      break;
    }
    if (c.done.includes(pull.number)) continue;
    await examinePullRequest(scan, pull);
    c.done.push(pull.number);
    scan.save(c);
    report();
  }
  if (!exhausted) advance(scan, c.phase, c.page + 1);
  else advance(scan, c.phase === "pulls" ? "catch-up" : "reverts");
}

async function examinePullRequest(scan: BackfillScan, pull: RestPullRequest): Promise<void> {
  const c = scan.checkpoint;
  if (pull.merged_at === null) return;
  const mergedAt = new Date(pull.merged_at);
  if (c.since !== null && mergedAt < new Date(c.since)) return;
  const history = await mergedPullRequestHistory(scan.octokit, scan.repository, pull, () => checkInterrupt(scan));
  c.counts.merged += 1;
  const detection = detectPullRequest(
    history,
    scan.detection,
    // No app label: whoever applied a detection label — a person, or the app, which labels
    // only what it found AI-assisted — it declared AI help.
    false,
  );
  if (detection.aiAssisted) {
    const inserted = await scan.ledger.recordMerge({
      ...scan.repository,
      pr: pull.number,
      headSha: pull.head.sha,
      mergeCommitSha: pull.merge_commit_sha,
      agents: detection.agents,
      mergedAt,
    });
    if (inserted) c.counts.aiMerges += 1;
    if (c.oldestAiMergeAt === null || mergedAt < new Date(c.oldestAiMergeAt)) c.oldestAiMergeAt = mergedAt.toISOString();
  }

  const text = pullRequestText(pull.title, pull.body);
  const refs = parseRevertReferences(text, scan.repository);
  const names = refs.commits.length > 0 || refs.pulls.length > 0;
  if (names && !c.revertCandidates.some((candidate) => candidate.pr === pull.number)) {
    c.revertCandidates.push({ pr: pull.number, text, commitSha: pull.merge_commit_sha, at: mergedAt.toISOString() });
  }
}

async function revertPullRequests(scan: BackfillScan): Promise<void> {
  const c = scan.checkpoint;
  scan.onProgress?.({ phase: "reverts", page: 1, lastPage: 1, counts: c.counts });
  for (const candidate of c.revertCandidates) {
    checkInterrupt(scan);
    if (c.done.includes(candidate.pr)) continue;
    const counted = await recordRevertsIn(scan.ledger, {
      ...scan.repository,
      text: candidate.text,
      commitSha: candidate.commitSha,
      pr: candidate.pr,
      at: new Date(candidate.at),
    });
    c.counts.reverts += counted.length;
    c.done.push(candidate.pr);
    scan.save(c);
  }
  advance(scan, "commits");
}

async function commitsPage(scan: BackfillScan): Promise<void> {
  checkInterrupt(scan);
  const c = scan.checkpoint;
  // No AI-assisted merge found: no default-branch commit can revert one.
  if (c.oldestAiMergeAt === null) return finish(scan);
  const listed = await branchCommitsPage(scan.octokit, scan.repository, { branch: c.defaultBranch, since: c.oldestAiMergeAt, page: c.page });
  // The repository is empty.
  if (listed === null) return finish(scan);
  const { items: commits, lastPage } = listed;
  scan.onProgress?.({ phase: "commits", page: c.page, lastPage, counts: c.counts });
  for (const commit of commits) {
    checkInterrupt(scan);
    const counted = await recordRevertsIn(scan.ledger, {
      ...scan.repository,
      text: commit.message,
      commitSha: commit.sha,
      pr: null,
      at: commit.at ? new Date(commit.at) : new Date(),
    });
    c.counts.reverts += counted.length;
  }
  c.counts.commits += commits.length;
  // A page is cheap to redo (no requests per commit): saved per page, not per commit.
  if (commits.length < PAGE_SIZE) return finish(scan);
  advance(scan, "commits", c.page + 1);
}

function finish(scan: BackfillScan): void {
  advance(scan, "done");
}

/**
 * The ledger side of the pipeline: merged AI-assisted pull requests and reverts.
 * Both are idempotent in the ledger, so redelivered webhooks and racing replicas never
 * double-count.
 */
import { resolvePolicy } from "../config/load.js";
import type { PullRequestTarget } from "./target.js";
import type { GitHubClient } from "../github/client.js";
import { gatherFacts } from "../github/gather-facts.js";
import { pullRequestText, recordRevertsIn } from "../ledger/index.js";
import { detectUnder } from "../policy/evaluate.js";
import type { PipelineContext } from "./context.js";

export interface MergedPullRequest {
  mergeCommitSha: string | null;
  mergedAt: Date;
  title: string;
  body: string;
}

/** A merged pull request: count it for its agents when AI-assisted, and count any revert it carries. */
export async function recordMergedPullRequest(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: PullRequestTarget,
  merged: MergedPullRequest,
): Promise<void> {
  const ledger = ctx.ledger;
  if (!ledger) return;
  const repo = { owner: target.owner, repo: target.repo };

  const gathered = await gatherFacts(octokit, target);
  const loaded = resolvePolicy(gathered.policyBlobs);
  // An invalid policy must not hide an agent's merge from its track record: detect with defaults.
  const detection = detectUnder(loaded, gathered.facts);
  await ledger.recordPullMerge({ ...repo, pr: target.number, aiAssisted: detection.aiAssisted, mergedAt: merged.mergedAt });
  if (detection.aiAssisted) {
    const inserted = await ledger.recordMerge({
      ...repo,
      pr: target.number,
      headSha: gathered.facts.headSha,
      mergeCommitSha: merged.mergeCommitSha,
      agents: detection.agents,
      mergedAt: merged.mergedAt,
    });
    ctx.log.info({ repo: `${target.owner}/${target.repo}`, pr: target.number, agents: detection.agents, inserted }, "merge recorded");
  }
  const reverted = await recordRevertsIn(ledger, {
    ...repo,
    text: pullRequestText(merged.title, merged.body),
    commitSha: merged.mergeCommitSha,
    pr: target.number,
    at: merged.mergedAt,
  });
  for (const merge of reverted) {
    ctx.log.info({ repo: `${target.owner}/${target.repo}`, pr: merge.pr, by: target.number, agents: merge.agents }, "revert recorded");
  }
}

export interface PushedCommit {
  id: string;
  message: string;
  timestamp: string;
}

/** Commits pushed to the default branch: "This reverts commit …" and "Reverts owner/repo#N". */
export async function recordPushedReverts(
  ctx: PipelineContext,
  repo: { owner: string; repo: string },
  commits: PushedCommit[],
): Promise<void> {
  const ledger = ctx.ledger;
  if (!ledger) return;
  for (const commit of commits) {
    const reverted = await recordRevertsIn(ledger, {
      ...repo,
      text: commit.message,
      commitSha: commit.id,
      pr: null,
      at: new Date(commit.timestamp),
    });
    for (const merge of reverted) {
      ctx.log.info({ repo: `${repo.owner}/${repo.repo}`, pr: merge.pr, commit: commit.id, agents: merge.agents }, "revert recorded");
    }
  }
}

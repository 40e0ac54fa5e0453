/**
 * `merge_group.checks_requested`: find the group's pull requests, evaluate each one
 * read-only exactly as its own check run would (nothing is written to the PRs), and write one
 * check run on the group's head commit: `success` only if every PR passes on its own.
 *
 * Fails closed like the PR path: a PR that cannot be read counts as failing, and an error
 * while finding the group becomes a blocking run on the group's head.
 */
import { reportCheckRun, reportFailure } from "../github/check-run-writer.js";
import type { GitHubClient } from "../github/client.js";
import { PullRequestNotFoundError } from "../github/gather-facts.js";
import { branchName, mergeGroupPullRequests, pullRequestFromQueueBranch, type MergeGroupRef, type QueuedPullRequest } from "../github/merge-queue.js";
import { renderCheckRun } from "../report/check-run.js";
import type { PipelineContext } from "./context.js";
import { decidePullRequest } from "./decide-pull-request.js";
import { describeError } from "./describe-error.js";
import { renderMergeGroup } from "../report/merge-group.js";
import { conclusionOf, failedResult, type PullRequestResult } from "../report/pull-request-result.js";

export interface MergeGroupTarget extends MergeGroupRef {
  installationId: number;
}

export interface MergeGroupOutcome {
  conclusion: "success" | "failure" | null;
  pullRequests: number[];
}

export async function evaluateMergeGroup(
  ctx: PipelineContext,
  octokit: GitHubClient,
  group: MergeGroupTarget,
): Promise<MergeGroupOutcome> {
  const started = process.hrtime.bigint();
  const where = { repo: `${group.owner}/${group.repo}`, mergeGroup: group.headRef, sha: group.headSha, installation: group.installationId };
  const checkRun = { owner: group.owner, repo: group.repo, headSha: group.headSha, appId: ctx.appId, detailsUrl: detailsUrlOf(ctx, group) };
  try {
    const members = await mergeGroupPullRequests(octokit, group);
    const results: PullRequestResult[] = [];
    for (const queued of members.pullRequests) results.push(await resultOf(ctx, octokit, group, queued));
    const output = renderMergeGroup({ base: branchName(group.baseRef), results, source: members.source });
    const report = await reportCheckRun(octokit, checkRun, output, ctx.checkRuns);
    const conclusion = conclusionOf(output) === "success" ? "success" : "failure";
    const pullRequests = results.map((result) => result.number);
    ctx.metrics.decisions.inc({ conclusion });
    ctx.metrics.evaluations.observe({ outcome: "reported" }, seconds(started));
    ctx.log.info(
      {
        ...where,
        conclusion,
        title: output.title,
        pullRequests: results.map((result) => ({ pr: result.number, conclusion: conclusionOf(result.output) })),
        source: members.source,
        checkRun: report.action,
      },
      "merge group decision",
    );
    return { conclusion, pullRequests };
  } catch (error) {
    ctx.metrics.evaluations.observe({ outcome: "error" }, seconds(started));
    const problem = describeError(error);
    ctx.log.error({ ...where, err: error }, `merge group evaluation failed: ${problem.title}`);
    try {
      await reportFailure(octokit, checkRun, problem, ctx.checkRuns);
      ctx.metrics.decisions.inc({ conclusion: "failure" });
    } catch (reportError) {
      // Without our run the required check never passes: the queue times the group out.
      ctx.log.error({ ...where, err: reportError }, "could not report the merge group failure");
    }
    return { conclusion: null, pullRequests: [] };
  }
}

/** One member's result; never throws: a PR that cannot be judged blocks the group. */
async function resultOf(
  ctx: PipelineContext,
  octokit: GitHubClient,
  group: MergeGroupRef,
  queued: QueuedPullRequest,
): Promise<PullRequestResult> {
  const { number } = queued;
  try {
    const { facts, decision } = await decidePullRequest(ctx, octokit, { owner: group.owner, repo: group.repo, number });
    if (!decision) {
      return failedResult(number, {
        title: `#${number} is ${facts.state.toLowerCase()}`,
        summary: `Pull request #${number} is ${facts.state.toLowerCase()}: it cannot be merged through this group.`,
      });
    }
    if (queued.headSha && facts.headSha !== queued.headSha) {
      // The queue's entry and the PR disagree about the head: the group no longer merges what
      // was evaluated. GitHub removes such entries; until then the group must not pass.
      return failedResult(number, {
        title: `#${number} changed after it was queued`,
        summary: `The merge queue lists #${number} at \`${queued.headSha.slice(0, 7)}\` but its head is now \`${facts.headSha.slice(0, 7)}\`.`,
      });
    }
    return { number, output: renderCheckRun(decision) };
  } catch (error) {
    if (error instanceof PullRequestNotFoundError) {
      return failedResult(number, { title: `#${number} was not found`, summary: error.message });
    }
    ctx.log.warn({ repo: `${group.owner}/${group.repo}`, pr: number, mergeGroup: group.headRef, err: error }, "could not evaluate a merge group member");
    return failedResult(number, describeError(error));
  }
}

/**
 * The group's branch names the pull request it was made for (the last in the group): its console
 * page, at its latest head (the group's commit is not one of the PR's). None when the console is
 * off or the branch is not a queue branch.
 */
function detailsUrlOf(ctx: PipelineContext, group: MergeGroupRef): string | undefined {
  const named = pullRequestFromQueueBranch(group.headRef);
  return named === null ? undefined : ctx.detailsUrl?.({ owner: group.owner, repo: group.repo, number: named.number });
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

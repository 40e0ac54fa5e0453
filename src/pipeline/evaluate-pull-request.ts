/**
 * The one evaluation path every event funnels into:
 * gather facts (one GraphQL read) → resolve policy → answer directory questions (cached) →
 * trust from the ledger → pure evaluation → report (check run, label, review requests) → record.
 *
 * Other open PRs whose head is the same commit share the check run: they are evaluated too
 * (read-only) and the run shows the strictest result. The facts query already says
 * whether there are any, so a lone PR costs nothing extra.
 *
 * Errors are caught here, once: they become a blocking check run that says what failed, never
 * `success` (the app fails closed).
 */
import type { PullRequestTarget } from "./target.js";
import { reportCheckRun, reportFailure } from "../github/check-run-writer.js";
import type { GitHubClient } from "../github/client.js";
import type { GatheredPullRequest } from "../github/facts-from-graphql.js";
import { PullRequestNotFoundError } from "../github/gather-facts.js";
import { applyLabel } from "../github/labels.js";
import { requestReviewers } from "../github/review-requests.js";
import { decisionRecordFrom } from "../report/decision-record.js";
import { decisionTitle } from "../report/reasons.js";
import type { Decision } from "../policy/decision.js";
import { renderCheckRun, type CheckRunOutput } from "../report/check-run.js";
import type { PipelineContext } from "./context.js";
import { decidePullRequest } from "./decide-pull-request.js";
import { describeError } from "./describe-error.js";
import { conclusionOf, failedResult, type PullRequestResult } from "../report/pull-request-result.js";
import { renderSharedHead } from "../report/shared-head.js";

export interface EvaluationOutcome {
  decision: Decision | null;
  /** "skipped" for closed pull requests: their check run is history. */
  result: "reported" | "skipped" | "error";
}

export async function evaluatePullRequest(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: PullRequestTarget,
): Promise<EvaluationOutcome> {
  const started = process.hrtime.bigint();
  const where = { repo: `${target.owner}/${target.repo}`, pr: target.number, installation: target.installationId };
  let headSha = target.headSha;
  try {
    const decided = await decidePullRequest(ctx, octokit, target, {
      whileSlow: (gathered) => reportEvaluating(ctx, octokit, target, gathered),
    });
    headSha = decided.facts.headSha;
    const { facts, decision } = decided;
    if (!decision) {
      ctx.log.debug({ ...where, sha: headSha }, "pull request is closed: not evaluated");
      return { decision: null, result: "skipped" };
    }

    const own: PullRequestResult = { number: target.number, output: renderCheckRun(decision) };
    const siblings = await siblingResults(ctx, octokit, target, decided.siblings, headSha);
    const output = renderSharedHead([own, ...siblings]);
    const report = await reportCheckRun(
      octokit,
      { owner: target.owner, repo: target.repo, headSha, appId: ctx.appId, ownCheckRun: decided.ownCheckRun, detailsUrl: ctx.detailsUrl?.(target, headSha) },
      output,
      ctx.checkRuns,
    );
    await applyLabel(octokit, target, decision.label, facts.labels.map((label) => label.name));
    await requestReviewers(
      octokit,
      { ...target, headSha, draft: facts.draft, author: facts.author.login },
      decision.reviewRequests,
      ctx.reviewRequests,
    );

    ctx.metrics.decisions.inc({ conclusion: conclusionOf(output) });
    ctx.metrics.evaluations.observe({ outcome: "reported" }, seconds(started));
    ctx.log.info(
      {
        ...where,
        sha: headSha,
        conclusion: decision.conclusion,
        title: decisionTitle(decision),
        aiAssisted: decision.detection.aiAssisted,
        agents: decision.detection.agents,
        tier: decision.tier,
        policy: decision.policySource.description,
        checkRun: report.action,
        ...(siblings.length > 0 ? { siblings: siblings.map((sibling) => sibling.number), shown: conclusionOf(output) } : {}),
      },
      "decision",
    );
    if (ctx.ledger) {
      try {
        await ctx.ledger.recordDecision(decisionRecordFrom(decision, target, ctx.now()));
      } catch (error) {
        // The verdict on GitHub is already right; an audit-trail outage must not block every
        // pull request. It is logged loudly and shows on /healthz (the ledger ping fails).
        ctx.log.error({ ...where, sha: headSha, err: error }, "could not record the decision in the ledger");
      }
    }
    return { decision, result: "reported" };
  } catch (error) {
    ctx.metrics.evaluations.observe({ outcome: "error" }, seconds(started));
    if (error instanceof PullRequestNotFoundError) {
      ctx.log.warn({ ...where, sha: headSha, err: error }, "pull request not found: nothing to evaluate");
      return { decision: null, result: "skipped" };
    }
    const problem = describeError(error);
    ctx.log.error({ ...where, sha: headSha, err: error }, `evaluation failed: ${problem.title}`);
    if (headSha) {
      try {
        await reportFailure(
          octokit,
          { owner: target.owner, repo: target.repo, headSha, appId: ctx.appId, detailsUrl: ctx.detailsUrl?.(target, headSha) },
          problem,
          ctx.checkRuns,
        );
        ctx.metrics.decisions.inc({ conclusion: "failure" });
      } catch (reportError) {
        // GitHub is unreachable even for the failure report. The check stays as it was (never
        // success for this head: a new head has no run at all, which a required check blocks on).
        ctx.log.error({ ...where, sha: headSha, err: reportError }, "could not report the evaluation failure");
      }
    }
    return { decision: null, result: "error" };
  }
}

/**
 * A blocking `in_progress` run while a slow evaluation goes on (GitHub's team reads being
 * retried), only when the head has no run of this app yet: a head that has one keeps it until
 * the verdict replaces it. Best effort: the verdict or the failure report follows either way.
 */
async function reportEvaluating(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: PullRequestTarget,
  gathered: GatheredPullRequest,
): Promise<void> {
  if (gathered.ownCheckRun) return;
  const headSha = gathered.facts.headSha;
  try {
    await reportCheckRun(
      octokit,
      { owner: target.owner, repo: target.repo, headSha, appId: ctx.appId, ownCheckRun: gathered.ownCheckRun, detailsUrl: ctx.detailsUrl?.(target, headSha) },
      EVALUATING,
      ctx.checkRuns,
    );
  } catch (error) {
    ctx.log.warn({ repo: `${target.owner}/${target.repo}`, pr: target.number, sha: headSha, err: error }, "could not write the in-progress check run");
  }
}

const EVALUATING: CheckRunOutput = {
  status: "in_progress",
  title: "Evaluating: waiting for GitHub",
  summary: "**Blocking until the evaluation finishes.** GitHub is answering slowly (team or permission reads); the verdict replaces this check as soon as they succeed.",
  annotations: [],
};

/**
 * The results of the other open PRs at this head, read-only (their labels and reviewers are
 * their own events' business). A sibling that has moved on, closed or vanished meanwhile no
 * longer shares the commit; one that cannot be read counts as a failure (fail closed).
 */
async function siblingResults(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: PullRequestTarget,
  numbers: readonly number[],
  headSha: string,
): Promise<PullRequestResult[]> {
  const results: PullRequestResult[] = [];
  for (const number of numbers) {
    const sibling = { owner: target.owner, repo: target.repo, number };
    try {
      const decided = await decidePullRequest(ctx, octokit, sibling);
      if (decided.decision && decided.facts.headSha === headSha) {
        results.push({ number, output: renderCheckRun(decided.decision) });
      }
    } catch (error) {
      if (error instanceof PullRequestNotFoundError) continue;
      ctx.log.warn({ repo: `${target.owner}/${target.repo}`, pr: number, sha: headSha, err: error }, "could not evaluate a sibling pull request");
      results.push(failedResult(number, describeError(error)));
    }
  }
  return results;
}

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

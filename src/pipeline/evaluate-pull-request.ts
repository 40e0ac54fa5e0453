/**
 * The one evaluation path every event funnels into:
 * gather facts (one GraphQL read) → resolve policy → answer directory questions (cached) →
 * trust from the ledger → pure evaluation → report (check run, label, review requests) → record.
 *
 * Errors are caught here, once: they become a blocking check run that says what failed, never
 * `success` (SPEC §8 fail closed).
 */
import { resolvePolicy } from "../config/load.js";
import type { PullRequestTarget } from "../events/targets.js";
import {
  applyLabel,
  gatherFacts,
  githubDirectory,
  PullRequestNotFoundError,
  reportCheckRun,
  reportFailure,
  requestReviewers,
  resolveDirectory,
  type GitHubClient,
} from "../github/index.js";
import { decisionRecordFrom, trustFor } from "../ledger/index.js";
import type { Decision, Trust } from "../policy/decision.js";
import { evaluate } from "../policy/evaluate.js";
import { renderCheckRun } from "../report/check-run.js";
import type { PipelineContext } from "./context.js";
import { describeError } from "./describe-error.js";

const NO_TRUST: Trust = { agents: {} };

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
    const gathered = await gatherFacts(octokit, target);
    headSha = gathered.facts.headSha;
    if (gathered.facts.state !== "OPEN") {
      ctx.log.debug({ ...where, sha: headSha }, "pull request is closed: not evaluated");
      return { decision: null, result: "skipped" };
    }
    const loaded = resolvePolicy(gathered.policyBlobs);
    const facts = loaded.ok
      ? await resolveDirectory(loaded.policy, gathered, ctx.directoryCache.over(githubDirectory(octokit)))
      : gathered.facts;
    const trust =
      loaded.ok && loaded.policy.autonomy && ctx.ledger
        ? await trustFor(ctx.ledger, target, loaded.policy.autonomy, ctx.now())
        : NO_TRUST;

    const decision = evaluate(loaded, facts, trust);

    const report = await reportCheckRun(
      octokit,
      { owner: target.owner, repo: target.repo, headSha, appId: ctx.appId },
      renderCheckRun(decision),
      ctx.checkRuns,
    );
    await applyLabel(octokit, target, decision.label, facts.labels.map((label) => label.name));
    await requestReviewers(
      octokit,
      { ...target, headSha, draft: facts.draft, author: facts.author.login },
      decision.reviewRequests,
      ctx.reviewRequests,
    );

    ctx.metrics.decisions.inc({ conclusion: decision.conclusion });
    ctx.metrics.evaluations.observe({ outcome: "reported" }, seconds(started));
    ctx.log.info(
      {
        ...where,
        sha: headSha,
        conclusion: decision.conclusion,
        title: decision.title,
        aiAssisted: decision.detection.aiAssisted,
        agents: decision.detection.agents,
        tier: decision.tier,
        policy: decision.policySource.description,
        checkRun: report.action,
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
          { owner: target.owner, repo: target.repo, headSha, appId: ctx.appId },
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

function seconds(started: bigint): number {
  return Number(process.hrtime.bigint() - started) / 1e9;
}

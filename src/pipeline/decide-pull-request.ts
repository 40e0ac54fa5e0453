/**
 * The read-only half of the evaluation path: gather facts (one GraphQL read) → resolve the
 * policy from the base branch → answer directory questions (cached) → trust from the ledger
 * → pure evaluation. It writes nothing, so it also serves pull requests that are only being
 * looked at: siblings sharing a head commit, and the members of a merge group.
 */
import { resolvePolicy } from "../config/load.js";
import type { PullRequestTarget } from "./target.js";
import type { Actor, PullRequestFacts } from "../facts.js";
import { distinctActors } from "../github/facts-from-graphql.js";
import type { Autonomy } from "../config/policy.js";
import type { GitHubClient } from "../github/client.js";
import { githubDirectory, type Directory } from "../github/directory.js";
import type { GatheredPullRequest, OwnCheckRun } from "../github/facts-from-graphql.js";
import { gatherFacts } from "../github/gather-facts.js";
import { trustFor } from "./trust.js";
import type { Decision, Trust } from "../policy/decision.js";
import { directoryQuestions } from "../policy/directory-questions.js";
import { detectUnder, evaluate } from "../policy/evaluate.js";
import { answerDirectoryQuestions } from "./answer-directory.js";
import type { PipelineContext } from "./context.js";

const NO_TRUST: Trust = { agents: {} };

export interface DecidedPullRequest {
  /** Directory questions answered when the policy loaded. */
  facts: PullRequestFacts;
  /** null when the pull request is not open: its check run is history. */
  decision: Decision | null;
  /** Other open PRs whose head is the same commit. */
  siblings: number[];
  /** This app's run on the head as the same read saw it (null = none, undefined = unknown). */
  ownCheckRun?: OwnCheckRun | null;
}

export interface DecideOptions {
  /**
   * Called once if judging (team and permission reads, trust) has not finished within
   * `SLOW_JUDGEMENT_MS` of the facts being read: the PR must not stay without a check while
   * GitHub's answers are retried. Fast evaluations never call it, so it costs nothing then.
   */
  whileSlow?: (gathered: GatheredPullRequest) => Promise<void>;
}

/** Longer than a healthy evaluation's directory reads; far shorter than retries with backoff. */
export const SLOW_JUDGEMENT_MS = 2_000;

export async function decidePullRequest(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: Pick<PullRequestTarget, "owner" | "repo" | "number" | "pushedBy" | "headSha" | "webhookCounts">,
  options: DecideOptions = {},
): Promise<DecidedPullRequest> {
  const read = await gatherFacts(octokit, target, { appId: ctx.appId, headPages: ctx.headPages });
  const gathered = withPushers(withWebhookCounts(read, target), [
    ...(ctx.ledger ? await ctx.ledger.pushersOf(target, target.number) : []),
    ...(target.pushedBy ? [target.pushedBy] : []),
  ]);
  const siblings = gathered.siblingPullRequests ?? [];
  const ownCheckRun = gathered.ownCheckRun;
  if (gathered.facts.state !== "OPEN") return { facts: gathered.facts, decision: null, siblings, ownCheckRun };
  const ledger = ctx.ledger;
  const judging = judgeGathered(
    gathered,
    ctx.directoryCache.over(githubDirectory(octokit)),
    ledger ? (autonomy) => trustFor(ledger, target, autonomy, ctx.now()) : async () => NO_TRUST,
  );
  const { whileSlow } = options;
  const { facts, decision } = whileSlow ? await meanwhileIfSlow(judging, () => whileSlow(gathered)) : await judging;
  return { facts, decision, siblings, ownCheckRun };
}

/** The timeline's force-pushers joined by those the webhooks named (remembered in the ledger). */
function withPushers(gathered: GatheredPullRequest, remembered: Actor[]): GatheredPullRequest {
  if (remembered.length === 0) return gathered;
  const pushers = distinctActors([...remembered, ...(gathered.facts.pushers ?? [])]);
  return { ...gathered, facts: { ...gathered.facts, pushers } };
}

/**
 * What the webhook said the PR has, joined to GitHub's own totals, when it spoke of the head
 * that was read: for one head the commits and files do not change, so a read that found fewer
 * missed some, and the PR cannot pass (policy/completeness.ts). Another head (the PR moved on
 * since the event) has other counts, and the event says nothing about it.
 */
function withWebhookCounts(gathered: GatheredPullRequest, target: Pick<PullRequestTarget, "headSha" | "webhookCounts">): GatheredPullRequest {
  const { facts } = gathered;
  const counts = target.webhookCounts;
  if (!counts || !facts.totals || target.headSha !== facts.headSha) return gathered;
  const totals = {
    ...facts.totals,
    commits: Math.max(facts.totals.commits, counts.commits ?? 0),
    files: Math.max(facts.totals.files, counts.changedFiles ?? 0),
  };
  return { ...gathered, facts: { ...facts, totals } };
}

/** `work`'s result; if it takes longer than SLOW_JUDGEMENT_MS, `meanwhile` runs once before it is awaited further. */
async function meanwhileIfSlow<T>(work: Promise<T>, meanwhile: () => Promise<void>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<"slow">((resolve) => {
    timer = setTimeout(() => resolve("slow"), SLOW_JUDGEMENT_MS);
  });
  try {
    const first = await Promise.race([work, slow]);
    if (first !== "slow") return first;
    await meanwhile();
    return await work;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Policy from the base branch → directory questions → trust → pure evaluation, from what one
 * GraphQL read gathered. The app and `agent-governance explain` both call it, so the CLI
 * shows exactly what the app decides. `trustOf` is asked only when the policy uses autonomy.
 */
export async function judgeGathered(
  gathered: GatheredPullRequest,
  directory: Directory,
  trustOf: (autonomy: Autonomy) => Promise<Trust>,
): Promise<{ facts: PullRequestFacts; decision: Decision }> {
  const loaded = resolvePolicy(gathered.policyBlobs);
  const facts = loaded.ok
    ? await answerDirectoryQuestions(directoryQuestions(loaded.policy, gathered.facts), gathered, directory)
    : gathered.facts;
  const trust = loaded.ok && loaded.policy.autonomy ? await trustOf(loaded.policy.autonomy) : NO_TRUST;
  return { facts, decision: evaluate(loaded, facts, detectUnder(loaded, facts), trust) };
}

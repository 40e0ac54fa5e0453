/**
 * The read-only half of the evaluation path: gather facts (one GraphQL read) → resolve the
 * policy from the base branch → answer directory questions (cached) → trust from the ledger
 * → pure evaluation. It writes nothing, so it also serves pull requests that are only being
 * looked at: siblings sharing a head commit, and the members of a merge group.
 */
import { resolvePolicy } from "../config/load.js";
import type { PullRequestTarget } from "./target.js";
import type { PullRequestFacts } from "../facts.js";
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

export async function decidePullRequest(
  ctx: PipelineContext,
  octokit: GitHubClient,
  target: Pick<PullRequestTarget, "owner" | "repo" | "number">,
): Promise<DecidedPullRequest> {
  const gathered = await gatherFacts(octokit, target, { appId: ctx.appId, headPages: ctx.headPages });
  const siblings = gathered.siblingPullRequests ?? [];
  const ownCheckRun = gathered.ownCheckRun;
  if (gathered.facts.state !== "OPEN") return { facts: gathered.facts, decision: null, siblings, ownCheckRun };
  const ledger = ctx.ledger;
  const { facts, decision } = await judgeGathered(
    gathered,
    ctx.directoryCache.over(githubDirectory(octokit)),
    ledger ? (autonomy) => trustFor(ledger, target, autonomy, ctx.now()) : async () => NO_TRUST,
  );
  return { facts, decision, siblings, ownCheckRun };
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

/**
 * The pull request page's evaluation: the same read-only path the check run comes from
 * (one GraphQL read → policy from the base branch → directory → trust → pure evaluation),
 * through the app's installation on the repository. Nothing is written.
 */
import { resolvePolicy } from "../config/load.js";
import type { Autonomy } from "../config/policy.js";
import type { PullRequestFacts } from "../facts.js";
import type { GitHubClient } from "../github/client.js";
import { githubDirectory } from "../github/directory.js";
import { gatherFacts, PullRequestNotFoundError } from "../github/gather-facts.js";
import { judgeGathered } from "../pipeline/decide-pull-request.js";
import { trustFor } from "../pipeline/trust.js";
import type { PipelineContext } from "../pipeline/context.js";
import type { Decision } from "../policy/decision.js";

export interface PullRequestReading {
  facts: PullRequestFacts;
  /** null when the pull request is closed or merged. */
  decision: Decision | null;
  autonomy: Autonomy | null;
}

export interface PullRequestReader {
  /** null when the app is not installed on the repository or the pull request does not exist. */
  read(pr: { owner: string; repo: string; number: number }): Promise<PullRequestReading | null>;
}

export function pipelineReader(ctx: PipelineContext, octokitFor: (owner: string, repo: string) => Promise<GitHubClient | null>): PullRequestReader {
  return {
    async read(pr) {
      const octokit = await octokitFor(pr.owner, pr.repo);
      if (!octokit) return null;
      let gathered;
      try {
        gathered = await gatherFacts(octokit, pr, { appId: ctx.appId });
      } catch (error) {
        if (error instanceof PullRequestNotFoundError) return null;
        throw error;
      }
      const loaded = resolvePolicy(gathered.policyBlobs);
      const autonomy = loaded.ok ? loaded.policy.autonomy : null;
      if (gathered.facts.state !== "OPEN") return { facts: gathered.facts, decision: null, autonomy };
      const ledger = ctx.ledger;
      const { facts, decision } = await judgeGathered(
        gathered,
        ctx.directoryCache.over(githubDirectory(octokit)),
        ledger ? (a) => trustFor(ledger, pr, a, ctx.now()) : async () => ({ agents: {} }),
      );
      return { facts, decision, autonomy };
    },
  };
}

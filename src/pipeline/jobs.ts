/**
 * The work a webhook leaves behind, as plain data: a queued job must be runnable by any
 * replica (the Redis queue serialises it), so it names the installation and never carries a
 * client; `runJob` gets an installation's client when it runs.
 *
 * Keys decide coalescing and mutual exclusion (one run at a time per key, a burst collapses into
 * one run of the latest state): one key per pull request for evaluations, and keys of their own
 * for work that must not be replaced by a later evaluation (a merge record, a push's reverts).
 */
import { targetKey, type PullRequestTarget } from "./target.js";
import type { Actor } from "../facts.js";
import type { GitHubClient } from "../github/client.js";
import { installationRepositories, openPullRequests, openPullRequestsOfCommit, type RepositoryRef } from "../github/pull-requests.js";
import type { QueuedWork } from "../queue/work-queue.js";
import type { PipelineContext } from "./context.js";
import { evaluateMergeGroup, type MergeGroupTarget } from "./evaluate-merge-group.js";
import { evaluatePullRequest, type EvaluationOutcome } from "./evaluate-pull-request.js";
import { recordMergedPullRequest, recordPushedReverts, type PushedCommit } from "./record-history.js";

export type { RepositoryRef };

export type Job =
  | { type: "evaluate"; target: PullRequestTarget }
  | {
      type: "record-merge";
      target: PullRequestTarget;
      /** mergedAt as ISO 8601: jobs are JSON. */
      merged: { mergeCommitSha: string | null; mergedAt: string; title: string; body: string };
    }
  /** Who pushed a head of the PR, recorded under its own key so that a later evaluation cannot replace it. */
  | { type: "record-pusher"; target: PullRequestTarget; pusher: Actor }
  | { type: "record-push"; installationId: number; repository: RepositoryRef; after: string; commits: PushedCommit[] }
  /**
   * The open PRs whose head is `sha` (status, check events without a PR list), except the PR
   * `except`, which just left `sha` (a push past it, or closed on it) though GitHub may list it there
   * a moment longer. The key ignores `except`: when a status event's lookup of the same `sha`
   * coalesces with this one, the PR that left is at worst evaluated once more.
   */
  | { type: "pulls-for-commit"; installationId: number; repository: RepositoryRef; sha: string; except?: number }
  /** Every open PR of the repositories; "installation" = all of the installation's (an organisation default changed). */
  | { type: "open-pull-requests"; installationId: number; repositories: RepositoryRef[] | "installation"; reason: string }
  | { type: "merge-group"; group: MergeGroupTarget };

export interface JobEnvironment {
  pipeline: PipelineContext;
  /** A client authenticated as the installation (Probot: `app.auth(id)`). */
  octokitFor(installationId: number): Promise<GitHubClient>;
  /** Queue further jobs (a lookup fans out into evaluations). */
  submit(job: Job): Promise<void>;
  /** After each evaluation (the app remembers its own label changes). */
  evaluated?(target: PullRequestTarget, outcome: EvaluationOutcome): void;
}

function installationOf(job: Job): number {
  switch (job.type) {
    case "evaluate":
    case "record-merge":
    case "record-pusher":
      return job.target.installationId;
    case "merge-group":
      return job.group.installationId;
    default:
      return job.installationId;
  }
}

function keyOf(job: Job): string {
  switch (job.type) {
    case "evaluate":
      return targetKey(job.target);
    case "record-merge":
      // Under the evaluation key a later evaluation would replace a pending merge record.
      return `${targetKey(job.target)}:merged`;
    case "record-pusher":
      return `${targetKey(job.target)}:pushed-by:${job.pusher.login}`.toLowerCase();
    case "record-push":
      return `${job.repository.owner}/${job.repository.repo}:push:${job.after}`.toLowerCase();
    case "pulls-for-commit":
      return `${job.repository.owner}/${job.repository.repo}@${job.sha}:pulls`.toLowerCase();
    case "open-pull-requests": {
      const where = job.repositories === "installation" ? `installation-${job.installationId}` : job.repositories.map((r) => `${r.owner}/${r.repo}`).join(",");
      return `${where}:${job.reason}`.toLowerCase();
    }
    case "merge-group":
      return `${job.group.owner}/${job.group.repo}@${job.group.headSha}:merge-group`.toLowerCase();
  }
}

/** The queue entry for a job: its coalescing key and its fairness group (the installation). */
export function workOf(job: Job): QueuedWork<Job> {
  return { key: keyOf(job), group: String(installationOf(job)), job };
}

export async function runJob(job: Job, env: JobEnvironment): Promise<void> {
  const { pipeline } = env;
  switch (job.type) {
    case "evaluate": {
      const outcome = await evaluatePullRequest(pipeline, await env.octokitFor(job.target.installationId), job.target);
      env.evaluated?.(job.target, outcome);
      return;
    }
    case "record-merge":
      return recordMergedPullRequest(pipeline, await env.octokitFor(job.target.installationId), job.target, {
        ...job.merged,
        mergedAt: new Date(job.merged.mergedAt),
      });
    case "record-pusher":
      await pipeline.ledger?.recordPusher(job.target, job.target.number, job.pusher, pipeline.now());
      return;
    case "record-push":
      return recordPushedReverts(pipeline, job.repository, job.commits);
    case "pulls-for-commit": {
      const pulls = await openPullRequestsOfCommit(await env.octokitFor(job.installationId), job.repository, job.sha);
      for (const { number, headSha } of pulls) {
        if (number === job.except) continue;
        await env.submit({ type: "evaluate", target: { installationId: job.installationId, ...job.repository, number, headSha } });
      }
      return;
    }
    case "open-pull-requests": {
      const octokit = await env.octokitFor(job.installationId);
      const repositories = job.repositories === "installation" ? await installationRepositories(octokit) : job.repositories;
      for (const { owner, repo } of repositories) {
        for (const { number, headSha } of await openPullRequests(octokit, { owner, repo })) {
          await env.submit({ type: "evaluate", target: { installationId: job.installationId, owner, repo, number, headSha } });
        }
      }
      return;
    }
    case "merge-group":
      await evaluateMergeGroup(pipeline, await env.octokitFor(job.group.installationId), job.group);
      return;
  }
}


import type { Actor } from "../facts.js";

/** The pull request a job concerns: what the router hands the pipeline. */
export interface PullRequestTarget {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  /** The head SHA the event named; the evaluation still reads the PR's current head. */
  headSha?: string;
  /** Who pushed that head, when the event was a push to the PR (`synchronize`'s sender). */
  pushedBy?: Actor;
  /**
   * How many commits and changed files the event said the PR has at `headSha` (`pull_request`
   * events carry them; reviews and checks do not). Absent = the event did not say.
   */
  webhookCounts?: { commits?: number; changedFiles?: number };
}

/** Queue key: one evaluation at a time per pull request. */
export function targetKey(t: Pick<PullRequestTarget, "owner" | "repo" | "number">): string {
  return `${t.owner}/${t.repo}#${t.number}`.toLowerCase();
}

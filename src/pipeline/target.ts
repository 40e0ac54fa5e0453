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
}

/** Queue key: one evaluation at a time per pull request. */
export function targetKey(t: Pick<PullRequestTarget, "owner" | "repo" | "number">): string {
  return `${t.owner}/${t.repo}#${t.number}`.toLowerCase();
}

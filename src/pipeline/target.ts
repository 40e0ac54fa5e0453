/**
 * The pipeline's unit of work: one pull request of one installation, named by a webhook
 * payload or a REST listing, and the key that keeps one evaluation at a time per pull request.
 */
export interface PullRequestTarget {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  /** The head SHA the event named; the evaluation still reads the PR's current head. */
  headSha?: string;
}

export interface RepositoryPayload {
  id?: number | bigint;
  name: string;
  owner: { login: string };
}

export function targetFromPullRequest(
  installationId: number,
  repository: RepositoryPayload,
  pr: { number: number; head?: { sha?: string } },
): PullRequestTarget {
  return { installationId, owner: repository.owner.login, repo: repository.name, number: pr.number, headSha: pr.head?.sha };
}

/** Queue key: one evaluation at a time per pull request. */
export function targetKey(t: Pick<PullRequestTarget, "owner" | "repo" | "number">): string {
  return `${t.owner}/${t.repo}#${t.number}`.toLowerCase();
}

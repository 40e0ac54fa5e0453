/**
 * Which pull requests a webhook concerns. Pure: payload in, targets out, so every event's
 * routing is testable without a network. Handlers then funnel every target into the one
 * evaluation path.
 */
export interface PullRequestTarget {
  installationId: number;
  owner: string;
  repo: string;
  number: number;
  /** The head SHA the event named; the evaluation still reads the PR's current head. */
  headSha?: string;
}

interface RepositoryPayload {
  name: string;
  owner: { login: string };
}

interface PullRequestRef {
  number: number;
  head?: { sha?: string };
  base?: { repo?: { name?: string; owner?: { login?: string } | null } | null };
}

function target(installationId: number, repository: RepositoryPayload, pr: PullRequestRef): PullRequestTarget {
  return {
    installationId,
    owner: repository.owner.login,
    repo: repository.name,
    number: pr.number,
    headSha: pr.head?.sha,
  };
}

/** Pull requests listed on a check run or check suite. GitHub lists only PRs whose head is in
 * the same repository; for forks the list is empty and the status path (commit → PRs) applies. */
export function targetsFromCheckPayload(
  installationId: number,
  repository: RepositoryPayload,
  pullRequests: PullRequestRef[] | null | undefined,
): PullRequestTarget[] {
  return (pullRequests ?? [])
    .filter((pr) => {
      const baseRepo = pr.base?.repo;
      // check suites list PRs of other repositories that share the commit: ignore those
      return !baseRepo?.name || (baseRepo.name === repository.name && baseRepo.owner?.login === repository.owner.login);
    })
    .map((pr) => target(installationId, repository, pr));
}

export function targetFromPullRequest(
  installationId: number,
  repository: RepositoryPayload,
  pr: PullRequestRef,
): PullRequestTarget {
  return target(installationId, repository, pr);
}

/** Queue key: one evaluation at a time per pull request. */
export function targetKey(t: Pick<PullRequestTarget, "owner" | "repo" | "number">): string {
  return `${t.owner}/${t.repo}#${t.number}`.toLowerCase();
}

/**
 * Which pull requests a webhook concerns. Pure: payload in, targets out, so every event's
 * routing is testable without a network. Handlers then funnel every target into the one
 * evaluation path.
 */
import type { PullRequestTarget } from "../pipeline/target.js";

export type { PullRequestTarget };

interface RepositoryPayload {
  id?: number | bigint;
  name: string;
  owner: { login: string };
}

/** check_run / check_suite list PRs with GitHub's short `repo-ref` ({ id, url, name }: no owner). */
interface RepoRef {
  id?: number | bigint;
  url?: string;
  name?: string;
  owner?: { login?: string } | null;
}

interface PullRequestRef {
  number: number;
  head?: { sha?: string };
  base?: { repo?: RepoRef | null };
  /** `pull_request` events only: how many commits and changed files the PR has at `head.sha`. */
  commits?: number;
  changed_files?: number;
}

function target(installationId: number, repository: RepositoryPayload, pr: PullRequestRef): PullRequestTarget {
  return {
    installationId,
    owner: repository.owner.login,
    repo: repository.name,
    number: pr.number,
    headSha: pr.head?.sha,
    ...webhookCounts(pr),
  };
}

/** The counts only beside the head SHA they describe, and only when they are counts. */
function webhookCounts(pr: PullRequestRef): Pick<PullRequestTarget, "webhookCounts"> {
  if (!pr.head?.sha) return {};
  const count = (value: unknown) => (typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : undefined);
  const commits = count(pr.commits);
  const changedFiles = count(pr.changed_files);
  if (commits === undefined && changedFiles === undefined) return {};
  return { webhookCounts: { ...(commits !== undefined ? { commits } : {}), ...(changedFiles !== undefined ? { changedFiles } : {}) } };
}

/** Pull requests listed on a check run or check suite. GitHub lists only PRs whose head is in
 * the same repository; for forks the list is empty and the status path (commit → PRs) applies. */
export function targetsFromCheckPayload(
  installationId: number,
  repository: RepositoryPayload,
  pullRequests: PullRequestRef[] | null | undefined,
): PullRequestTarget[] {
  return (pullRequests ?? [])
    // check suites list PRs of other repositories that share the commit: ignore those
    .filter((pr) => !pr.base?.repo || sameRepository(pr.base.repo, repository))
    .map((pr) => target(installationId, repository, pr));
}

/** The listed `repo-ref` has no owner: match by id, else by API URL, else by name. */
function sameRepository(ref: RepoRef, repository: RepositoryPayload): boolean {
  if (ref.id != null && repository.id != null) return String(ref.id) === String(repository.id);
  const fullName = `${repository.owner.login}/${repository.name}`.toLowerCase();
  if (ref.url) return ref.url.toLowerCase().endsWith(`/repos/${fullName}`);
  if (ref.owner?.login && ref.name) return `${ref.owner.login}/${ref.name}`.toLowerCase() === fullName;
  return !ref.name || ref.name.toLowerCase() === repository.name.toLowerCase();
}

export function targetFromPullRequest(
  installationId: number,
  repository: RepositoryPayload,
  pr: PullRequestRef,
): PullRequestTarget {
  return target(installationId, repository, pr);
}

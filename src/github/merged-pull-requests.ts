/**
 * A repository's history as the backfill reads it through REST: closed pull requests, most
 * recently updated first; each merged one's commits and reviews; default-branch commits. One
 * page per call, so the caller can checkpoint between pages and show "page 3/12".
 */
import { httpStatus, type GitHubClient } from "./client.js";
import { detectionInput, type DetectionInput, type RestCommit, type RestPullRequest, type RestReview } from "./facts-from-rest.js";
import { lastPage } from "./link-header.js";
import type { RepositoryRef } from "./pull-requests.js";

export const PAGE_SIZE = 100;

export interface Page<T> {
  items: T[];
  /** Pages of the listing, when GitHub says. */
  lastPage: number | null;
}

export async function closedPullRequestsPage(octokit: GitHubClient, repository: RepositoryRef, page: number): Promise<Page<RestPullRequest>> {
  const response = await octokit.request("GET /repos/{owner}/{repo}/pulls", {
    ...repository,
    state: "closed",
    sort: "updated",
    direction: "desc",
    per_page: PAGE_SIZE,
    page,
  });
  return { items: response.data as unknown as RestPullRequest[], lastPage: lastPage(response.headers.link, page) };
}

/** What detection reads of a merged pull request: its listing plus all its commits (GitHub
 * lists at most 250) and reviews. `beforePage` runs before each request (to stop on an interrupt). */
export async function mergedPullRequestHistory(
  octokit: GitHubClient,
  repository: RepositoryRef,
  pull: RestPullRequest,
  beforePage: () => void = () => undefined,
): Promise<DetectionInput> {
  const commits = await everyPage<RestCommit>(octokit, "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits", repository, pull.number, beforePage);
  const reviews = await everyPage<RestReview>(octokit, "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews", repository, pull.number, beforePage);
  return detectionInput(pull, commits, reviews);
}

export interface BranchCommit {
  sha: string;
  message: string;
  /** Committer date, else author date. */
  at: string | null;
}

/** null when the repository is empty (GitHub answers 409). */
export async function branchCommitsPage(
  octokit: GitHubClient,
  repository: RepositoryRef,
  options: { branch: string; since: string; page: number },
): Promise<Page<BranchCommit> | null> {
  try {
    const response = await octokit.request("GET /repos/{owner}/{repo}/commits", {
      ...repository,
      sha: options.branch,
      since: options.since,
      per_page: PAGE_SIZE,
      page: options.page,
    });
    const commits = response.data as unknown as RestCommit[];
    return {
      items: commits.map((c) => ({ sha: c.sha, message: c.commit.message, at: c.commit.committer?.date ?? c.commit.author?.date ?? null })),
      lastPage: lastPage(response.headers.link, options.page),
    };
  } catch (error) {
    if (httpStatus(error) === 409) return null;
    throw error;
  }
}

async function everyPage<T>(
  octokit: GitHubClient,
  route: "GET /repos/{owner}/{repo}/pulls/{pull_number}/commits" | "GET /repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  repository: RepositoryRef,
  number: number,
  beforePage: () => void,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page += 1) {
    beforePage();
    const response = await octokit.request(route, { ...repository, pull_number: number, per_page: PAGE_SIZE, page });
    const batch = response.data as unknown as T[];
    items.push(...batch);
    if (batch.length < PAGE_SIZE) return items;
  }
}

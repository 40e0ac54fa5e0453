/**
 * Which pull requests work fans out to: the open ones of a commit, of a repository, and the
 * repositories of an installation. Listings follow the `Link` header's next page, as Octokit's
 * `paginate` does, with one request per page.
 */
import type { GitHubClient } from "./client.js";
import { nextPage } from "./link-header.js";

export interface RepositoryRef {
  owner: string;
  repo: string;
}

export interface OpenPullRequest {
  number: number;
  headSha: string;
}

interface RestPullRequestHead {
  number: number;
  state: string;
  head: { sha: string };
}

/**
 * The open pull requests whose head is `sha` (a commit can head several, to different bases).
 * Every page: GitHub lists the commit's merged and closed pull requests too, and one left out
 * would keep the verdict it had before the status or check changed.
 */
export async function openPullRequestsOfCommit(octokit: GitHubClient, { owner, repo }: RepositoryRef, sha: string): Promise<OpenPullRequest[]> {
  const pulls = await everyPage<RestPullRequestHead>(
    octokit,
    "GET /repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    { owner, repo, commit_sha: sha, per_page: 100 },
    (data) => data as RestPullRequestHead[],
  );
  return pulls.filter((pr) => pr.state === "open" && pr.head.sha === sha).map(openPullRequest);
}

export async function openPullRequests(octokit: GitHubClient, { owner, repo }: RepositoryRef): Promise<OpenPullRequest[]> {
  const pulls = await everyPage<RestPullRequestHead>(octokit, "GET /repos/{owner}/{repo}/pulls", { owner, repo, state: "open", per_page: 100 }, (data) => data as RestPullRequestHead[]);
  return pulls.map(openPullRequest);
}

export async function installationRepositories(octokit: GitHubClient): Promise<RepositoryRef[]> {
  type Listed = { name: string; owner: { login: string } };
  const repositories = await everyPage<Listed>(octokit, "GET /installation/repositories", { per_page: 100 }, (data) => (data as { repositories: Listed[] }).repositories);
  return repositories.map((r) => ({ owner: r.owner.login, repo: r.name }));
}

function openPullRequest(pr: { number: number; head: { sha: string } }): OpenPullRequest {
  return { number: pr.number, headSha: pr.head.sha };
}

async function everyPage<T>(octokit: GitHubClient, route: string, params: Record<string, unknown>, items: (data: unknown) => T[]): Promise<T[]> {
  const all: T[] = [];
  for (let next: string | null = route; next !== null; params = {}) {
    const response = await octokit.request(next, params);
    all.push(...items(response.data));
    const url = nextPage(response.headers.link);
    next = url === null ? null : `GET ${url}`;
  }
  return all;
}

/** Facts about a repository itself, outside any pull request. */
import type { GitHubClient } from "./client.js";
import type { RepositoryRef } from "./pull-requests.js";

export async function defaultBranch(octokit: GitHubClient, repository: RepositoryRef): Promise<string> {
  const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: repository.owner, repo: repository.repo });
  return data.default_branch;
}

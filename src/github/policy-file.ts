/**
 * The policy in force for a repository, read through the REST contents API (the command line
 * has no pull request, hence no GraphQL facts query): `.agent-governance.yml` on the repository's
 * default branch, and the organisation default in the owner's `.github` repository.
 */
import { POLICY_FILE, type PolicyBlob } from "../config/policy.js";
import { httpStatus, type GitHubClient } from "./client.js";
import type { PolicyBlobs } from "./facts-from-graphql.js";

export async function readPolicyBlobs(octokit: GitHubClient, owner: string, repo: string | undefined): Promise<PolicyBlobs> {
  const [repository, organization] = await Promise.all([
    repo === undefined ? Promise.resolve(null) : readBlob(octokit, owner, repo, POLICY_FILE),
    // The same path the app's query names for the organisation default.
    readBlob(octokit, owner, ".github", `${owner}/.github:${POLICY_FILE}`),
  ]);
  return { repository, organization };
}

interface ContentsFile {
  type?: string;
  encoding?: string;
  content?: string;
  size?: number;
  sha?: string;
}

async function readBlob(octokit: GitHubClient, owner: string, repo: string, shownAs: string): Promise<PolicyBlob | null> {
  let data: unknown;
  try {
    ({ data } = await octokit.request("GET /repos/{owner}/{repo}/contents/{path}", { owner, repo, path: POLICY_FILE }));
  } catch (error) {
    // No file, or no such repository (an owner without a `.github` repository).
    if (httpStatus(error) === 404) return null;
    throw error;
  }
  const file = data as ContentsFile;
  // A directory of that name is an array; a symlink or submodule is not the policy either.
  if (Array.isArray(data) || file.type !== "file" || typeof file.sha !== "string") return null;
  // Files over 1 MB come without content ("none"): far beyond the policy limit, which then fails closed.
  const bytes = file.encoding === "base64" && typeof file.content === "string" ? Buffer.from(file.content, "base64") : null;
  const text = bytes === null || bytes.includes(0) ? null : bytes.toString("utf8");
  return { path: shownAs, text, byteSize: file.size ?? bytes?.length ?? 0, oid: file.sha };
}

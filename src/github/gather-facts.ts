/**
 * Read one pull request from GitHub: one GraphQL round trip in steady state,
 * plus pages of 100 for commits, files and reviews beyond the first 100.
 *
 The directory questions are asked separately: they need the policy in force, which the
 * config module resolves from the blobs read here (see `pipeline/decide-pull-request.ts`).
 */
import { POLICY_FILE } from "../config/policy.js";
import type { GitHubClient } from "./client.js";
import {
  COMMITS_PAGE_QUERY,
  FILES_PAGE_QUERY,
  PULL_REQUEST_FACTS_QUERY,
  REVIEWS_PAGE_QUERY,
  type GqlChangedFile,
  type GqlCommit,
  type GqlConnection,
  type GqlReview,
  type PageResponse,
  type PullRequestFactsResponse,
} from "./facts-query.js";
import { factsFromGraphql, type GatheredPullRequest } from "./facts-from-graphql.js";
import { headPagesKey, type HeadPages, type HeadPagesCache } from "./head-pages.js";

export type { GatheredPullRequest, OwnCheckRun, PolicyBlobs } from "./facts-from-graphql.js";

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

/** The PR, its repository or its base branch is gone: nothing can be evaluated. */
export class PullRequestNotFoundError extends Error {
  override name = "PullRequestNotFoundError";
}

interface GraphqlErrorEntry {
  type?: string;
  path?: (string | number)[];
  message?: string;
}

interface GraphqlResponseErrorLike {
  errors: GraphqlErrorEntry[];
  data?: unknown;
}

function isGraphqlResponseError(error: unknown): error is GraphqlResponseErrorLike {
  return (
    typeof error === "object" &&
    error !== null &&
    Array.isArray((error as { errors?: unknown }).errors) &&
    "data" in error
  );
}

/** A missing (or invisible) `.github` repository is "no organisation file", not a failure. */
function onlyOrgDefaultsMissing(error: GraphqlResponseErrorLike): boolean {
  return error.errors.every((entry) => entry.type === "NOT_FOUND" && entry.path?.[0] === "orgDefaults");
}

export interface GatherOptions {
  /** This app's id: with it, the same read also finds the app's own check run on the head. */
  appId?: number;
  /** Commits and files of head commits already read: a large PR's pages are read once per head. */
  headPages?: HeadPagesCache;
}

async function queryFacts(octokit: GitHubClient, ref: PullRequestRef, options: GatherOptions): Promise<PullRequestFactsResponse> {
  try {
    return await octokit.graphql<PullRequestFactsResponse>(PULL_REQUEST_FACTS_QUERY, {
      owner: ref.owner,
      repo: ref.repo,
      number: ref.number,
      policyPath: POLICY_FILE,
      orgPolicy: `HEAD:${POLICY_FILE}`,
      ...(options.appId !== undefined ? { appId: options.appId, withOwnCheckRun: true } : {}),
    });
  } catch (error) {
    if (isGraphqlResponseError(error) && error.data && onlyOrgDefaultsMissing(error)) {
      return error.data as PullRequestFactsResponse;
    }
    throw error;
  }
}

type PagedConnection = "commits" | "files" | "reviews";

/** Follow `pageInfo` in pages of 100 until the connection is exhausted. */
async function remainingPages<T>(
  octokit: GitHubClient,
  ref: PullRequestRef,
  connection: PagedConnection,
  document: string,
  first: GqlConnection<T> | null,
  counter: { requests: number },
): Promise<T[]> {
  const nodes: T[] = [...(first?.nodes ?? [])].filter((node): node is T => node !== null);
  let pageInfo = first?.pageInfo;
  while (pageInfo?.hasNextPage && pageInfo.endCursor) {
    counter.requests += 1;
    const page = await octokit.graphql<PageResponse<T>>(document, {
      owner: ref.owner,
      repo: ref.repo,
      number: ref.number,
      after: pageInfo.endCursor,
    });
    const next = page.repository?.pullRequest?.[connection];
    if (!next) throw new PullRequestNotFoundError(`${ref.owner}/${ref.repo}#${ref.number} disappeared while paging ${connection}`);
    nodes.push(...(next.nodes ?? []).filter((node): node is T => node !== null));
    pageInfo = next.pageInfo;
  }
  return nodes;
}

export async function gatherFacts(
  octokit: GitHubClient,
  ref: PullRequestRef,
  options: GatherOptions = {},
): Promise<GatheredPullRequest> {
  const counter = { requests: 1 };
  const data = await queryFacts(octokit, ref, options);
  const pr = data.repository?.pullRequest;
  if (!data.repository || !pr) {
    throw new PullRequestNotFoundError(`pull request ${ref.owner}/${ref.repo}#${ref.number} not found`);
  }
  // The policy comes from the base branch only; without it an open PR cannot be judged
  // (falling back to the organisation file would weaken the rules that apply).
  if (pr.state === "OPEN" && !pr.baseRef) {
    throw new PullRequestNotFoundError(`base branch ${pr.baseRefName} of ${ref.owner}/${ref.repo}#${ref.number} not found`);
  }
  const key = headPagesKey({
    owner: ref.owner,
    repo: ref.repo,
    headSha: pr.headRefOid,
    commitCount: pr.commits.totalCount,
    fileCount: pr.files?.totalCount,
  });
  const beyondFirstPage = Boolean(pr.commits.pageInfo?.hasNextPage || pr.files?.pageInfo?.hasNextPage);
  const kept = beyondFirstPage ? await options.headPages?.get(key) : undefined;
  const [commits, files, reviews] = await Promise.all([
    kept?.commits ?? remainingPages<{ commit: GqlCommit }>(octokit, ref, "commits", COMMITS_PAGE_QUERY, pr.commits, counter).then((nodes) => nodes.map((node) => node.commit)),
    kept?.files ?? remainingPages<GqlChangedFile>(octokit, ref, "files", FILES_PAGE_QUERY, pr.files, counter),
    remainingPages<GqlReview>(octokit, ref, "reviews", REVIEWS_PAGE_QUERY, pr.reviews, counter),
  ]);
  const gathered = factsFromGraphql(ref, data.repository, pr, { commits, files, reviews }, data.orgDefaults?.object);
  const renamed = gathered.facts.files.some((file) => file.changeType === "RENAMED");
  const previousPaths = kept?.previousPaths ?? (renamed ? await readPreviousPaths(octokit, ref, counter) : []);
  if (!kept && (beyondFirstPage || renamed) && options.headPages) {
    const pages: HeadPages = { commits, files, previousPaths };
    await options.headPages.set(key, pages);
  }
  const previous = new Map(previousPaths);
  const changed = gathered.facts.files.map((file) => {
    const previousPath = previous.get(file.path);
    return previousPath ? { ...file, previousPath } : file;
  });
  return { ...gathered, facts: { ...gathered.facts, files: changed }, requests: counter.requests };
}

/**
 * GraphQL gives a renamed file only its new path, but a rename out of `.github/workflows/`
 * touches a forbidden path as much as an edit does. Only when the PR renames something, the
 * REST file list (which has `previous_filename`) is read, 100 per page.
 */
async function readPreviousPaths(octokit: GitHubClient, ref: PullRequestRef, counter: { requests: number }): Promise<Array<[string, string]>> {
  const previous: Array<[string, string]> = [];
  for (let page = 1; page <= 30; page++) {
    counter.requests += 1;
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
      owner: ref.owner,
      repo: ref.repo,
      pull_number: ref.number,
      per_page: 100,
      page,
    });
    for (const file of data) if (file.previous_filename) previous.push([file.filename, file.previous_filename]);
    if (data.length < 100) break;
  }
  return previous;
}

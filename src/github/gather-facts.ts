/**
 * Read one pull request from GitHub: one GraphQL round trip in steady state, plus pages of 100
 * for whatever does not fit the first: commits, files, reviews, labels, review requests and the
 * head commit's check runs and statuses beyond the first 100, label events earlier than the last
 * 100 while a label's applier is not among them, force pushes earlier than the last 100.
 *
 The directory questions are asked separately: they need the policy in force, which the
 * config module resolves from the blobs read here (see `pipeline/decide-pull-request.ts`).
 */
import { POLICY_FILE } from "../config/policy.js";
import type { GitHubClient } from "./client.js";
import {
  ASSOCIATED_PULL_REQUESTS_PAGE_QUERY,
  CHECK_CONTEXTS_PAGE_QUERY,
  COMMITS_PAGE_QUERY,
  FILES_PAGE_QUERY,
  FORCE_PUSHES_PAGE_QUERY,
  LABEL_EVENTS_PAGE_QUERY,
  LABELS_PAGE_QUERY,
  PULL_REQUEST_FACTS_QUERY,
  REVIEW_REQUESTS_PAGE_QUERY,
  REVIEWS_PAGE_QUERY,
  type EarlierEventsResponse,
  type GqlAssociatedPullRequest,
  type GqlChangedFile,
  type GqlCheckContext,
  type GqlCommit,
  type GqlConnection,
  type GqlFirstPage,
  type GqlForcePushedEvent,
  type GqlLabeledEvent,
  type GqlPullRequest,
  type GqlReview,
  type GqlReviewRequest,
  type GqlTimeline,
  type HeadCommitPageResponse,
  type PageResponse,
  type PullRequestFactsResponse,
} from "./facts-query.js";
import { factsFromGraphql, labelAppliers, type GatheredPullRequest } from "./facts-from-graphql.js";
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

type Counter = { requests: number };

/** Follow `pageInfo` in pages of 100 until the connection is exhausted. */
async function remainingPages<T>(
  first: GqlFirstPage<T> | null | undefined,
  nextPage: (after: string) => Promise<GqlConnection<T>>,
  counter: Counter,
): Promise<T[]> {
  const nodes: T[] = [...(first?.nodes ?? [])].filter((node): node is T => node !== null);
  let pageInfo = first?.pageInfo;
  while (pageInfo?.hasNextPage && pageInfo.endCursor) {
    counter.requests += 1;
    const next = await nextPage(pageInfo.endCursor);
    nodes.push(...(next.nodes ?? []).filter((node): node is T => node !== null));
    pageInfo = next.pageInfo;
  }
  return nodes;
}

type PagedConnection = "commits" | "files" | "reviews" | "labels" | "reviewRequests";

/** The next page of one of the pull request's own connections. */
function pullRequestPage<T>(octokit: GitHubClient, ref: PullRequestRef, connection: PagedConnection, document: string) {
  return async (after: string): Promise<GqlConnection<T>> => {
    const page = await octokit.graphql<PageResponse<T>>(document, { owner: ref.owner, repo: ref.repo, number: ref.number, after });
    const next = page.repository?.pullRequest?.[connection];
    if (!next) throw new PullRequestNotFoundError(`${ref.owner}/${ref.repo}#${ref.number} disappeared while paging ${connection}`);
    return next;
  };
}

/**
 * The next page of a connection of the head commit `oid` (the one the facts query read). A list
 * that stops short must not read as "all there" (checks are what `required_checks` waits for).
 */
function headCommitPage<T>(
  octokit: GitHubClient,
  ref: PullRequestRef,
  oid: string,
  document: string,
  connection: (object: NonNullable<NonNullable<HeadCommitPageResponse["repository"]>["object"]>) => GqlConnection<T> | null | undefined,
) {
  return async (after: string): Promise<GqlConnection<T>> => {
    const page = await octokit.graphql<HeadCommitPageResponse>(document, { owner: ref.owner, repo: ref.repo, oid, after });
    const object = page.repository?.object;
    const next = object ? connection(object) : null;
    if (!next) throw new Error(`commit ${oid} of ${ref.owner}/${ref.repo} disappeared while paging it`);
    return next;
  };
}

type TimelineAlias = "labelEvents" | "forcePushes";

/**
 * The timeline read newest first, then earlier pages of 100 (prepended: the result stays
 * chronological) for as long as `wantsEarlier` says the events read so far are not enough.
 */
async function earlierEvents<T>(
  octokit: GitHubClient,
  ref: PullRequestRef,
  alias: TimelineAlias,
  document: string,
  last: GqlTimeline<T> | null | undefined,
  wantsEarlier: (events: T[]) => boolean,
  counter: Counter,
): Promise<T[]> {
  let events: T[] = (last?.nodes ?? []).filter((node): node is T => node !== null);
  let pageInfo = last?.pageInfo;
  while (pageInfo?.hasPreviousPage && pageInfo.startCursor && wantsEarlier(events)) {
    counter.requests += 1;
    const page = await octokit.graphql<EarlierEventsResponse<T>>(document, { owner: ref.owner, repo: ref.repo, number: ref.number, before: pageInfo.startCursor });
    const earlier = page.repository?.pullRequest?.[alias];
    if (!earlier) throw new PullRequestNotFoundError(`${ref.owner}/${ref.repo}#${ref.number} disappeared while paging ${alias}`);
    events = [...(earlier.nodes ?? []).filter((node): node is T => node !== null), ...events];
    pageInfo = earlier.pageInfo;
  }
  return events;
}

/** Labels, label events, force pushes, review requests, check contexts and the head's pull requests, each read to its end. */
async function pullRequestLists(octokit: GitHubClient, ref: PullRequestRef, pr: GqlPullRequest, counter: Counter) {
  const headCommit = pr.headCommit.nodes?.[pr.headCommit.nodes.length - 1]?.commit ?? null;
  const [labels, forcePushes, reviewRequests, checkContexts, associatedPullRequests] = await Promise.all([
    remainingPages(pr.labels, pullRequestPage<{ name: string }>(octokit, ref, "labels", LABELS_PAGE_QUERY), counter),
    // Every pusher is a signal: all of them are read.
    earlierEvents<GqlForcePushedEvent>(octokit, ref, "forcePushes", FORCE_PUSHES_PAGE_QUERY, pr.forcePushes, () => true, counter),
    remainingPages(pr.reviewRequests, pullRequestPage<GqlReviewRequest>(octokit, ref, "reviewRequests", REVIEW_REQUESTS_PAGE_QUERY), counter),
    headCommit
      ? remainingPages(
          headCommit.statusCheckRollup?.contexts,
          headCommitPage<GqlCheckContext>(octokit, ref, headCommit.oid, CHECK_CONTEXTS_PAGE_QUERY, (commit) => commit.statusCheckRollup?.contexts),
          counter,
        )
      : [],
    // Open PRs sharing the head share its check run: one left out would not get the strictest result.
    headCommit?.associatedPullRequests
      ? remainingPages(
          headCommit.associatedPullRequests,
          headCommitPage<GqlAssociatedPullRequest>(octokit, ref, headCommit.oid, ASSOCIATED_PULL_REQUESTS_PAGE_QUERY, (commit) => commit.associatedPullRequests),
          counter,
        )
      : undefined,
  ]);
  // Only who applied each label now on the PR matters (an override's applier must be known):
  // earlier label events are read only while one of them is not found yet.
  const names = labels.map((label) => label.name.toLowerCase());
  const labelEvents = await earlierEvents<GqlLabeledEvent>(
    octokit,
    ref,
    "labelEvents",
    LABEL_EVENTS_PAGE_QUERY,
    pr.labelEvents,
    (events) => {
      const found = labelAppliers(events);
      return names.some((name) => !found.has(name));
    },
    counter,
  );
  return { labels, labelEvents, forcePushes, reviewRequests, checkContexts, associatedPullRequests };
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
  const [commits, files, reviews, lists] = await Promise.all([
    kept?.commits ??
      remainingPages(pr.commits, pullRequestPage<{ commit: GqlCommit }>(octokit, ref, "commits", COMMITS_PAGE_QUERY), counter).then((nodes) =>
        nodes.map((node) => node.commit),
      ),
    kept?.files ?? remainingPages(pr.files, pullRequestPage<GqlChangedFile>(octokit, ref, "files", FILES_PAGE_QUERY), counter),
    remainingPages(pr.reviews, pullRequestPage<GqlReview>(octokit, ref, "reviews", REVIEWS_PAGE_QUERY), counter),
    pullRequestLists(octokit, ref, pr, counter),
  ]);
  const gathered = factsFromGraphql(ref, data.repository, pr, { commits, files, reviews, ...lists }, data.orgDefaults?.object);
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

/**
 * The GraphQL documents that read a pull request (within the API budget): one round trip
 * for a PR of up to 100 commits, files, reviews, labels, review requests and check contexts
 * (and whose last 100 label and force-push events say what is needed), policy files included;
 * follow-up pages of 100 only beyond that. Validated against GitHub's schema in test/github.
 *
 * Policy blobs are read through the refs the PR itself points at, never through SHAs or
 * branch names from the webhook, which may be stale by the time the query runs:
 * - base: `baseRef.target.file(path:)` — the file at the current tip of the base branch;
 * - head: `headCommit: commits(last: 1)` — the PR's newest commit (its current head), which
 *   also carries the check runs and statuses that `required_checks` needs, and the PRs
 *   associated with that commit: other open PRs with the same head share one check run
 *   and knowing there are none costs no extra request;
 * - this app's own `agent-governance` run on the head commit (`ownCheckSuites`, only when the
 *   app id is known): the check-run writer then PATCHes or POSTs without a lookup request;
 * - organisation default: `orgDefaults`, the `.github` repository's default branch (`HEAD:`).
 *   GitHub answers a missing `.github` repository with `orgDefaults: null` plus a NOT_FOUND
 *   error entry; gather-facts treats exactly that as "no organisation file".
 */

import { CHECK_NAME } from "./check-name.js";

const ACTOR = `
fragment ActorFields on Actor {
  __typename
  login
  ... on Bot { databaseId }
  ... on User { databaseId }
  ... on Mannequin { databaseId }
}`;

const BLOB = `
fragment PolicyBlobFields on Blob {
  oid
  text
  byteSize
  isTruncated
  isBinary
}`;

const COMMIT = `
fragment CommitFields on Commit {
  oid
  message
  parents { totalCount }
  author { name email user { login databaseId } }
  committer { name email user { login databaseId } }
  authors(first: 10) { nodes { name email user { login databaseId } } }
  signature { isValid }
}`;

const FILE = `
fragment ChangedFileFields on PullRequestChangedFile {
  path
  additions
  deletions
  changeType
}`;

const REVIEW = `
fragment ReviewFields on PullRequestReview {
  id
  state
  submittedAt
  authorCanPushToRepository
  commit { oid }
  author { ...ActorFields }
}`;

const PAGE_INFO = "pageInfo { hasNextPage endCursor }";
/** Timeline events are read newest first (`last:`): earlier pages come before them. */
const PREVIOUS_PAGE_INFO = "pageInfo { hasPreviousPage startCursor }";

const CHECK_CONTEXT = `
__typename
... on CheckRun { name status conclusion }
... on StatusContext { context state }`;

const ASSOCIATED_PULL_REQUEST = "number state headRefOid repository { nameWithOwner }";

const REQUESTED_REVIEWER = `
requestedReviewer {
  __typename
  ... on User { login }
  ... on Bot { login }
  ... on Mannequin { login }
  ... on Team { slug organization { login } }
}`;

const LABELED_EVENT = `
... on LabeledEvent {
  createdAt
  label { name }
  actor { ...ActorFields }
}`;

const FORCE_PUSHED_EVENT = `
... on HeadRefForcePushedEvent {
  actor { ...ActorFields }
}`;

export const PULL_REQUEST_FACTS_QUERY = `
query PullRequestFacts(
  $owner: String!
  $repo: String!
  $number: Int!
  $policyPath: String!
  $orgPolicy: String!
  $appId: Int
  $withOwnCheckRun: Boolean = false
) {
  repository(owner: $owner, name: $repo) {
    defaultBranchRef { name }
    pullRequest(number: $number) {
      number
      title
      body
      isDraft
      state
      baseRefName
      headRefName
      headRefOid
      changedFiles
      author { ...ActorFields }
      baseRef {
        target {
          ... on Commit {
            oid
            policy: file(path: $policyPath) { object { ...PolicyBlobFields } }
          }
        }
      }
      headCommit: commits(last: 1) {
        nodes {
          commit {
            oid
            policy: file(path: $policyPath) { object { ...PolicyBlobFields } }
            statusCheckRollup {
              contexts(first: 100) {
                ${PAGE_INFO}
                nodes { ${CHECK_CONTEXT} }
              }
            }
            associatedPullRequests(first: 100) {
              totalCount
              ${PAGE_INFO}
              nodes { ${ASSOCIATED_PULL_REQUEST} }
            }
            ownCheckSuites: checkSuites(first: 5, filterBy: { appId: $appId }) @include(if: $withOwnCheckRun) {
              nodes {
                checkRuns(first: 5, filterBy: { checkName: ${JSON.stringify(CHECK_NAME)} }) {
                  nodes { databaseId status conclusion }
                }
              }
            }
          }
        }
      }
      labels(first: 100) { totalCount ${PAGE_INFO} nodes { name } }
      labelEvents: timelineItems(last: 100, itemTypes: [LABELED_EVENT]) {
        ${PREVIOUS_PAGE_INFO}
        nodes { ${LABELED_EVENT} }
      }
      forcePushes: timelineItems(last: 100, itemTypes: [HEAD_REF_FORCE_PUSHED_EVENT]) {
        ${PREVIOUS_PAGE_INFO}
        nodes { ${FORCE_PUSHED_EVENT} }
      }
      commits(first: 100) {
        totalCount
        ${PAGE_INFO}
        nodes { commit { ...CommitFields } }
      }
      files(first: 100) {
        totalCount
        ${PAGE_INFO}
        nodes { ...ChangedFileFields }
      }
      reviews(first: 100) {
        totalCount
        ${PAGE_INFO}
        nodes { ...ReviewFields }
      }
      reviewRequests(first: 100) {
        ${PAGE_INFO}
        nodes { ${REQUESTED_REVIEWER} }
      }
    }
  }
  orgDefaults: repository(owner: $owner, name: ".github") {
    object(expression: $orgPolicy) { ...PolicyBlobFields }
  }
}
${ACTOR}
${BLOB}
${COMMIT}
${FILE}
${REVIEW}`;

function pageQuery(operation: string, connection: string, nodes: string, fragments: string): string {
  return `
query ${operation}($owner: String!, $repo: String!, $number: Int!, $after: String!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      ${connection}(first: 100, after: $after) {
        ${PAGE_INFO}
        nodes ${nodes}
      }
    }
  }
}
${fragments}`;
}

export const COMMITS_PAGE_QUERY = pageQuery("PullRequestCommitsPage", "commits", "{ commit { ...CommitFields } }", COMMIT);
export const FILES_PAGE_QUERY = pageQuery("PullRequestFilesPage", "files", "{ ...ChangedFileFields }", FILE);
export const REVIEWS_PAGE_QUERY = pageQuery("PullRequestReviewsPage", "reviews", "{ ...ReviewFields }", `${REVIEW}\n${ACTOR}`);
export const LABELS_PAGE_QUERY = pageQuery("PullRequestLabelsPage", "labels", "{ name }", "");
export const REVIEW_REQUESTS_PAGE_QUERY = pageQuery("PullRequestReviewRequestsPage", "reviewRequests", `{ ${REQUESTED_REVIEWER} }`, "");

/** The timeline events of one type that come before `$before`, newest 100 of them, under `alias`. */
function earlierEventsQuery(operation: string, alias: string, itemType: string, nodes: string): string {
  return `
query ${operation}($owner: String!, $repo: String!, $number: Int!, $before: String!) {
  repository(owner: $owner, name: $repo) {
    pullRequest(number: $number) {
      ${alias}: timelineItems(last: 100, before: $before, itemTypes: [${itemType}]) {
        ${PREVIOUS_PAGE_INFO}
        nodes { ${nodes} }
      }
    }
  }
}
${ACTOR}`;
}

export const LABEL_EVENTS_PAGE_QUERY = earlierEventsQuery("PullRequestLabelEventsPage", "labelEvents", "LABELED_EVENT", LABELED_EVENT);
export const FORCE_PUSHES_PAGE_QUERY = earlierEventsQuery("PullRequestForcePushesPage", "forcePushes", "HEAD_REF_FORCE_PUSHED_EVENT", FORCE_PUSHED_EVENT);

/** A connection of the head commit the facts query read, by its SHA (the PR's head may have moved since). */
function headCommitPageQuery(operation: string, connection: (page: string) => string): string {
  return `
query ${operation}($owner: String!, $repo: String!, $oid: GitObjectID!, $after: String!) {
  repository(owner: $owner, name: $repo) {
    object(oid: $oid) {
      ... on Commit {
        ${connection(`(first: 100, after: $after) {\n          ${PAGE_INFO}`)}
      }
    }
  }
}`;
}

export const CHECK_CONTEXTS_PAGE_QUERY = headCommitPageQuery(
  "HeadCommitCheckContextsPage",
  (page) => `statusCheckRollup { contexts${page} nodes { ${CHECK_CONTEXT} } } }`,
);
export const ASSOCIATED_PULL_REQUESTS_PAGE_QUERY = headCommitPageQuery(
  "HeadCommitPullRequestsPage",
  (page) => `associatedPullRequests${page} nodes { ${ASSOCIATED_PULL_REQUEST} } }`,
);

/** Every document the adapter sends, for schema validation. */
export const GRAPHQL_DOCUMENTS = {
  PullRequestFacts: PULL_REQUEST_FACTS_QUERY,
  PullRequestCommitsPage: COMMITS_PAGE_QUERY,
  PullRequestFilesPage: FILES_PAGE_QUERY,
  PullRequestReviewsPage: REVIEWS_PAGE_QUERY,
  PullRequestLabelsPage: LABELS_PAGE_QUERY,
  PullRequestReviewRequestsPage: REVIEW_REQUESTS_PAGE_QUERY,
  PullRequestLabelEventsPage: LABEL_EVENTS_PAGE_QUERY,
  PullRequestForcePushesPage: FORCE_PUSHES_PAGE_QUERY,
  HeadCommitCheckContextsPage: CHECK_CONTEXTS_PAGE_QUERY,
  HeadCommitPullRequestsPage: ASSOCIATED_PULL_REQUESTS_PAGE_QUERY,
} as const;

// ---- Response shapes (what the documents above select; nullability as in the schema) ----

export interface GqlActor {
  __typename: string;
  login: string;
  databaseId?: number | null;
}

export interface GqlBlob {
  oid: string;
  text: string | null;
  byteSize: number;
  isTruncated: boolean;
  isBinary: boolean | null;
}

/** `TreeEntry.object` is any git object; only a Blob carries the selected fields. */
export type GqlTreeObject = GqlBlob | Record<string, never> | null;

export interface GqlGitActor {
  name: string | null;
  email: string | null;
  user: { login: string; databaseId: number | null } | null;
}

export interface GqlCommit {
  oid: string;
  message: string;
  parents: { totalCount: number };
  author: GqlGitActor | null;
  committer: GqlGitActor | null;
  /** The git author first, then the Co-authored-by identities GitHub resolved (absent in old fixtures). */
  authors?: { nodes: (GqlGitActor | null)[] | null } | null;
  signature: { isValid: boolean } | null;
}

export interface GqlChangedFile {
  path: string;
  additions: number;
  deletions: number;
  changeType: "ADDED" | "DELETED" | "RENAMED" | "COPIED" | "MODIFIED" | "CHANGED";
}

export interface GqlReview {
  id: string;
  state: "PENDING" | "COMMENTED" | "APPROVED" | "CHANGES_REQUESTED" | "DISMISSED";
  submittedAt: string | null;
  authorCanPushToRepository: boolean;
  commit: { oid: string } | null;
  author: GqlActor | null;
}

export interface GqlPageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface GqlConnection<T> {
  totalCount?: number;
  pageInfo: GqlPageInfo;
  nodes: (T | null)[] | null;
}

export interface GqlPreviousPageInfo {
  hasPreviousPage: boolean;
  startCursor: string | null;
}

/** A timeline read newest first; `pageInfo` absent in old fixtures (= nothing earlier). */
export interface GqlTimeline<T> {
  pageInfo?: GqlPreviousPageInfo;
  nodes: (T | null)[] | null;
}

export interface GqlLabeledEvent {
  createdAt?: string;
  label?: { name: string };
  actor?: GqlActor | null;
}

export interface GqlForcePushedEvent {
  actor?: GqlActor | null;
}

export interface GqlReviewRequest {
  requestedReviewer: GqlRequestedReviewer | Record<string, never> | null;
}

/** `pageInfo` absent in old fixtures (= the first page was all). */
export type GqlFirstPage<T> = Omit<GqlConnection<T>, "pageInfo"> & { pageInfo?: GqlPageInfo };

export type GqlCheckContext =
  | { __typename: "CheckRun"; name: string; status: string; conclusion: string | null }
  | { __typename: "StatusContext"; context: string; state: string };

/** This app's run on the head commit, as the facts query sees it (enum values upper-case). */
export interface GqlOwnCheckRun {
  databaseId: number | null;
  status: string;
  conclusion: string | null;
}

export type GqlRequestedReviewer =
  | { __typename: "User" | "Bot" | "Mannequin"; login: string }
  | { __typename: "Team"; slug: string; organization: { login: string } };

export interface GqlAssociatedPullRequest {
  number: number;
  state: "OPEN" | "CLOSED" | "MERGED";
  headRefOid: string;
  repository: { nameWithOwner: string };
}

export interface GqlPullRequest {
  number: number;
  title: string;
  body: string;
  isDraft: boolean;
  state: "OPEN" | "CLOSED" | "MERGED";
  baseRefName: string;
  headRefName: string;
  headRefOid: string;
  /** How many files the PR changes; GitHub counts them all, even beyond the 3 000 it lists (absent in old fixtures). */
  changedFiles?: number;
  author: GqlActor | null;
  baseRef: { target: { oid?: string; policy?: { object: GqlTreeObject } | null } | null } | null;
  headCommit: {
    nodes: ({
      commit: {
        oid: string;
        policy: { object: GqlTreeObject } | null;
        statusCheckRollup: { contexts: GqlFirstPage<GqlCheckContext> } | null;
        /** Open PRs whose head is this same commit share its check run; optional so older fixtures stay valid. */
        associatedPullRequests?: (GqlFirstPage<GqlAssociatedPullRequest> & { totalCount: number }) | null;
        /** Selected only when the app id is known; absent = unknown. */
        ownCheckSuites?: {
          nodes: ({ checkRuns: { nodes: (GqlOwnCheckRun | null)[] | null } | null } | null)[] | null;
        } | null;
      };
    } | null)[] | null;
  };
  /** `totalCount` absent in old fixtures. */
  labels: GqlFirstPage<{ name: string }> | null;
  labelEvents: GqlTimeline<GqlLabeledEvent>;
  /** Who force-pushed the head branch (absent in old fixtures). */
  forcePushes?: GqlTimeline<GqlForcePushedEvent> | null;
  commits: GqlConnection<{ commit: GqlCommit }>;
  files: GqlConnection<GqlChangedFile> | null;
  reviews: GqlConnection<GqlReview> | null;
  reviewRequests: GqlFirstPage<GqlReviewRequest> | null;
}

export interface PullRequestFactsResponse {
  repository: {
    defaultBranchRef: { name: string } | null;
    pullRequest: GqlPullRequest | null;
  } | null;
  orgDefaults: { object: GqlTreeObject } | null;
}

export interface PageResponse<T> {
  repository: { pullRequest: Record<string, GqlConnection<T>> | null } | null;
}

export interface EarlierEventsResponse<T> {
  repository: { pullRequest: Record<string, GqlTimeline<T>> | null } | null;
}

export interface HeadCommitPageResponse {
  repository: {
    object: {
      statusCheckRollup?: { contexts: GqlConnection<GqlCheckContext> } | null;
      associatedPullRequests?: GqlConnection<GqlAssociatedPullRequest>;
    } | null;
  } | null;
}

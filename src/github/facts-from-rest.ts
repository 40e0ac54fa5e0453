/**
 * A merged pull request as the REST API lists it, turned into what detection reads (pure).
 * The backfill pages through REST, not the app's GraphQL facts query: it needs only the
 * author, labels, head branch, commits and reviewers of each merged pull request. Accounts
 * are normalised as the GraphQL facts are (actor.ts).
 */
import { accountActor } from "./actor.js";
import type { CommitFacts, GitIdentity, PullRequestFacts, ReviewFacts, ReviewState } from "../facts.js";

export interface RestAccount {
  login: string;
  id?: number;
  type?: string;
}

/** The fields of `GET /repos/{owner}/{repo}/pulls` items the backfill uses. */
export interface RestPullRequest {
  number: number;
  title: string;
  body: string | null;
  merged_at: string | null;
  updated_at: string;
  merge_commit_sha: string | null;
  user: RestAccount | null;
  labels: Array<{ name?: string }>;
  head: { ref: string; sha: string };
}

/** The fields of `GET /repos/{owner}/{repo}/pulls/{n}/commits` and `/commits` items. */
export interface RestCommit {
  sha: string;
  commit: {
    message: string;
    author: { name?: string; email?: string; date?: string } | null;
    committer: { name?: string; email?: string; date?: string } | null;
  };
  author: RestAccount | null;
  committer: RestAccount | null;
  parents: Array<{ sha: string }>;
}

/** The fields of `GET /repos/{owner}/{repo}/pulls/{n}/reviews` items the backfill uses. */
export interface RestReview {
  id: number;
  user: RestAccount | null;
  state: string;
  commit_id: string | null;
  submitted_at?: string | null;
}

export type DetectionInput = Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef">;

function identity(git: { name?: string; email?: string } | null, user: RestAccount | null): GitIdentity {
  return { name: git?.name ?? "", email: git?.email ?? "", user: user ? accountActor(user) : null };
}

export function commitFacts(commit: RestCommit): CommitFacts {
  return {
    sha: commit.sha,
    message: commit.commit.message,
    author: identity(commit.commit.author, commit.author),
    committer: identity(commit.commit.committer, commit.committer),
    parentCount: commit.parents.length,
  };
}

const REVIEW_STATES = new Set<string>(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]);

export function reviewFacts(review: RestReview): ReviewFacts {
  return {
    id: String(review.id),
    author: accountActor(review.user),
    state: (REVIEW_STATES.has(review.state) ? review.state : "COMMENTED") as ReviewState,
    commitId: review.commit_id,
    submittedAt: review.submitted_at ?? "",
  };
}

/** Reviews count as the app counts them: an agent that reviewed the pull request is a signal. Labels have no known applier here. */
export function detectionInput(pull: RestPullRequest, commits: readonly RestCommit[], reviews: readonly RestReview[]): DetectionInput {
  return {
    author: accountActor(pull.user),
    commits: commits.map(commitFacts),
    reviews: reviews.map(reviewFacts),
    labels: pull.labels.filter((label) => typeof label.name === "string").map((label) => ({ name: label.name!, appliedBy: null })),
    headRef: pull.head.ref,
  };
}

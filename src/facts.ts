/**
 * Everything the engine may know about one pull request at one head commit, gathered once
 * by an adapter (GitHub GraphQL, local git, the simulator) and then never fetched again.
 * Plain immutable data: no methods, no I/O. Logins are normalised (see `normalizeLogin`):
 * lower-case, without the REST `[bot]` suffix; `isBot` keeps what the suffix said.
 */
import type { Permission } from "./config/schema-parts.js";
import type { PolicyBlob } from "./config/source.js";

export interface Actor {
  /** Normalised login: lower case, no "[bot]" suffix. */
  login: string;
  /** GitHub database id when known (robust against renames and display names). */
  id?: number;
  isBot: boolean;
}

export interface GitIdentity {
  name: string;
  email: string;
  /** The GitHub account the e-mail maps to, when GitHub resolved it. */
  user: Actor | null;
}

export interface CommitFacts {
  sha: string;
  /** Exact message bytes (CRLF kept). */
  message: string;
  author: GitIdentity;
  committer: GitIdentity;
  /** Co-authored-by identities as GitHub resolved them to accounts (GraphQL `Commit.authors`
   * after the git author); absent where nobody resolved them (local git). */
  coAuthors?: GitIdentity[];
  parentCount: number;
  verified?: boolean;
}

export interface ChangedFile {
  path: string;
  /** Old path of a rename. */
  previousPath?: string;
  additions: number;
  deletions: number;
  changeType?: "ADDED" | "DELETED" | "MODIFIED" | "RENAMED" | "COPIED" | "CHANGED";
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface ReviewFacts {
  id: string;
  author: Actor;
  state: ReviewState;
  /** The commit the review was given on. */
  commitId: string | null;
  /** ISO timestamp; reviews are ordered by it. */
  submittedAt: string;
}

export interface LabelFacts {
  name: string;
  /** Who applied it last (from the timeline); null when unknown. */
  appliedBy: Actor | null;
}

export interface CheckFacts {
  name: string;
  kind: "check_run" | "status";
  /** Normalised: "pending" until finished. */
  status: "pending" | "completed";
  /** For completed: success | neutral | skipped | failure | cancelled | timed_out | action_required | stale | error. */
  conclusion: string | null;
}

/** Answers to the only lazy questions (team membership, repository permission), resolved by
 * the adapter before evaluation so that the engine stays synchronous and pure. */
export interface DirectorySnapshot {
  /** Key: "org/slug" lower case. Value: member logins (normalised). Missing key = unknown team. */
  teams: Record<string, string[]>;
  /** Key: normalised login. Missing = "none". */
  permissions: Record<string, RepositoryPermission>;
}

/** What a user may do in a repository; "none" when they are not a collaborator at all. */
export type RepositoryPermission = Permission | "none";

export interface PullRequestFacts {
  owner: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  author: Actor;
  draft: boolean;
  state: "OPEN" | "CLOSED" | "MERGED";
  baseRef: string;
  headRef: string;
  headSha: string;
  /** Default branch of the repository (merge queue, policy re-evaluation). */
  defaultBranch: string;
  labels: LabelFacts[];
  /**
   * Who pushed this PR's heads, each once: the sender of `synchronize` webhooks and the actors
   * of the timeline's force pushes, remembered per PR in the ledger (a review's webhook names no
   * pusher, and must not make an agent's push forgotten). Normalised like every Actor. Absent or
   * empty = not known (local git; a PR nobody has pushed to since it was opened).
   */
  pushers?: Actor[];
  commits: CommitFacts[];
  files: ChangedFile[];
  /**
   * How many commits, changed files and labels GitHub says the PR has (GraphQL
   * `commits.totalCount`, `changedFiles` and `files.totalCount`, the largest of them;
   * `labels.totalCount`), to compare with `commits`, `files` and `labels` (a label that
   * declares AI help may be the 101st): GitHub stops listing at 3 000 files (250 commits over REST) and a paged read can end
   * early. When a list is shorter than its total, part of the PR was never judged and it cannot
   * pass. Absent where the reader has the whole history itself (local git).
   */
  totals?: { commits: number; files: number; labels?: number };
  reviews: ReviewFacts[];
  /** Check runs and statuses on the head commit, excluding this app's own check. */
  checks: CheckFacts[];
  /** Users/teams whose review is already requested (so requests are not repeated). */
  requestedReviewers: { users: string[]; teams: string[] };
  /** Governance files the PR changes, with their new content (null = deleted). */
  policyChanges: { path: string; blob: PolicyBlob | null }[];
  directory: DirectorySnapshot;
}

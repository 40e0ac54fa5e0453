/**
 * The simulator's in-memory GitHub state: plain records, keyed the way GitHub keys them.
 * REST and GraphQL are two renderings of these records; webhooks are a third.
 */

export type RepoPermission = "none" | "read" | "triage" | "write" | "maintain" | "admin";
export const PERMISSION_RANK: Record<RepoPermission, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

export type AccountType = "User" | "Bot" | "Organization";

export interface AccountRecord {
  id: number;
  /** REST login: bots keep their "[bot]" suffix here; GraphQL drops it. */
  login: string;
  type: AccountType;
  nodeId: string;
  name: string | null;
  /** E-mails GitHub maps to this account (commit author → user). */
  emails: string[];
  siteAdmin: boolean;
  createdAt: string;
}

export interface OrgRecord {
  login: string;
  /** Member login (lower case) → role. */
  members: Map<string, "member" | "admin">;
  /** Permission every member has on every repository of the organisation. */
  basePermission: RepoPermission;
}

export interface TeamRecord {
  id: number;
  nodeId: string;
  org: string;
  slug: string;
  name: string;
  description: string | null;
  privacy: "closed" | "secret";
  /** Member login (lower case) → role. */
  members: Map<string, "member" | "maintainer">;
  /** Repository full name (lower case) → permission the team grants. */
  repoPermissions: Map<string, RepoPermission>;
  createdAt: string;
}

export interface GitPerson {
  name: string;
  email: string;
  date: string;
  /** The account GitHub links this identity to, when the scenario says so. */
  login?: string;
}

export type FileStatus = "added" | "removed" | "modified" | "renamed";

export interface DiffEntryRecord {
  path: string;
  previousPath?: string;
  status: FileStatus;
  additions: number;
  deletions: number;
  patch?: string;
}

export interface CommitRecord {
  sha: string;
  treeSha: string;
  message: string;
  author: GitPerson;
  committer: GitPerson;
  parents: string[];
  /** What this commit changed relative to its first parent: path → new text (null = deleted). */
  changes: Map<string, string | null>;
  /** The diff shown for this commit (REST /commits/{sha} files, PR files). */
  files: DiffEntryRecord[];
  /** null = unsigned; true/false = signature present and (in)valid. */
  verified: boolean | null;
}

export interface LabelRecord {
  id: number;
  nodeId: string;
  name: string;
  color: string;
  description: string | null;
  isDefault: boolean;
}

export type ReviewState = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";

export interface ReviewRecord {
  id: number;
  nodeId: string;
  user: string;
  state: ReviewState;
  body: string;
  commitId: string;
  submittedAt: string;
}

export type TimelineEventType =
  | "LabeledEvent"
  | "UnlabeledEvent"
  | "ReviewRequestedEvent"
  | "ReviewRequestRemovedEvent"
  | "ReadyForReviewEvent"
  | "ConvertToDraftEvent"
  | "HeadRefForcePushedEvent"
  | "BaseRefChangedEvent"
  | "ClosedEvent"
  | "ReopenedEvent"
  | "MergedEvent"
  | "ReviewDismissedEvent";

export interface TimelineEventRecord {
  id: number;
  type: TimelineEventType;
  actor: string | null;
  createdAt: string;
  label?: string;
  requestedReviewer?: { user?: string; team?: string };
  beforeSha?: string;
  afterSha?: string;
  reviewId?: number;
}

export interface PullRecord {
  id: number;
  nodeId: string;
  repo: string;
  number: number;
  title: string;
  body: string;
  author: string;
  state: "open" | "closed";
  draft: boolean;
  locked: boolean;
  baseRef: string;
  headRef: string;
  /** Commit shas of the pull request, oldest first; the last one is the head. */
  commits: string[];
  labels: string[];
  requestedUsers: string[];
  requestedTeams: string[];
  reviews: ReviewRecord[];
  timeline: TimelineEventRecord[];
  merged: boolean;
  mergedAt: string | null;
  mergedBy: string | null;
  mergeCommitSha: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type CheckStatus = "queued" | "in_progress" | "completed" | "waiting" | "requested" | "pending";

export interface CheckAnnotationRecord {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: string;
  message: string;
  title?: string;
  raw_details?: string;
  start_column?: number;
  end_column?: number;
}

export interface CheckRunRecord {
  id: number;
  nodeId: string;
  repo: string;
  headSha: string;
  name: string;
  status: CheckStatus;
  conclusion: string | null;
  startedAt: string;
  completedAt: string | null;
  detailsUrl: string | null;
  externalId: string | null;
  output: { title: string | null; summary: string | null; text: string | null; annotations: CheckAnnotationRecord[] };
  actions: { label: string; description: string; identifier: string }[];
  appId: number;
  suiteId: number;
}

export interface CheckSuiteRecord {
  id: number;
  nodeId: string;
  repo: string;
  headSha: string;
  headBranch: string | null;
  appId: number;
  createdAt: string;
  updatedAt: string;
}

export interface StatusRecord {
  id: number;
  nodeId: string;
  repo: string;
  sha: string;
  context: string;
  state: "error" | "failure" | "pending" | "success";
  description: string | null;
  targetUrl: string | null;
  creator: string;
  createdAt: string;
  updatedAt: string;
}

export interface RulesetRecord {
  id: number;
  nodeId: string;
  repo: string;
  name: string;
  target: string;
  enforcement: string;
  bypassActors: unknown[];
  conditions: unknown;
  rules: unknown[];
  createdAt: string;
  updatedAt: string;
}

export interface PushRecord {
  ref: string;
  before: string;
  after: string;
  forced: boolean;
  pusher: string;
  at: string;
}

export interface RepoRecord {
  id: number;
  nodeId: string;
  owner: string;
  name: string;
  fullName: string;
  private: boolean;
  description: string | null;
  defaultBranch: string;
  branches: Map<string, string>;
  commits: Map<string, CommitRecord>;
  pulls: Map<number, PullRecord>;
  /** Next issue/PR number. */
  nextNumber: number;
  labels: Map<string, LabelRecord>;
  /** Login (lower case) → direct collaborator permission. */
  permissions: Map<string, RepoPermission>;
  checkRuns: Map<number, CheckRunRecord>;
  checkSuites: Map<number, CheckSuiteRecord>;
  statuses: StatusRecord[];
  rulesets: Map<number, RulesetRecord>;
  pushes: PushRecord[];
  createdAt: string;
  updatedAt: string;
  pushedAt: string;
}

export interface AppRecord {
  id: number;
  slug: string;
  name: string;
  owner: string;
  nodeId: string;
  permissions: Record<string, string>;
  events: string[];
  createdAt: string;
}

export interface InstallationRecord {
  id: number;
  appId: number;
  account: string;
  repositorySelection: "all" | "selected";
  /** Full names (lower case) when the selection is "selected". */
  repositories: Set<string>;
  permissions: Record<string, string>;
  events: string[];
  createdAt: string;
  suspendedAt: string | null;
}

export interface MergeGroupRecord {
  repo: string;
  headRef: string;
  headSha: string;
  baseRef: string;
  baseSha: string;
  pulls: number[];
}

/** One request as the app made it, for tests and benchmarks to count and inspect. */
export interface RecordedRequest {
  seq: number;
  method: string;
  /** URL path without the query string, e.g. /api/v3/repos/o/r/check-runs. */
  path: string;
  /** The route template that served it (OpenAPI form, e.g. /repos/{owner}/{repo}/check-runs; "/graphql"), or null for 404. */
  route: string | null;
  query: Record<string, string>;
  status: number;
  /** GraphQL operation name, when the request was a named GraphQL operation. */
  operationName?: string;
  /** Parsed JSON request body (GraphQL: {query, variables}). */
  body?: unknown;
  auth: "jwt" | "installation" | "token" | "none";
  installationId?: number;
  /** Which injected fault answered, if any. */
  fault?: "fail" | "secondary-rate-limit" | "delay";
  durationMs: number;
  at: string;
}

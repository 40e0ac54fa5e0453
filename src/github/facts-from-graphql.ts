/**
 * The GraphQL answer turned into `PullRequestFacts` (pure: no I/O). Logins go through
 * `accountActor` (actor.ts), so "copilot-swe-agent[bot]" from REST and `Bot copilot-swe-agent` from
 * GraphQL are the same actor.
 */
import { POLICY_FILE, type PolicyBlob } from "../config/policy.js";
import { accountActor } from "./actor.js";
import type {
  Actor,
  ChangedFile,
  CheckFacts,
  CommitFacts,
  GitIdentity,
  LabelFacts,
  PullRequestFacts,
  ReviewFacts,
} from "../facts.js";
import { CHECK_NAME } from "./check-name.js";
import type {
  GqlActor,
  GqlAssociatedPullRequest,
  GqlChangedFile,
  GqlCheckContext,
  GqlCommit,
  GqlForcePushedEvent,
  GqlGitActor,
  GqlLabeledEvent,
  GqlOwnCheckRun,
  GqlPullRequest,
  GqlRequestedReviewer,
  GqlReview,
  GqlReviewRequest,
  GqlTreeObject,
} from "./facts-query.js";

export interface PolicyBlobs {
  /** `.agent-governance.yml` at the tip of the base branch. */
  repository: PolicyBlob | null;
  /** `.agent-governance.yml` on the default branch of the owner's `.github` repository. */
  organization: PolicyBlob | null;
}

/** Everything one query (plus its pages) read, before directory questions are answered. */
export interface GatheredPullRequest {
  /** `directory` is empty here; the pipeline fills it (`answerDirectoryQuestions`). */
  facts: PullRequestFacts;
  policyBlobs: PolicyBlobs;
  /** Normalised reviewer login → GitHub's `authorCanPushToRepository` (write or more). */
  reviewerCanPush: Record<string, boolean>;
  /** GitHub requests made to gather this (1 unless something needed paging). */
  requests: number;
  /**
   * Other open pull requests of this repository whose head is this PR's head commit: they
   * share its check run, which shows the strictest of their results. Ascending.
   */
  siblingPullRequests?: number[];
  /**
   * This app's `agent-governance` run on `facts.headSha` as the same read saw it: null = there
   * is none, undefined = not asked (no app id) or the head moved between the two fields.
   */
  ownCheckRun?: OwnCheckRun | null;
}

export interface OwnCheckRun {
  id: number;
  /** Lower-case, as REST spells it: "queued", "in_progress", "completed", … */
  status: string;
  conclusion: string | null;
}

/** Every list the facts query began, read to its end (or as far as `gather-facts` needed). */
export interface GraphqlPages {
  commits: GqlCommit[];
  files: GqlChangedFile[];
  reviews: GqlReview[];
  labels: { name: string }[];
  /** Chronological: earlier pages first. */
  labelEvents: GqlLabeledEvent[];
  forcePushes: GqlForcePushedEvent[];
  reviewRequests: GqlReviewRequest[];
  /** Of the head commit the facts query read. */
  checkContexts: GqlCheckContext[];
  /** Of the head commit the facts query read; undefined = not in the answer (old fixtures). */
  associatedPullRequests?: GqlAssociatedPullRequest[];
}

function actor(node: GqlActor | null | undefined): Actor {
  return accountActor(node && { login: node.login, id: node.databaseId, type: node.__typename });
}

function gitIdentity(node: GqlGitActor | null): GitIdentity {
  return {
    name: node?.name ?? "",
    email: node?.email ?? "",
    // GitActor.user is typed User: GitHub never resolves a commit e-mail to a Bot here.
    user: node?.user ? accountActor({ login: node.user.login, id: node.user.databaseId, type: "User" }) : null,
  };
}

function commitFacts(node: GqlCommit): CommitFacts {
  // `authors` lists the git author first; the rest are the Co-authored-by identities.
  const coAuthors = (node.authors?.nodes ?? []).slice(1).filter((actor): actor is GqlGitActor => actor !== null);
  return {
    sha: node.oid,
    message: node.message,
    author: gitIdentity(node.author),
    committer: gitIdentity(node.committer),
    ...(coAuthors.length > 0 ? { coAuthors: coAuthors.map(gitIdentity) } : {}),
    parentCount: node.parents.totalCount,
    verified: node.signature?.isValid ?? false,
  };
}

/** GraphQL has no previous path for renames, so `previousPath` stays undefined. */
function changedFile(node: GqlChangedFile): ChangedFile {
  return { path: node.path, additions: node.additions, deletions: node.deletions, changeType: node.changeType };
}

/** PENDING reviews have no submission time and never count: they are dropped. */
function reviewFacts(nodes: GqlReview[]): ReviewFacts[] {
  return nodes
    .filter((node) => node.submittedAt !== null && node.state !== "PENDING")
    .map((node) => ({
      id: node.id,
      author: actor(node.author),
      state: node.state,
      commitId: node.commit?.oid ?? null,
      submittedAt: node.submittedAt as string,
    }))
    .sort((a, b) => (a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0));
}

/** Each login once, in the order first seen. */
export function distinctActors(actors: readonly Actor[]): Actor[] {
  const seen = new Map<string, Actor>();
  for (const one of actors) if (!seen.has(one.login)) seen.set(one.login, one);
  return [...seen.values()];
}

/** Lower-cased label name → who applied it last (null: an account GitHub no longer names). */
export function labelAppliers(events: readonly GqlLabeledEvent[]): Map<string, Actor | null> {
  // Timeline is chronological: the last LabeledEvent for a name is who applied it last.
  const appliedBy = new Map<string, Actor | null>();
  for (const event of events) {
    if (!event.label) continue;
    appliedBy.set(event.label.name.toLowerCase(), event.actor ? actor(event.actor) : null);
  }
  return appliedBy;
}

function labelFacts(labels: readonly { name: string }[], events: readonly GqlLabeledEvent[]): LabelFacts[] {
  const appliedBy = labelAppliers(events);
  return labels.map((node) => ({ name: node.name, appliedBy: appliedBy.get(node.name.toLowerCase()) ?? null }));
}

function checkFacts(context: GqlCheckContext): CheckFacts | null {
  if (context.__typename === "CheckRun") {
    // Our own check must never gate itself (required_checks: [agent-governance] would deadlock).
    if (context.name === CHECK_NAME) return null;
    const completed = context.status === "COMPLETED";
    return {
      name: context.name,
      kind: "check_run",
      status: completed ? "completed" : "pending",
      conclusion: completed ? (context.conclusion ?? "failure").toLowerCase() : null,
    };
  }
  const pending = context.state === "PENDING" || context.state === "EXPECTED";
  return {
    name: context.context,
    kind: "status",
    status: pending ? "pending" : "completed",
    conclusion: pending ? null : context.state.toLowerCase(),
  };
}

function requestedReviewers(requests: readonly GqlReviewRequest[]): PullRequestFacts["requestedReviewers"] {
  const users: string[] = [];
  const teams: string[] = [];
  for (const node of requests) {
    const reviewer = node.requestedReviewer as GqlRequestedReviewer | null | undefined;
    if (!reviewer || !("__typename" in reviewer)) continue;
    if (reviewer.__typename === "Team") {
      teams.push(`${reviewer.organization.login}/${reviewer.slug}`.toLowerCase());
    } else {
      users.push(accountActor({ login: reviewer.login, type: reviewer.__typename }).login);
    }
  }
  return { users, teams };
}

/** Open PRs of the same repository whose head is exactly this commit (a commit inside a
 * stacked PR is associated with it too, but is not its head). */
function siblingPullRequests(
  ref: { owner: string; repo: string },
  pr: GqlPullRequest,
  nodes: readonly GqlAssociatedPullRequest[] | undefined,
): number[] {
  const repository = `${ref.owner}/${ref.repo}`.toLowerCase();
  const numbers = (nodes ?? [])
    .filter(
      (node) =>
        node.number !== pr.number &&
        node.state === "OPEN" &&
        node.headRefOid === pr.headRefOid &&
        node.repository.nameWithOwner.toLowerCase() === repository,
    )
    .map((node) => node.number);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

/** A tree entry's object as a policy blob; null when absent or not a blob (a directory). */
export function policyBlob(object: GqlTreeObject | undefined, path: string): PolicyBlob | null {
  if (!object || !("oid" in object) || typeof object.byteSize !== "number") return null;
  const unreadable = object.isBinary === true || object.isTruncated;
  return { path, text: unreadable ? null : object.text, byteSize: object.byteSize, oid: object.oid };
}

function policyChanges(
  files: ChangedFile[],
  base: PolicyBlob | null,
  head: PolicyBlob | null,
): PullRequestFacts["policyChanges"] {
  const touched = files.find((file) => file.path === POLICY_FILE || file.previousPath === POLICY_FILE);
  if (touched) return [{ path: POLICY_FILE, blob: touched.changeType === "DELETED" ? null : head }];
  // GraphQL cannot name a rename's old path. A policy file on the base that the head lacks,
  // in a PR that renames something, may have been renamed away: treat it as deleted, which
  // asks for a policy admin rather than letting the policy silently disappear.
  const renames = files.some((file) => file.changeType === "RENAMED");
  if (renames && base !== null && head === null) return [{ path: POLICY_FILE, blob: null }];
  return [];
}

/** The newest of this app's runs (GitHub keeps older ones on a re-created run). */
function ownCheckRun(headCommit: GqlHeadCommit | null, headSha: string): OwnCheckRun | null | undefined {
  const suites = headCommit?.ownCheckSuites;
  if (!headCommit || suites === undefined || headCommit.oid !== headSha) return undefined;
  const runs = (suites?.nodes ?? [])
    .flatMap((suite) => suite?.checkRuns?.nodes ?? [])
    .filter((run): run is GqlOwnCheckRun & { databaseId: number } => run !== null && typeof run.databaseId === "number")
    .sort((a, b) => b.databaseId - a.databaseId);
  const newest = runs[0];
  if (!newest) return null;
  return { id: newest.databaseId, status: newest.status.toLowerCase(), conclusion: newest.conclusion?.toLowerCase() ?? null };
}

type GqlHeadCommit = NonNullable<NonNullable<GqlPullRequest["headCommit"]["nodes"]>[number]>["commit"];

export function factsFromGraphql(
  ref: { owner: string; repo: string },
  repository: { defaultBranchRef: { name: string } | null },
  pr: GqlPullRequest,
  pages: GraphqlPages,
  orgPolicy: GqlTreeObject | undefined,
): Omit<GatheredPullRequest, "requests"> {
  const headCommit = pr.headCommit.nodes?.[pr.headCommit.nodes.length - 1]?.commit ?? null;
  const repositoryBlob = policyBlob(pr.baseRef?.target?.policy?.object, POLICY_FILE);
  const headBlob = policyBlob(headCommit?.policy?.object, POLICY_FILE);
  const files = pages.files.map(changedFile);
  const checks = pages.checkContexts
    .filter((node) => "__typename" in node)
    .map(checkFacts)
    .filter((check): check is CheckFacts => check !== null);

  const reviewerCanPush: Record<string, boolean> = {};
  for (const review of pages.reviews) {
    if (review.author) reviewerCanPush[actor(review.author).login] = review.authorCanPushToRepository;
  }

  const facts: PullRequestFacts = {
    owner: ref.owner,
    repo: ref.repo,
    number: pr.number,
    title: pr.title,
    body: pr.body ?? "",
    author: actor(pr.author),
    draft: pr.isDraft,
    state: pr.state,
    baseRef: pr.baseRefName,
    headRef: pr.headRefName,
    // Always the PR's current head, whatever SHA the webhook carried.
    headSha: pr.headRefOid,
    defaultBranch: repository.defaultBranchRef?.name ?? pr.baseRefName,
    labels: labelFacts(pages.labels, pages.labelEvents),
    pushers: distinctActors(pages.forcePushes.flatMap((event) => (event.actor ? [actor(event.actor)] : []))),
    commits: pages.commits.map(commitFacts),
    files,
    totals: {
      commits: Math.max(pr.commits.totalCount ?? 0, pages.commits.length),
      files: Math.max(pr.changedFiles ?? 0, pr.files?.totalCount ?? 0, files.length),
      labels: Math.max(pr.labels?.totalCount ?? 0, pages.labels.length),
    },
    reviews: reviewFacts(pages.reviews),
    checks,
    requestedReviewers: requestedReviewers(pages.reviewRequests),
    policyChanges: policyChanges(files, repositoryBlob, headBlob),
    directory: { teams: {}, permissions: {} },
  };
  return {
    facts,
    // In the organisation's `.github` repository the base-branch file IS the organisation
    // default (it may say `enforce`): judge its pull requests by that file in that role, still
    // read from the base branch, never from the default branch's HEAD or the PR.
    policyBlobs:
      ref.repo.toLowerCase() === ".github"
        ? { repository: null, organization: repositoryBlob }
        : { repository: repositoryBlob, organization: policyBlob(orgPolicy, `${ref.owner}/.github:${POLICY_FILE}`) },
    reviewerCanPush,
    siblingPullRequests: siblingPullRequests(ref, pr, pages.associatedPullRequests),
    ownCheckRun: ownCheckRun(headCommit, pr.headRefOid),
  };
}

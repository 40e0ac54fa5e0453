/**
 * Which work a webhook leaves behind. Pure: event name and payload in, jobs out (or the reason
 * it leaves none), so every event's routing is tested with tables, without Probot or a network.
 * The wiring (app.ts) only queues what this returns.
 */
import { POLICY_FILE } from "../config/policy.js";
import { normalizeActor } from "../detect/login.js";
import { RE_EVALUATE_ACTION } from "../github/check-run-writer.js";
import { pullRequestFromQueueBranch } from "../github/merge-queue.js";
import type { Job, RepositoryRef } from "../pipeline/jobs.js";
import { targetFromPullRequest, targetsFromCheckPayload, type PullRequestTarget } from "./targets.js";

/** A team's roster or an organisation's membership changed: cached answers about it are stale. */
export interface DirectoryChange {
  type: "directory-changed";
  org: string;
  team?: string;
}

export type RoutedWork = Job | DirectoryChange;

export type Route = RoutedWork[] | { ignored: string };

export interface RouteContext {
  /** This app's id: its own check suite completing is its own output, not an input. */
  appId?: number;
  /** Whether merges and pushes are recorded (a ledger is configured). */
  recordsHistory: boolean;
  /** Labels this app itself just added or removed on a pull request (their echoes are ignored). */
  ownLabelChanges: OwnLabelChanges;
}

export interface OwnLabelChanges {
  has(pullRequest: Pick<PullRequestTarget, "owner" | "repo" | "number">, label: string): boolean;
}

/** Every event the app subscribes to, as Probot names them (`event` or `event.action`). */
export const ROUTED_EVENTS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.edited",
  "pull_request.closed",
  "pull_request_review.submitted",
  "pull_request_review.edited",
  "pull_request_review.dismissed",
  "check_run.rerequested",
  "check_run.requested_action",
  "check_suite.rerequested",
  "check_suite.completed",
  "status",
  "push",
  "installation.created",
  "installation_repositories.added",
  "merge_group.checks_requested",
  "merge_group.destroyed",
  "membership",
  "team",
] as const;

// The payloads as far as routing reads them (GitHub sends much more).
interface Repository {
  id?: number;
  name: string;
  full_name?: string;
  default_branch?: string;
  owner: { login: string };
}
interface ListedPullRequest {
  number: number;
  head?: { sha?: string };
  base?: { repo?: { id?: number; url?: string; name?: string } | null };
}
interface Payload {
  action?: string;
  installation?: { id?: number };
  repository?: Repository;
  sender?: { type?: string; login?: string; id?: number };
  label?: { name?: string };
  changes?: { base?: unknown };
  pull_request?: ListedPullRequest & {
    commits?: number;
    changed_files?: number;
    merged?: boolean | null;
    merge_commit_sha?: string | null;
    merged_at?: string | null;
    title?: string;
    body?: string | null;
  };
  requested_action?: { identifier?: string } | null;
  check_run?: { head_sha: string; pull_requests?: ListedPullRequest[] };
  check_suite?: { head_sha: string; head_branch?: string | null; app?: { id?: number } | null; pull_requests?: ListedPullRequest[] };
  sha?: string;
  ref?: string;
  before?: string;
  after?: string;
  commits?: Array<{ id: string; message: string; timestamp: string; added?: string[]; modified?: string[]; removed?: string[] }>;
  repositories?: Array<{ full_name: string }>;
  repositories_added?: Array<{ full_name: string }>;
  merge_group?: { head_sha: string; head_ref: string; base_ref: string };
  organization?: { login?: string };
  team?: { slug?: string };
}

type Handler = (payload: Payload, installationId: number, context: RouteContext) => Route;

const evaluateNamedPullRequest: Handler = (payload, installationId) => [
  { type: "evaluate", target: targetFromPullRequest(installationId, payload.repository!, payload.pull_request!) },
];

const HANDLERS: Record<string, Handler> = {
  "pull_request.opened": evaluateNamedPullRequest,
  "pull_request.reopened": evaluateNamedPullRequest,
  "pull_request.synchronize": pushed,
  "pull_request.ready_for_review": evaluateNamedPullRequest,
  "pull_request.converted_to_draft": evaluateNamedPullRequest,
  "pull_request.labeled": labelChanged,
  "pull_request.unlabeled": labelChanged,
  "pull_request.edited": (payload, installationId, context) =>
    // Only a base-branch change alters the evaluation (the policy is read from the base).
    payload.changes?.base ? evaluateNamedPullRequest(payload, installationId, context) : { ignored: "the base branch did not change" },
  "pull_request.closed": pullRequestClosed,
  "pull_request_review.submitted": evaluateNamedPullRequest,
  "pull_request_review.edited": evaluateNamedPullRequest,
  "pull_request_review.dismissed": evaluateNamedPullRequest,
  "check_run.rerequested": checkRun,
  "check_run.requested_action": (payload, installationId) =>
    payload.requested_action?.identifier === RE_EVALUATE_ACTION.identifier
      ? checkRun(payload, installationId)
      : { ignored: "not the Re-evaluate button" },
  "check_suite.rerequested": checkSuite,
  "check_suite.completed": checkSuite,
  status: (payload, installationId) => [pullsForCommit(installationId, payload.repository!, payload.sha!)],
  push,
  "installation.created": installed,
  "installation_repositories.added": installed,
  "merge_group.checks_requested": mergeGroup,
  // A group leaving the queue (merged, failed, dequeued): its check run is history.
  "merge_group.destroyed": () => ({ ignored: "a merge group leaving the queue needs no check" }),
};

/** Events that need no installation: they only change what this process remembers. */
const DIRECTORY_EVENTS = new Set(["membership", "team"]);

export function routeEvent(eventName: string, payload: unknown, context: RouteContext): Route {
  const body = (payload ?? {}) as Payload;
  if (DIRECTORY_EVENTS.has(eventName)) {
    const org = body.organization?.login;
    if (!org) return { ignored: "no organisation named" };
    return [{ type: "directory-changed", org, team: body.team?.slug }];
  }
  const handler = HANDLERS[body.action ? `${eventName}.${body.action}` : eventName] ?? HANDLERS[eventName];
  if (!handler) return { ignored: "not an event the app acts on" };
  const installationId = body.installation?.id;
  if (typeof installationId !== "number") return { ignored: "not sent to an installation" };
  return handler(body, installationId, context);
}

/** A push to the PR: who pushed is a signal, remembered for the PR (a later event names no pusher).
 * The head it left may still be another open PR's: that PR is evaluated again. */
function pushed(payload: Payload, installationId: number, context: RouteContext): Route {
  const sender = payload.sender;
  const target = targetFromPullRequest(installationId, payload.repository!, payload.pull_request!);
  const work: RoutedWork[] = [];
  if (!sender?.login) {
    work.push({ type: "evaluate", target });
  } else {
    const pushedBy = normalizeActor(sender.login, sender.id, sender.type);
    if (context.recordsHistory) work.push({ type: "record-pusher", target: { ...target, pushedBy }, pusher: pushedBy });
    work.push({ type: "evaluate", target: { ...target, pushedBy } });
  }
  if (payload.before && payload.before !== target.headSha) work.push(siblingsLeftOn(installationId, payload.repository!, payload.before, target.number));
  return work;
}

function labelChanged(payload: Payload, installationId: number, context: RouteContext): Route {
  const target = targetFromPullRequest(installationId, payload.repository!, payload.pull_request!);
  const name = payload.label?.name;
  if (payload.sender?.type === "Bot" && name && context.ownLabelChanges.has(target, name)) {
    return { ignored: "the echo of a label this app changed" };
  }
  return [{ type: "evaluate", target }];
}

/** A merge is recorded; merged or not, the head it closed on may still be another open PR's:
 * that PR is evaluated again. */
function pullRequestClosed(payload: Payload, installationId: number, context: RouteContext): Route {
  const pr = payload.pull_request!;
  const target = targetFromPullRequest(installationId, payload.repository!, pr);
  const work: RoutedWork[] = [];
  if (pr.merged && context.recordsHistory) {
    work.push({
      type: "record-merge",
      target,
      merged: {
        mergeCommitSha: pr.merge_commit_sha ?? null,
        mergedAt: new Date(pr.merged_at ?? Date.now()).toISOString(),
        title: pr.title ?? "",
        body: pr.body ?? "",
      },
    });
  }
  if (target.headSha) work.push(siblingsLeftOn(installationId, payload.repository!, target.headSha, target.number));
  if (work.length > 0) return work;
  return { ignored: "no merge to record and no head commit named" };
}

function checkRun(payload: Payload, installationId: number): Route {
  const { repository, check_run: run } = payload;
  const targets = targetsFromCheckPayload(installationId, repository!, run!.pull_requests);
  // GitHub lists no PR when the head is in a fork: find the PRs through the commit.
  if (targets.length === 0) return [pullsForCommit(installationId, repository!, run!.head_sha)];
  return targets.map((target) => ({ type: "evaluate", target }));
}

function checkSuite(payload: Payload, installationId: number, context: RouteContext): Route {
  const { repository, check_suite: suite } = payload;
  // Our own suite completing is our own output, not an input. A rerequest is always of our
  // own suite (GitHub sends it only to the suite's app): someone asked us to run again.
  if (payload.action === "completed" && context.appId !== undefined && suite!.app?.id === context.appId) {
    return { ignored: "this app's own check suite completed" };
  }
  const targets = targetsFromCheckPayload(installationId, repository!, suite!.pull_requests);
  if (targets.length > 0) return targets.map((target) => ({ type: "evaluate", target }));
  // An empty list is a fork's PR, or no PR at all. Suites completing on the default branch
  // or on a merge queue's branch are the common no-PR cases and would cost a lookup per
  // commit: skip those (a merge group is judged by its merge_group event).
  const headBranch = suite!.head_branch ?? "";
  if (payload.action === "completed" && headBranch === repository!.default_branch) {
    return { ignored: "a suite on the default branch concerns no pull request" };
  }
  if (payload.action === "completed" && pullRequestFromQueueBranch(headBranch) !== null) {
    return { ignored: "a suite on a merge queue branch is judged by its merge_group event" };
  }
  return [pullsForCommit(installationId, repository!, suite!.head_sha)];
}

function push(payload: Payload, installationId: number, context: RouteContext): Route {
  const repository = payload.repository!;
  if (payload.ref !== `refs/heads/${repository.default_branch}`) return { ignored: "not the default branch" };
  const repo: RepositoryRef = { owner: (repository.full_name ?? "").split("/")[0] || repository.owner.login, repo: repository.name };
  const commits = payload.commits ?? [];
  const work: RoutedWork[] = [];
  if (context.recordsHistory && commits.length) {
    work.push({
      type: "record-push",
      installationId,
      repository: repo,
      after: payload.after ?? "",
      commits: commits.map((c) => ({ id: c.id, message: c.message, timestamp: c.timestamp })),
    });
  }
  const touchesPolicy = commits.some((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(POLICY_FILE));
  if (touchesPolicy) {
    // An organisation default changed: every repository of the installation may be affected.
    work.push({
      type: "open-pull-requests",
      installationId,
      repositories: repo.repo === ".github" ? "installation" : [repo],
      reason: "policy-changed",
    });
  }
  return work;
}

function installed(payload: Payload, installationId: number): Route {
  const repositories = (payload.repositories_added ?? payload.repositories ?? []).map((r): RepositoryRef => {
    const [owner, repo] = r.full_name.split("/");
    return { owner, repo };
  });
  return repositories.map((r) => ({ type: "open-pull-requests", installationId, repositories: [r], reason: "installed" }));
}

/** The merge group's head commit gets one check run, success only if every PR in it passes. */
function mergeGroup(payload: Payload, installationId: number): Route {
  const { merge_group: group, repository } = payload;
  if (!repository || !group) return { ignored: "no repository named" };
  return [
    {
      type: "merge-group",
      group: {
        installationId,
        owner: repository.owner.login,
        repo: repository.name,
        headSha: group.head_sha,
        headRef: group.head_ref,
        baseRef: group.base_ref,
      },
    },
  ];
}

/** The open PRs whose head is `sha`. The lookup is queued too: the webhook is acknowledged
 * without waiting for GitHub. */
function pullsForCommit(installationId: number, repository: Repository, sha: string): Extract<Job, { type: "pulls-for-commit" }> {
  return { type: "pulls-for-commit", installationId, repository: { owner: repository.owner.login, repo: repository.name }, sha };
}

/**
 * The other open PRs whose head is `sha`, a head the pull request `leaving` just left (pushed
 * past it, or closed on it). They share the check run on `sha`, which the leaving PR's last
 * evaluation may have decided: it stays stale until they are evaluated again. `leaving` is
 * skipped even if GitHub still lists it there a moment longer. One REST read per event.
 */
function siblingsLeftOn(installationId: number, repository: Repository, sha: string, leaving: number): Job {
  return { ...pullsForCommit(installationId, repository, sha), except: leaving };
}

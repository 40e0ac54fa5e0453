/**
 * The autonomy ledger: what was merged with AI assistance, what was reverted, and
 * every decision the app took — the track record that tiers are computed from and the audit
 * trail of who approved which head SHA under which policy.
 *
 * One small interface, two SQL drivers (SQLite by default, PostgreSQL for several replicas).
 * Every `record*` is idempotent, because GitHub redelivers webhooks and replicas race.
 */
import type { PolicySource } from "../config/policy.js";
import type { Actor } from "../facts.js";

/** A repository. Owner and name are stored lower-case: GitHub treats them case-insensitively. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** A merged AI-assisted pull request. */
export interface MergeRecord extends RepoRef {
  pr: number;
  headSha: string;
  /** The commit the merge put on the base branch (merge, squash or last rebased commit). */
  mergeCommitSha: string | null;
  /** Catalogue ids or bot logins; each agent's track record counts this merge. */
  agents: string[];
  mergedAt: Date;
}

/** A merged AI-assisted pull request (`pr`) that a later commit or pull request reverted. */
export interface RevertRecord extends RepoRef {
  /** The reverted pull request: it must have been recorded with `recordMerge`. */
  pr: number;
  /** The commit that carries the revert on the default branch, when known. */
  revertCommitSha: string | null;
  /** The pull request that reverted it, when the revert came through one. */
  revertPr: number | null;
  revertedAt: Date;
}

export interface CountedApprover {
  rule: string;
  login: string;
  commitId: string | null;
}

/**
 * Conclusions, statuses and reasons are stored as the engine wrote them: the ledger keeps
 * records and does not interpret them, so old records stay readable when the engine grows.
 */
export interface IgnoredApprover extends CountedApprover {
  reason: string;
  detail: string;
}

/** One evaluation as the audit trail keeps it: who approved which SHA under which policy. */
export interface DecisionRecord extends RepoRef {
  pr: number;
  headSha: string;
  policy: PolicySource;
  conclusion: string;
  title: string;
  /** Lowest tier of the PR's agents when the decision was taken. */
  tier: string;
  agents: string[];
  rules: Array<{ name: string; status: string }>;
  gates: Array<{ name: string; status: string }>;
  counted: CountedApprover[];
  ignored: IgnoredApprover[];
  /** Present when the override label was on the PR, whether or not it was honoured. */
  override: { applied: boolean; by: string | null; detail: string } | null;
  at: Date;
}

/** An agent's merges in the window, how many of those were later reverted, and its latest revert ever. */
export interface TrackRecord {
  agent: string;
  merged: number;
  reverted: number;
  lastRevertAt: Date | null;
}

/** `repo` omitted = the whole organisation (`autonomy.scope: organization`). */
export interface LedgerScope {
  owner: string;
  repo?: string;
}

export interface DecisionQuery extends LedgerScope {
  pr?: number;
  since?: Date;
  /** Newest first; default 100. */
  limit?: number;
}

export interface Ledger {
  /** Which driver is behind it, for /healthz and the CLI. */
  readonly driver: "sqlite" | "postgres";
  /** false when this PR's merge was already recorded (a redelivered webhook). */
  recordMerge(merge: MergeRecord): Promise<boolean>;
  /** false when the PR is not a recorded merge, or its revert was already counted: a change counts as reverted once. */
  recordRevert(revert: RevertRecord): Promise<boolean>;
  /** false when an identical decision (same PR, head SHA, policy, outcome, approvers…) is already stored. */
  recordDecision(decision: DecisionRecord): Promise<boolean>;
  /** The merge whose merge commit or head commit is `sha` (full, or an unambiguous prefix of ≥ 7 hex digits). */
  findMergeByCommit(repo: RepoRef, sha: string): Promise<MergeRecord | null>;
  findMergeByPr(repo: RepoRef, pr: number): Promise<MergeRecord | null>;
  /** Per agent: merges at or after `since` in the scope and how many of them were reverted. */
  trackRecords(scope: LedgerScope, since: Date): Promise<TrackRecord[]>;
  /** Newest first. */
  decisions(query: DecisionQuery): Promise<DecisionRecord[]>;
  /** Remembers that `pusher` pushed a head of this pull request (idempotent). */
  recordPusher(repo: RepoRef, pr: number, pusher: Actor, at: Date): Promise<void>;
  /** Everyone who pushed a head of this pull request, in the order first seen. */
  pushersOf(repo: RepoRef, pr: number): Promise<Actor[]>;
  /** true when the store answers a trivial query. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

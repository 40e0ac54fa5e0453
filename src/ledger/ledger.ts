/**
 * The autonomy ledger (SPEC §5): what was merged with AI assistance, what was reverted, and
 * every decision the app took — the track record that tiers are computed from and the audit
 * trail of who approved which head SHA under which policy.
 *
 * One small interface, two SQL drivers (SQLite by default, PostgreSQL for several replicas).
 * Every `record*` is idempotent, because GitHub redelivers webhooks and replicas race.
 */
import type { PolicySource } from "../config/policy.js";
import type { LedgerReads } from "./queries/reads.js";
import type { Conclusion, GateStatus, IgnoredReason, RuleStatus } from "../policy/decision.js";

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

export interface IgnoredApprover extends CountedApprover {
  reason: IgnoredReason;
  detail: string;
}

/** One evaluation as the audit trail keeps it: who approved which SHA under which policy. */
export interface DecisionRecord extends RepoRef {
  pr: number;
  headSha: string;
  policy: PolicySource;
  conclusion: Conclusion;
  title: string;
  /** Whether the pull request was AI-assisted (older records: whether it named agents). */
  aiAssisted: boolean;
  /** Lowest tier of the PR's agents when the decision was taken. */
  tier: string;
  agents: string[];
  rules: Array<{ name: string; status: RuleStatus }>;
  gates: Array<{ name: string; status: GateStatus }>;
  counted: CountedApprover[];
  ignored: IgnoredApprover[];
  /** Present when the override label was on the PR, whether or not it was honoured. */
  override: { applied: boolean; by: string | null; detail: string } | null;
  at: Date;
}

/** A merged pull request, AI-assisted or not: the console's weekly AI-assisted vs human chart. */
export interface PullMergeRecord extends RepoRef {
  pr: number;
  aiAssisted: boolean;
  mergedAt: Date;
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
  /** false when this PR's merge was already recorded. */
  recordPullMerge(merge: PullMergeRecord): Promise<boolean>;
  /** false when an identical decision (same PR, head SHA, policy, outcome, approvers…) is already stored. */
  recordDecision(decision: DecisionRecord): Promise<boolean>;
  /** The merge whose merge commit or head commit is `sha` (full, or an unambiguous prefix of ≥ 7 hex digits). */
  findMergeByCommit(repo: RepoRef, sha: string): Promise<MergeRecord | null>;
  findMergeByPr(repo: RepoRef, pr: number): Promise<MergeRecord | null>;
  /** Per agent: merges at or after `since` in the scope and how many of them were reverted. */
  trackRecords(scope: LedgerScope, since: Date): Promise<TrackRecord[]>;
  /** Newest first. */
  decisions(query: DecisionQuery): Promise<DecisionRecord[]>;
  /** The read-only queries behind the web console's pages. */
  readonly reads: LedgerReads;
  /** true when the store answers a trivial query. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

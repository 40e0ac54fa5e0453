/** What the ledger stores and returns: merges, reverts, decisions and track records. */
import type { PolicySource } from "../config/policy.js";

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

/** A rule of a decision: its name, its status, and whose approval it asks for. */
export interface RuleRecord {
  name: string;
  status: string;
  /**
   * The teams whose members' approval counts ("org/slug", lower case); [] when only listed users
   * or a permission can satisfy the rule. Absent in records kept before teams were recorded.
   */
  teams?: string[];
}

/** One evaluation as the audit trail keeps it: who approved which SHA under which policy. */
export interface DecisionRecord extends RepoRef {
  pr: number;
  headSha: string;
  policy: PolicySource;
  conclusion: string;
  title: string;
  /** Whether the pull request was AI-assisted (older records: whether it named agents). */
  aiAssisted: boolean;
  /** Lowest tier of the PR's agents when the decision was taken. */
  tier: string;
  agents: string[];
  rules: RuleRecord[];
  gates: Array<{ name: string; status: string }>;
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

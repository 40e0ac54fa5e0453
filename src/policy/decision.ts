/**
 * The engine's output: a tree that explains itself. The check run, the CLI and the audit
 * record are three renderings of this one value.
 */
import type { PolicyError, PolicySource } from "../config/source.js";
import type { Detection } from "../detect/types.js";
import type { Audience } from "./audience.js";
import type { ConditionReason, GateReason, Headline, IgnoredReason, NeedReason, OverrideReason } from "./reasons.js";

export type { ConditionReason, GateReason, Headline, IgnoredReason, NeedReason, OverrideReason } from "./reasons.js";

export type Conclusion = "success" | "action_required" | "failure" | "in_progress";

export interface ApprovalRecord {
  login: string;
  /** The commit the review was given on. */
  commitId: string | null;
}

export interface IgnoredApproval extends ApprovalRecord {
  reason: IgnoredReason;
}

export type RuleStatus = "met" | "waiting" | "failed" | "not-applicable";

export interface RuleResult {
  name: string;
  status: RuleStatus;
  /** Why the rule applies or not: one reason per condition of `when`. */
  why: ConditionReason[];
  /** What it still needs (more approvals, or changes requested); null when met or not applicable. */
  needs: NeedReason | null;
  required: number;
  /** Who can satisfy it: the report words it ("@acme/senior-engineers", "users with write permission or more"). */
  eligible: Audience;
  counted: ApprovalRecord[];
  ignored: IgnoredApproval[];
  /** Eligible reviewers whose latest review is CHANGES_REQUESTED. */
  changesRequestedBy: string[];
  /** Reviewers to request for this rule while waiting (already filtered: no authors, no already-requested). */
  requestReviewers: { users: string[]; teams: string[] };
}

export type GateStatus = "passed" | "failed" | "pending";

export interface GateResult {
  name: string;
  status: GateStatus;
  reason: GateReason;
}

export interface AgentTrust {
  agent: string;
  tier: string;
  merged: number;
  reverted: number;
  windowDays: number;
  /** ISO time until which the agent is demoted after a revert. */
  demotedUntil?: string;
}

/** The `trust` input of the engine, computed from the ledger. Absent agents are `new`. */
export interface Trust {
  agents: Record<string, AgentTrust>;
}

/**
 * A policy error placed on the policy file: `about` says whether the file in force or the
 * pull request's proposed new file is wrong; the report words the title.
 */
export interface PolicyAnnotation {
  about: "policy" | "proposal";
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  message: string;
}

/** A list GitHub did not give in full: `read` of the `total` it says exist. */
export interface Unread {
  what: "commits" | "files" | "labels";
  read: number;
  total: number;
}

export interface Decision {
  conclusion: Conclusion;
  /** The one-line verdict as data; `report/` words it as the check run title. */
  headline: Headline;
  headSha: string;
  policySource: PolicySource;
  /** Errors in the policy in force (base) or in the PR's new version of it. */
  policyErrors: PolicyError[];
  /** Warnings about the policy in force (deprecated or odd but valid settings); shown in the summary. */
  policyWarnings?: PolicyError[];
  detection: Detection;
  /** Lowest tier of the PR's agents ("new" when autonomy is off or there are no agents). */
  tier: string;
  agents: AgentTrust[];
  rules: RuleResult[];
  gates: GateResult[];
  override: { applied: boolean; by: string | null; reason: OverrideReason } | null;
  /** Parts of the pull request GitHub did not list in full: it cannot pass (absent = all read). */
  unread?: Unread[];
  /** Union of rules' review requests. */
  reviewRequests: { users: string[]; teams: string[] };
  /** Label to add/remove so the PR's labels match the detection. */
  label: { add: string | null; remove: string | null };
  annotations: PolicyAnnotation[];
}

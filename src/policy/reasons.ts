/**
 * Why each part of a decision came out as it did, as data: a code and the facts behind it.
 * The engine never writes English; `report/reasons.ts` is the one place that does, so the
 * check run, the CLI, the JSON and the audit record say the same thing in the same words.
 */
import type { Audience } from "./audience.js";

/** Why one `when` condition of a rule holds or not (and why the policy-change rule applies). */
export type ConditionReason =
  | { code: "ai"; wanted: boolean | "any"; aiAssisted: boolean; agents: string[] }
  | { code: "agent-named"; agent: string; wanted: string[] }
  | { code: "no-agent-named"; wanted: string[]; agents: string[] }
  | { code: "base-matched"; base: string; glob: string }
  | { code: "base-unmatched"; base: string; globs: string[] }
  | { code: "label-carried"; label: string }
  | { code: "no-label-carried"; wanted: string[] }
  | { code: "changed-lines"; changed: number; minimum: number }
  | { code: "paths-matched"; file: string; glob: string }
  | { code: "paths-unmatched"; globs: string[] }
  | { code: "tier"; tier: string; wanted: string[]; holds: boolean }
  | { code: "policy-file-changed"; path: string }
  | { code: "policy-file-deleted"; path: string };

/** What a rule that is not met still needs. */
export type NeedReason =
  | { code: "changes-requested"; by: string[] }
  | { code: "approvals-missing"; missing: number; more: boolean; from: Audience };

export interface ChangedFile {
  path: string;
  additions: number;
  deletions: number;
}

export interface SignOff {
  sha: string;
  trailer: string;
  agent: string;
}

/** A required check that has not succeeded: finished without success, or still pending. */
export interface CheckState {
  name: string;
  state: "failed" | "pending" | "not-reported";
  conclusion: string | null;
}

/** Why a gate passed, failed or waits. */
export type GateReason =
  | { code: "changed-lines-within"; changed: number; limit: number }
  | { code: "changed-lines-over"; changed: number; limit: number; largest: ChangedFile[] }
  | { code: "changed-files-within"; count: number; limit: number }
  | { code: "changed-files-over"; count: number; limit: number }
  | { code: "no-forbidden-path" }
  | { code: "forbidden-paths"; paths: string[] }
  | { code: "no-test-required" }
  | { code: "changed-with-test"; file: string; test: string }
  | { code: "changed-without-test"; files: string[]; globs: string[] }
  | { code: "no-agent-signoff" }
  | { code: "agent-signoff"; signOffs: SignOff[] }
  | { code: "required-checks-failed"; checks: CheckState[] }
  | { code: "required-checks-pending"; checks: CheckState[] }
  | { code: "required-checks-passed"; names: string[] };

/** How a login belongs to an audience. */
export type Eligibility =
  | { code: "listed-user" }
  | { code: "team-member"; team: string }
  | { code: "permission"; permission: string };

/** Why a login is outside an audience: the teams it is not in, whether users were listed, its permission. */
export interface Refusal {
  teams: string[];
  usersListed: boolean;
  has: string;
  needs: string | null;
}

/** Why an approval did not count. */
export type IgnoredReason =
  | { code: "pr-author" }
  | { code: "commit-author"; sha: string }
  | { code: "committer"; sha: string }
  | { code: "co-author"; sha: string; trailer: string }
  | { code: "bot" }
  | { code: "agent"; agent: string }
  | { code: "stale"; approved: string | null; head: string }
  | ({ code: "not-in-team" | "insufficient-permission" } & Refusal);

/** What became of the override label. */
export type OverrideReason =
  | { code: "override-applied"; label: string; by: string; via: Eligibility }
  | { code: "override-applier-unknown"; label: string; audience: Audience }
  | { code: "override-applier-ineligible"; label: string; by: string; audience: Audience };

/** One thing that fails the check. */
export type Problem =
  | { code: "unread"; what: "commits" | "files" | "labels"; read: number; total: number }
  | { code: "policy-invalid"; errors: number }
  | { code: "new-policy-invalid"; errors: number }
  | { code: "gate-failed"; gate: GateReason }
  | { code: "changes-requested"; by: string[]; rule: string };

/** The verdict in one line, before it is put into words (the check run's title). */
export type Headline =
  | { code: "overridden"; by: string | null }
  | { code: "problems"; problems: Problem[] }
  | { code: "checks-pending"; checks: CheckState[] }
  | { code: "approvals-waiting"; missing: number; from: Audience; otherRules: number }
  | { code: "approved"; by: string[] }
  | { code: "passed-ai-assisted" }
  | { code: "passed-no-ai" }
  | { code: "evaluation-failed"; error: string };

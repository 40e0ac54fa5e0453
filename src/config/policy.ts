/**
 * The validated, normalised policy (SPEC §2.2) that the pure engine consumes.
 * Every optional key of the file has been filled with its default, so the engine never
 * has to know what "omitted" means. Produced by `src/config` only.
 */
/** GitHub's repository permissions, weakest first. */
export const PERMISSIONS = ["read", "triage", "write", "maintain", "admin"] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Who may do something: any of the teams, any of the users, or anyone with `permission`. */
export interface Principals {
  /** "slug" (in the PR's organisation) or "org/slug", as written in the file. */
  teams: string[];
  users: string[];
  /** Minimum repository permission. When teams and users are both empty and this is
   * undefined the engine uses the rule's default (write for rules, admin for policy admins). */
  permission?: Permission;
}

export interface RuleCondition {
  /** true = AI-assisted PRs only, false = human-only PRs only, "any" = both. */
  ai: boolean | "any";
  agents?: string[];
  paths?: string[];
  base?: string[];
  labels?: string[];
  tier?: string[];
  min_changed_lines?: number;
}

export interface Rule {
  name: string;
  when: RuleCondition;
  require: {
    approvals: number;
    /** null = any user with `write` permission or more. */
    from: Principals | null;
  };
  request_review: boolean;
}

export interface TestsGate {
  when_changed: string[];
  require_changed: string[];
}

export interface Gates {
  max_changed_lines?: number;
  max_changed_files?: number;
  forbidden_paths: string[];
  tests?: TestsGate;
  required_checks: string[];
  forbid_agent_signoff: boolean;
}

export interface Tier {
  name: string;
  min_merged: number;
  max_revert_rate: number;
}

export interface Autonomy {
  window_days: number;
  scope: "repository" | "organization";
  /** In ascending order of trust, as written; `new` is implicitly below all of them. */
  tiers: Tier[];
  demote_on_revert_days: number;
}

export interface Detection {
  catalog: boolean;
  bots: string[];
  trailers: string[];
  co_authors: string[];
  labels: string[];
  branches: string[];
  not_ai: string[];
}

export interface Policy {
  version: 1;
  detection: Detection;
  /** The label the app applies to AI-assisted PRs; false = none. */
  label: string | false;
  rules: Rule[];
  gates: Gates;
  /** null = autonomy off: every agent is `new`. */
  autonomy: Autonomy | null;
  /** null = users with `admin` permission. */
  policy_admins: Principals | null;
  override: { label: string; by: Principals } | null;
}

/** Where the policy in force came from (shown in the check run and stored in the audit trail). */
export interface PolicySource {
  kind: "repository" | "organization" | "repository+organization" | "built-in";
  /** e.g. "acme/api/.agent-governance.yml@main"; "built-in default" for the default. */
  description: string;
  /** Git blob SHA(s) of the file(s), for the audit trail; empty for the built-in default. */
  blobShas: string[];
}

/** A located error in a policy file: rendered as `FILE:LINE:COL message`. */
export interface PolicyError {
  file: string;
  /** 1-based; 0 when the error is about the file as a whole (unreadable, too large). */
  line: number;
  column: number;
  message: string;
}

export type LoadedPolicy =
  | { ok: true; policy: Policy; source: PolicySource; warnings: PolicyError[] }
  | { ok: false; errors: PolicyError[]; source: PolicySource };

/** A policy file as read from git (GraphQL `Blob`, `git show`, or the file system). */
export interface PolicyBlob {
  /** Path shown in errors, e.g. ".agent-governance.yml" or "acme/.github:.agent-governance.yml". */
  path: string;
  /** null when the blob is binary or GitHub truncated it. */
  text: string | null;
  byteSize: number;
  /** Git blob SHA. */
  oid: string;
}

export const POLICY_FILE = ".agent-governance.yml";
export const POLICY_MAX_BYTES = 256 * 1024;

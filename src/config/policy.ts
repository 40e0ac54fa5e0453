/**
 * The validated, normalised policy that the pure engine consumes, derived from the file's
 * one definition (`schema.ts`): every optional key of the file has been filled with its
 * default, so the engine never has to know what "omitted" means. Produced by `src/config` only.
 */
import type { AutonomyFile, DetectionFile, GatesFile, PrincipalsFile, RuleFile, TierFile } from "./schema.js";

export { PERMISSIONS } from "./schema.js";
export type Permission = NonNullable<PrincipalsFile["permission"]>;

/**
 * Who may do something: any of the teams, any of the users, or anyone with `permission`.
 * Teams are "slug" (in the PR's organisation) or "org/slug", as written in the file. When
 * teams and users are both empty and `permission` is undefined the engine uses the default
 * of the check (write for rules, admin for policy admins and the override).
 */
export type Principals = Required<Pick<PrincipalsFile, "teams" | "users">> & Pick<PrincipalsFile, "permission">;

type When = NonNullable<RuleFile["when"]>;
/** `ai` always set (default `true`); every other condition only when the file names it. */
export type RuleCondition = Omit<When, "ai"> & Required<Pick<When, "ai">>;

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

export type TestsGate = NonNullable<GatesFile["tests"]>;
export type Gates = Omit<GatesFile, "forbidden_paths" | "required_checks" | "forbid_agent_signoff"> &
  Required<Pick<GatesFile, "forbidden_paths" | "required_checks" | "forbid_agent_signoff">>;
export type Tier = TierFile;
/** Tiers in ascending order of trust, as written; `new` is implicitly below all of them. */
export type Autonomy = Required<AutonomyFile>;
export type Detection = Required<DetectionFile>;

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

/**
 * The validated, normalised policy that the pure engine consumes, derived from the file's
 * one definition (`schema.ts`): every optional key of the file has been filled with its
 * default, so the engine never has to know what "omitted" means. Produced by `src/config` only.
 */
import type { Detection } from "./detection.js";
import type { AutonomyFile, GatesFile, PrincipalsFile, RuleFile, TierFile } from "./schema.js";
import type { PolicyError, PolicySource } from "./source.js";

export { PERMISSIONS, type Permission } from "./schema-parts.js";
export * from "./source.js";

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

/** The gates' lists and `forbid_agent_signoff` are always set; the rest as the file (or its schema default) says. */
type DefaultedGateSetting = "forbidden_paths" | "required_checks" | "forbid_agent_signoff";
export type Gates = Omit<GatesFile, DefaultedGateSetting> & Required<Pick<GatesFile, DefaultedGateSetting>>;
export type Tier = TierFile;
/** Tiers in ascending order of trust, as written; `new` is implicitly below all of them. */
export type Autonomy = Required<AutonomyFile>;
export type { Detection } from "./detection.js";

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

export type LoadedPolicy =
  | { ok: true; policy: Policy; source: PolicySource; warnings: PolicyError[] }
  | { ok: false; errors: PolicyError[]; source: PolicySource };

/**
 * "Who may approve": any of the teams, any of the users, or anyone with at least the
 * permission. Team rosters and permissions come from `facts.directory`, answered by the
 * pipeline before evaluation (see `directoryQuestions`).
 */
import { PERMISSIONS, type Permission, type Policy, type Principals, type Rule } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { DirectorySnapshot, RepositoryPermission } from "../facts.js";
import { teamRef, type TeamRef } from "./login.js";
import type { Audience } from "./audience.js";
import type { Eligibility, Refusal } from "./reasons.js";

export type { Audience } from "./audience.js";

export type Membership =
  | { eligible: true; via: Eligibility }
  | { eligible: false; reason: { code: "not-in-team" | "insufficient-permission" } & Refusal };

/** A rule whose `from` names nobody accepts anyone who can push. */
const RULE_DEFAULT: Permission = "write";
/** Policy changes and the override, when the policy names nobody, need an admin. */
const ADMIN_DEFAULT: Permission = "admin";

/** The principals in canonical form; with nothing named, `fallback` permission applies. */
function audienceOf(principals: Principals | null, fallback: Permission, owner: string): Audience {
  const teams = (principals?.teams ?? []).map((team) => teamRef(team, owner));
  const users = (principals?.users ?? []).map(normalizeLogin);
  const permission =
    principals?.permission ?? (teams.length === 0 && users.length === 0 ? fallback : undefined);
  return { teams, users, permission };
}

/** Who may approve for a rule. */
export function ruleAudience(rule: Rule, owner: string): Audience {
  return audienceOf(rule.require.from, RULE_DEFAULT, owner);
}

/** Who may approve a change to the governance files (`policy_admins`); no policy in force = admins. */
export function policyAdmins(policy: Policy | null, owner: string): Audience {
  return audienceOf(policy?.policy_admins ?? null, ADMIN_DEFAULT, owner);
}

/** Who may apply the override label. */
export function overrideAudience(override: NonNullable<Policy["override"]>, owner: string): Audience {
  return audienceOf(override.by, ADMIN_DEFAULT, owner);
}

function rank(permission: RepositoryPermission | undefined): number {
  return PERMISSIONS.indexOf(permission as Permission);
}

/** The directory snapshot with each roster turned into a set once: rules × reviewers × members adds up. */
export class DirectoryAnswers {
  private readonly rosters = new Map<string, Set<string>>();

  constructor(private readonly snapshot: DirectorySnapshot) {}

  isMember(team: TeamRef, login: string): boolean {
    let roster = this.rosters.get(team.name);
    if (!roster) {
      roster = new Set((this.snapshot.teams[team.name] ?? []).map(normalizeLogin));
      this.rosters.set(team.name, roster);
    }
    return roster.has(login);
  }

  permission(login: string): RepositoryPermission {
    return this.snapshot.permissions[login] ?? "none";
  }
}

/** Audience → reviewer's permission → the (shared) ineligible answer. */
const refusals = new WeakMap<Audience, Map<string, Membership>>();

export function membership(login: string, audience: Audience, directory: DirectoryAnswers): Membership {
  const who = normalizeLogin(login);
  if (audience.users.includes(who)) return { eligible: true, via: { code: "listed-user" } };
  for (const team of audience.teams) {
    if (directory.isMember(team, who)) return { eligible: true, via: { code: "team-member", team: team.name } };
  }
  const has = directory.permission(who);
  if (audience.permission !== undefined && rank(has) >= rank(audience.permission)) {
    return { eligible: true, via: { code: "permission", permission: has } };
  }
  let byPermission = refusals.get(audience);
  if (!byPermission) refusals.set(audience, (byPermission = new Map()));
  const known = byPermission.get(has);
  if (known) return known;
  const refusal = refuse(audience, has);
  byPermission.set(has, refusal);
  return refusal;
}

function refuse(audience: Audience, has: string): Membership {
  const named = audience.teams.length > 0 || audience.users.length > 0;
  return {
    eligible: false,
    reason: {
      code: named ? "not-in-team" : "insufficient-permission",
      teams: audience.teams.map((team) => team.name),
      usersListed: audience.users.length > 0,
      has,
      needs: audience.permission ?? null,
    },
  };
}

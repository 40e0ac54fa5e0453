/**
 * "Who may approve": any of the teams, any of the users, or anyone with at least the
 * permission. Team rosters and permissions come from `facts.directory`, resolved by the
 * adapter before evaluation (see `directoryQuestions`).
 */
import { PERMISSION_ORDER, type Permission, type Principals } from "../config/policy.js";
import type { DirectorySnapshot } from "../facts.js";
import { canonicalLogin, canonicalTeam } from "./login.js";

export interface Audience {
  teams: string[];
  users: string[];
  permission?: Permission;
}

export interface Membership {
  eligible: boolean;
  reason?: "not-in-team" | "insufficient-permission";
  detail: string;
}

/** The principals in canonical form; with nothing named, `fallback` permission applies. */
export function audienceOf(principals: Principals | null, fallback: Permission, owner: string): Audience {
  const teams = (principals?.teams ?? []).map((team) => canonicalTeam(team, owner));
  const users = (principals?.users ?? []).map(canonicalLogin);
  const permission =
    principals?.permission ?? (teams.length === 0 && users.length === 0 ? fallback : undefined);
  return { teams, users, permission };
}

function rank(permission: string | undefined): number {
  return PERMISSION_ORDER.indexOf(permission as Permission);
}

/** The snapshot with each roster turned into a set once: rules × reviewers × members adds up. */
export class Directory {
  private readonly rosters = new Map<string, Set<string>>();

  constructor(private readonly snapshot: DirectorySnapshot) {}

  isMember(team: string, login: string): boolean {
    let roster = this.rosters.get(team);
    if (!roster) {
      roster = new Set((this.snapshot.teams[team] ?? []).map(canonicalLogin));
      this.rosters.set(team, roster);
    }
    return roster.has(login);
  }

  permission(login: string): string {
    return this.snapshot.permissions[login] ?? "none";
  }
}

/** Audience → reviewer's permission → the (shared) ineligible answer. */
const refusals = new WeakMap<Audience, Map<string, Membership>>();

export function membership(login: string, audience: Audience, directory: Directory): Membership {
  const who = canonicalLogin(login);
  if (audience.users.includes(who)) return { eligible: true, detail: `listed in users` };
  for (const team of audience.teams) {
    if (directory.isMember(team, who)) return { eligible: true, detail: `member of @${team}` };
  }
  const has = directory.permission(who);
  if (audience.permission !== undefined && rank(has) >= rank(audience.permission)) {
    return { eligible: true, detail: `${has} permission` };
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
  const missing: string[] = [];
  if (audience.teams.length > 0) missing.push(`not a member of ${audience.teams.map((t) => `@${t}`).join(" or ")}`);
  if (audience.users.length > 0) missing.push("not listed in users");
  if (audience.permission !== undefined) missing.push(`${has} permission, needs ${audience.permission}`);
  const named = audience.teams.length > 0 || audience.users.length > 0;
  return { eligible: false, reason: named ? "not-in-team" : "insufficient-permission", detail: missing.join("; ") };
}

/** Who can satisfy it, for the summary: "@acme/seniors", "@alice", "users with write permission or more". */
export function describeAudience(audience: Audience): string[] {
  return [
    ...audience.teams.map((team) => `@${team}`),
    ...audience.users.map((user) => `@${user}`),
    ...(audience.permission ? [`users with ${audience.permission} permission or more`] : []),
  ];
}

/**
 * The only lazy facts, stated as data: which team rosters and whose repository permissions
 * this evaluation may look at, and the least permission any check could ask of them. The
 * pipeline asks GitHub before evaluating, so the engine stays synchronous and pure.
 */
import type { Permission, Policy } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { PullRequestFacts } from "../facts.js";
import type { TeamRef } from "./login.js";
import { overrideLabel } from "./override.js";
import { type Audience, overrideAudience, policyAdmins, ruleAudience } from "./principals.js";
import { standingReviews } from "./reviews.js";

export interface DirectoryQuestions {
  /** Every team the policy names, once each, by name. */
  teams: TeamRef[];
  /** Reviewers (never bots: they never approve) and whoever applied the override label. */
  logins: string[];
  /** The minimum permission each check that can matter for this PR asks of a user. */
  thresholds: Permission[];
}

export function directoryQuestions(policy: Policy, facts: Omit<PullRequestFacts, "directory">): DirectoryQuestions {
  const rules = policy.rules.map((rule) => ({ audience: ruleAudience(rule, facts.owner), matters: rule.require.approvals > 0 }));
  const admins = { audience: policyAdmins(policy, facts.owner), matters: facts.policyChanges.length > 0 };
  const label = policy.override ? overrideLabel(policy.override, facts) : undefined;
  const override = policy.override ? [{ audience: overrideAudience(policy.override, facts.owner), matters: label !== undefined }] : [];
  const audiences: { audience: Audience; matters: boolean }[] = [...rules, admins, ...override];

  const teams = new Map<string, TeamRef>();
  for (const { audience } of audiences) for (const team of audience.teams) teams.set(team.name, team);
  const thresholds = audiences
    .filter(({ matters, audience }) => matters && audience.permission !== undefined)
    .map(({ audience }) => audience.permission as Permission);

  const logins = new Set<string>();
  for (const review of standingReviews(facts.reviews)) {
    if (review.state !== "DISMISSED" && !review.author.isBot) logins.add(review.login);
  }
  if (label?.appliedBy && !label.appliedBy.isBot) logins.add(normalizeLogin(label.appliedBy.login));
  return {
    teams: [...teams.values()].sort((a, b) => a.name.localeCompare(b.name)),
    logins: [...logins].sort(),
    thresholds,
  };
}

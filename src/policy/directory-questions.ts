/**
 * The only lazy facts: team rosters and repository permissions. The adapter asks these
 * before evaluating, so the engine stays synchronous and pure.
 */
import type { Policy, Principals } from "../config/policy.js";
import type { PullRequestFacts } from "../facts.js";
import { canonicalLogin, canonicalTeam } from "./login.js";
import { standingReviews } from "./reviews.js";

export function directoryQuestions(
  policy: Policy,
  facts: Omit<PullRequestFacts, "directory">,
): { teams: string[]; logins: string[] } {
  const teams = new Set<string>();
  const addTeams = (principals: Principals | null | undefined) => {
    for (const team of principals?.teams ?? []) teams.add(canonicalTeam(team, facts.owner));
  };
  for (const rule of policy.rules) addTeams(rule.require.from);
  addTeams(policy.policy_admins);
  addTeams(policy.override?.by);

  // Bots never approve, so their permission never matters.
  const logins = new Set<string>();
  for (const review of standingReviews(facts.reviews)) {
    if (review.state !== "DISMISSED" && !review.author.isBot) logins.add(review.login);
  }
  if (policy.override) {
    const label = facts.labels.find((candidate) => candidate.name.toLowerCase() === policy.override?.label.toLowerCase());
    if (label?.appliedBy && !label.appliedBy.isBot) logins.add(canonicalLogin(label.appliedBy.login));
  }
  return { teams: [...teams].sort(), logins: [...logins].sort() };
}

/**
 * Ask GitHub the engine's directory questions before evaluation, so the engine stays
 * synchronous and pure: each team's roster once, each login's permission once.
 *
 * Budget: a review already says whether its author can push (`authorCanPushToRepository`,
 * i.e. write or more). When every permission threshold that can matter for this PR is
 * decided by that bit, no permission read is made. The recorded value never exceeds the real
 * permission ("write" for pushers, "read" for the others), so a threshold missed here can
 * only make the check stricter, never let a PR through.
 */
import { PERMISSIONS, type Permission } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { DirectorySnapshot, PullRequestFacts } from "../facts.js";
import type { Directory } from "../github/directory.js";
import type { GatheredPullRequest } from "../github/facts-from-graphql.js";
import type { DirectoryQuestions } from "../policy/directory-questions.js";

const rank = (permission: Permission): number => PERMISSIONS.indexOf(permission);

/** What `authorCanPushToRepository` alone proves for every threshold, or undefined. */
function decidedByPushBit(canPush: boolean | undefined, thresholds: readonly Permission[]): Permission | undefined {
  if (canPush === undefined) return undefined;
  const write = rank("write");
  if (canPush && thresholds.every((t) => rank(t) <= write)) return "write";
  if (!canPush && thresholds.every((t) => rank(t) >= write)) return "read";
  return undefined;
}

/** `gathered.facts` with `directory` holding the answers. */
export async function answerDirectoryQuestions(
  questions: DirectoryQuestions,
  gathered: Pick<GatheredPullRequest, "facts" | "reviewerCanPush">,
  directory: Directory,
): Promise<PullRequestFacts> {
  const { facts, reviewerCanPush } = gathered;
  const snapshot: DirectorySnapshot = { teams: {}, permissions: {} };

  const teamReads = questions.teams.map(async (team) => {
    const members = await directory.teamMembers(team.org, team.slug);
    // Unknown team: no key, which the engine reports as such.
    if (members !== null) snapshot.teams[team.name] = members.map(normalizeLogin);
  });

  const logins = [...new Set(questions.logins.map(normalizeLogin))];
  const permissionReads = logins.map(async (login) => {
    const known = decidedByPushBit(reviewerCanPush[login], questions.thresholds);
    snapshot.permissions[login] = known ?? (await directory.permission(facts.owner, facts.repo, login));
  });

  await Promise.all([...teamReads, ...permissionReads]);
  return { ...facts, directory: snapshot };
}

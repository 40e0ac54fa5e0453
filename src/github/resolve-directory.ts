/**
 * Answer the engine's directory questions (`directoryQuestions`) before evaluation, so the
 * engine stays synchronous and pure.
 *
 * Budget (SPEC §8): a review already says whether its author can push
 * (`authorCanPushToRepository`, i.e. write or more). When every permission threshold that
 * can matter for this PR is decided by that bit, no permission read is made. The recorded
 * value never exceeds the real permission ("write" for pushers, "read" for the others), so a
 * threshold missed here can only make the check stricter, never let a PR through.
 */
import { PERMISSION_ORDER, type Permission, type Policy, type Principals } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { DirectorySnapshot, PullRequestFacts } from "../facts.js";
import { directoryQuestions } from "../policy/directory-questions.js";
import type { Directory } from "./directory.js";
import type { GatheredPullRequest } from "./facts-from-graphql.js";

function threshold(principals: Principals | null, fallback: Permission): Permission | undefined {
  if (principals === null) return fallback;
  if (principals.permission) return principals.permission;
  return principals.teams.length === 0 && principals.users.length === 0 ? fallback : undefined;
}

/** The minimum permissions any rule, policy-admin check or override could ask of a user here. */
export function permissionThresholds(policy: Policy, facts: PullRequestFacts): Permission[] {
  const found: (Permission | undefined)[] = [];
  for (const rule of policy.rules) {
    if (rule.require.approvals > 0) found.push(threshold(rule.require.from, "write"));
  }
  if (facts.policyChanges.length > 0) {
    found.push(threshold(policy.policy_admins, "admin"));
  }
  const override = policy.override;
  if (override && facts.labels.some((label) => label.name.toLowerCase() === override.label.toLowerCase())) {
    found.push(threshold(override.by, "admin"));
  }
  return found.filter((permission): permission is Permission => permission !== undefined);
}

const rank = (permission: Permission): number => PERMISSION_ORDER.indexOf(permission);

/** What `authorCanPushToRepository` alone proves for every threshold, or undefined. */
function decidedByPushBit(canPush: boolean | undefined, thresholds: Permission[]): Permission | undefined {
  if (canPush === undefined) return undefined;
  const write = rank("write");
  if (canPush && thresholds.every((t) => rank(t) <= write)) return "write";
  if (!canPush && thresholds.every((t) => rank(t) >= write)) return "read";
  return undefined;
}

/** "slug" (in the PR's organisation) or "org/slug" → [org, slug]. */
function teamRef(team: string, owner: string): [string, string] {
  const bare = team.trim().replace(/^@/, "");
  const slash = bare.indexOf("/");
  return slash < 0 ? [owner, bare] : [bare.slice(0, slash), bare.slice(slash + 1)];
}

/** `gathered.facts` with `directory` filled for the policy in force. */
export async function resolveDirectory(
  policy: Policy,
  gathered: Pick<GatheredPullRequest, "facts" | "reviewerCanPush">,
  directory: Directory,
): Promise<PullRequestFacts> {
  const { facts, reviewerCanPush } = gathered;
  const questions = directoryQuestions(policy, facts);
  const thresholds = permissionThresholds(policy, facts);
  const snapshot: DirectorySnapshot = { teams: {}, permissions: {} };

  const teamReads = [...new Set(questions.teams)].map(async (team) => {
    const [org, slug] = teamRef(team, facts.owner);
    const members = await directory.teamMembers(org, slug);
    // Unknown team: no key, which the engine reports as such.
    if (members !== null) snapshot.teams[`${org}/${slug}`.toLowerCase()] = members.map(normalizeLogin);
  });

  const logins = [...new Set(questions.logins.map(normalizeLogin))];
  const permissionReads = logins.map(async (login) => {
    const known = decidedByPushBit(reviewerCanPush[login], thresholds);
    snapshot.permissions[login] = known ?? (await directory.permission(facts.owner, facts.repo, login));
  });

  await Promise.all([...teamReads, ...permissionReads]);
  return { ...facts, directory: snapshot };
}

/**
 * Teams and commits as the engine names them. Logins are compared as `normalizeLogin` (detect/login.ts) makes
 * them (lower case, no "@", no "[bot]"); facts arrive normalised, policy files do not.
 */

/** A team the policy names, resolved once: `name` is "org/slug", the key of the directory snapshot. */
export interface TeamRef {
  org: string;
  slug: string;
  name: string;
}

/** "slug" (in the PR's organisation), "org/slug" or "@org/slug" → the team, lower case. */
export function teamRef(team: string, owner: string): TeamRef {
  const bare = team.trim().replace(/^@/, "").toLowerCase();
  const slash = bare.indexOf("/");
  const org = slash < 0 ? owner.toLowerCase() : bare.slice(0, slash);
  const slug = slash < 0 ? bare : bare.slice(slash + 1);
  return { org, slug, name: `${org}/${slug}` };
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

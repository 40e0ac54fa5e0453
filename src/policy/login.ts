/**
 * Logins as the engine compares them: lower case, without a leading "@" or the REST
 * "[bot]" suffix. Facts are already normalised by the adapters; policy files are not.
 */
export function canonicalLogin(login: string): string {
  // Facts arrive normalised; the engine asks this thousands of times per evaluation.
  if (ALREADY_CANONICAL.test(login)) return login;
  return login.trim().replace(/^@/, "").replace(/\[bot\]$/i, "").toLowerCase();
}

const ALREADY_CANONICAL = /^[a-z0-9][a-z0-9._-]*$/;

/** "slug" (in the PR's organisation), "org/slug" or "@org/slug" → "org/slug", lower case. */
export function canonicalTeam(team: string, owner: string): string {
  const bare = team.trim().replace(/^@/, "").toLowerCase();
  return bare.includes("/") ? bare : `${owner.toLowerCase()}/${bare}`;
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

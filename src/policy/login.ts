/**
 * Logins as the engine compares them: lower case, without a leading "@" or the REST
 * "[bot]" suffix. Facts are already normalised by the adapters; policy files are not.
 */
export function canonicalLogin(login: string): string {
  return login.trim().replace(/^@/, "").replace(/\[bot\]$/i, "").toLowerCase();
}

/** "slug" (in the PR's organisation), "org/slug" or "@org/slug" → "org/slug", lower case. */
export function canonicalTeam(team: string, owner: string): string {
  const bare = team.trim().replace(/^@/, "").toLowerCase();
  return bare.includes("/") ? bare : `${owner.toLowerCase()}/${bare}`;
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

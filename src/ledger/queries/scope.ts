/**
 * What a console page may read: one owner, and only the repositories the signed-in user can
 * read. Every query takes this scope, so a private repository the user cannot read never
 * contributes a row, a count or a name.
 */
export interface ReadableScope {
  owner: string;
  /** Lower-case repository names; empty = nothing is readable. */
  repos: readonly string[];
}

export function scopeOf(owner: string, repos: readonly string[]): ReadableScope {
  return { owner: owner.toLowerCase(), repos: [...new Set(repos.map((repo) => repo.toLowerCase()))] };
}

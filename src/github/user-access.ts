/**
 * What a signed-in user may see, asked of GitHub with their own user-to-server token: who they
 * are, whether they can read a repository (and write to it), whether they belong to an
 * organisation. Answers are cached briefly per token, so a page that lists many repositories
 * costs each question once a minute, and a lost permission takes effect within that minute.
 */
import { createHash } from "node:crypto";
import type { GitHubUrls } from "./web-urls.js";

export interface RepositoryAccess {
  /** GitHub says the user can read it (otherwise GitHub answers 404 and so do we). */
  read: boolean;
  /** push permission or more: may press Re-evaluate. */
  write: boolean;
}

export interface UserAccess {
  /** The token's user, or null when the token is no longer valid. */
  login(token: string): Promise<string | null>;
  repository(token: string, owner: string, repo: string): Promise<RepositoryAccess>;
  /** Active member of the organisation; for a personal account: the account itself. */
  isMember(token: string, owner: string, login: string): Promise<boolean>;
}

export class UserAccessError extends Error {}

const NO_ACCESS: RepositoryAccess = { read: false, write: false };

export function githubUserAccess(urls: GitHubUrls, fetchImpl: typeof fetch = fetch): UserAccess {
  const get = async (token: string, path: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const response = await fetchImpl(`${urls.api}${path}`, {
      headers: { authorization: `Bearer ${token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28", "user-agent": "agent-governance-console" },
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    // 401/403/404 are answers ("no"); anything else is GitHub failing, and must not read as "no access" forever nor as "yes".
    if (response.status >= 500 || response.status === 429) throw new UserAccessError(`GitHub answered ${response.status} for ${path}`);
    return { status: response.status, body };
  };
  const enc = encodeURIComponent;
  return {
    async login(token) {
      const { status, body } = await get(token, "/user");
      return status === 200 && typeof body.login === "string" ? body.login : null;
    },
    async repository(token, owner, repo) {
      const { status, body } = await get(token, `/repos/${enc(owner)}/${enc(repo)}`);
      if (status !== 200) return NO_ACCESS;
      const permissions = (body.permissions ?? {}) as Record<string, boolean>;
      // 200 = readable (GitHub answers 404 for a private repository the user cannot read); `permissions` says whether they may write.
      return { read: true, write: permissions.push === true || permissions.admin === true || permissions.maintain === true };
    },
    async isMember(token, owner, login) {
      if (owner.toLowerCase() === login.toLowerCase()) return true;
      const { status, body } = await get(token, `/user/memberships/orgs/${enc(owner)}`);
      return status === 200 && body.state === "active";
    },
  };
}

/** Caches every answer for `ttlMs` per token (hashed: tokens are never kept as keys). */
export function cachedUserAccess(inner: UserAccess, ttlMs: number, now: () => number = Date.now, maxEntries = 20_000): UserAccess {
  const entries = new Map<string, { at: number; value: Promise<unknown> }>();
  const cached = <T>(key: string, load: () => Promise<T>): Promise<T> => {
    const hit = entries.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value as Promise<T>;
    const value = load();
    entries.set(key, { at: now(), value });
    // A failure is not an answer: ask again next time.
    value.catch(() => entries.delete(key));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    return value;
  };
  const id = (token: string) => createHash("sha256").update(token).digest("base64url").slice(0, 22);
  return {
    login: (token) => cached(`${id(token)} user`, () => inner.login(token)),
    repository: (token, owner, repo) => cached(`${id(token)} repo ${owner}/${repo}`.toLowerCase(), () => inner.repository(token, owner, repo)),
    isMember: (token, owner, login) => cached(`${id(token)} member ${owner} ${login}`.toLowerCase(), () => inner.isMember(token, owner, login)),
  };
}

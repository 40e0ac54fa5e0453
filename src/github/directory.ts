/**
 * The only lazy questions (STYLE "One seam to GitHub"): who is in a team, and what a user may
 * do in a repository. A GitHub implementation, a TTL cache shared by every evaluation in the
 * process (a team is read only when not cached), and an in-memory one for tests.
 */
import { PERMISSIONS, type Permission } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { RepositoryPermission } from "../facts.js";
import { httpStatus, type GitHubClient } from "./client.js";

export type { RepositoryPermission } from "../facts.js";

export interface Directory {
  /** Active members' logins (normalised); null when the team does not exist or is invisible. */
  teamMembers(org: string, slug: string): Promise<string[] | null>;
  permission(owner: string, repo: string, login: string): Promise<RepositoryPermission>;
}

export const DEFAULT_DIRECTORY_TTL_SECONDS = 60;

const PAGE_SIZE = 100;

/** REST `permission` is the legacy four-level view; `role_name` is exact unless it is a custom role. */
function permissionOf(body: { permission?: string; role_name?: string }): RepositoryPermission {
  const role = body.role_name?.toLowerCase();
  if (role && (PERMISSIONS as readonly string[]).includes(role)) return role as Permission;
  const legacy = body.permission?.toLowerCase();
  if (legacy && (PERMISSIONS as readonly string[]).includes(legacy)) return legacy as Permission;
  return "none";
}

/** Reads through the installation's client; wrap it in a `DirectoryCache` for the budget. */
export function githubDirectory(octokit: GitHubClient): Directory {
  return {
    async teamMembers(org, slug) {
      const members: string[] = [];
      try {
        for (let page = 1; ; page += 1) {
          const response = await octokit.request("GET /orgs/{org}/teams/{team_slug}/members", {
            org,
            team_slug: slug,
            per_page: PAGE_SIZE,
            page,
          });
          members.push(...response.data.map((member) => normalizeLogin(member.login)));
          if (response.data.length < PAGE_SIZE) return members;
        }
      } catch (error) {
        if (httpStatus(error) === 404) return null;
        throw error;
      }
    },
    async permission(owner, repo, login) {
      try {
        const response = await octokit.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
          owner,
          repo,
          username: login,
        });
        return permissionOf(response.data);
      } catch (error) {
        if (httpStatus(error) === 404) return "none";
        throw error;
      }
    },
  };
}

interface CacheEntry {
  expires: number;
  /** Lower-case org/owner, for `invalidateOrg`. */
  org: string;
  value: Promise<unknown>;
}

export interface DirectoryCacheOptions {
  /** 0 disables caching. Default 60 s (the caller maps GOVERNANCE_DIRECTORY_TTL_SECONDS). */
  ttlMs?: number;
  /** Bound on memory; the oldest entries go first. */
  maxEntries?: number;
  now?: () => number;
}

/**
 * One cache per process, shared across installations (keys include the org, and an org
 * has one installation). Concurrent misses share one request; failures are not cached.
 * `membership` / `team` webhooks call `invalidateTeam` / `invalidateOrg`.
 */
export class DirectoryCache {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(options: DirectoryCacheOptions = {}) {
    this.ttlMs = options.ttlMs ?? DEFAULT_DIRECTORY_TTL_SECONDS * 1000;
    this.maxEntries = options.maxEntries ?? 10_000;
    this.now = options.now ?? Date.now;
  }

  /** A view of `source` that answers from the cache when it can. */
  over(source: Directory): Directory {
    return {
      teamMembers: (org, slug) =>
        this.remember(teamKey(org, slug), org, () => source.teamMembers(org, slug)),
      permission: (owner, repo, login) =>
        this.remember(permissionKey(owner, repo, login), owner, () => source.permission(owner, repo, login)),
    };
  }

  invalidateTeam(org: string, slug: string): void {
    this.entries.delete(teamKey(org, slug));
  }

  /** Everything about one organisation: rosters and the permissions in its repositories. */
  invalidateOrg(org: string): void {
    const wanted = org.toLowerCase();
    for (const [key, entry] of this.entries) if (entry.org === wanted) this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private remember<T>(key: string, org: string, read: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return read();
    const now = this.now();
    const cached = this.entries.get(key);
    if (cached && cached.expires > now) return cached.value as Promise<T>;
    const value = read();
    const entry: CacheEntry = { expires: now + this.ttlMs, org: org.toLowerCase(), value };
    this.entries.delete(key);
    this.entries.set(key, entry);
    value.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
    return value;
  }
}

function teamKey(org: string, slug: string): string {
  return `team\u0000${org.toLowerCase()}\u0000${slug.toLowerCase()}`;
}

function permissionKey(owner: string, repo: string, login: string): string {
  return `permission\u0000${owner.toLowerCase()}\u0000${repo.toLowerCase()}\u0000${normalizeLogin(login)}`;
}

/**
 * For tests and the simulator: teams keyed "org/slug", permissions keyed "login" or
 * "owner/repo:login" (the more specific wins). Every question asked is recorded in `calls`.
 */
export class MemoryDirectory implements Directory {
  readonly calls: string[] = [];
  private readonly teams = new Map<string, string[]>();
  private readonly permissions = new Map<string, RepositoryPermission>();

  constructor(data: { teams?: Record<string, string[]>; permissions?: Record<string, RepositoryPermission> } = {}) {
    for (const [team, members] of Object.entries(data.teams ?? {})) this.setTeam(team, members);
    for (const [who, permission] of Object.entries(data.permissions ?? {})) this.setPermission(who, permission);
  }

  setTeam(team: string, members: string[]): void {
    this.teams.set(team.toLowerCase(), members.map(normalizeLogin));
  }

  setPermission(who: string, permission: RepositoryPermission): void {
    this.permissions.set(who.toLowerCase(), permission);
  }

  async teamMembers(org: string, slug: string): Promise<string[] | null> {
    this.calls.push(`team ${org}/${slug}`);
    return this.teams.get(`${org}/${slug}`.toLowerCase()) ?? null;
  }

  async permission(owner: string, repo: string, login: string): Promise<RepositoryPermission> {
    this.calls.push(`permission ${owner}/${repo} ${login}`);
    const who = normalizeLogin(login);
    return (
      this.permissions.get(`${owner}/${repo}:${who}`.toLowerCase()) ?? this.permissions.get(who) ?? "none"
    );
  }
}

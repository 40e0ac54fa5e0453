/**
 * Ask for the reviews that waiting rules need: each reviewer at most once per head
 * SHA, never on drafts, never the PR author. The engine already filters authors and
 * already-requested reviewers; the author check here is a second line, because GitHub
 * rejects the whole request (422) if one name is the author.
 */
import { normalizeLogin } from "../detect/login.js";
import { httpStatus, type GitHubClient } from "./client.js";

export interface ReviewRequestTarget {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  draft: boolean;
  /** The PR author's login (any form; compared normalised). */
  author: string;
}

export interface ReviewRequestResult {
  /** What was sent: user logins and team slugs. Empty when nothing was requested. */
  users: string[];
  teams: string[];
  requests: number;
  /** Why nothing was sent, or GitHub's refusal (422: e.g. not a collaborator). */
  skipped?: "draft" | "nothing-new";
  error?: string;
}

/** Remembers who was asked per repo#pr@sha; bounded, oldest first out. */
export class ReviewRequestMemo {
  private readonly asked = new Map<string, Set<string>>();

  constructor(private readonly maxEntries = 10_000) {}

  has(key: string, reviewer: string): boolean {
    return this.asked.get(key)?.has(reviewer) ?? false;
  }

  add(key: string, reviewers: string[]): void {
    const set = this.asked.get(key) ?? new Set<string>();
    for (const reviewer of reviewers) set.add(reviewer);
    this.asked.delete(key);
    this.asked.set(key, set);
    while (this.asked.size > this.maxEntries) this.asked.delete(this.asked.keys().next().value as string);
  }
}

/** "slug", "org/slug" or "@org/slug" → the slug when it is in the PR's organisation, else null
 * (GitHub can only request teams of the repository's own organisation). */
function teamSlug(team: string, owner: string): string | null {
  const bare = team.trim().replace(/^@/, "").toLowerCase();
  const slash = bare.indexOf("/");
  if (slash < 0) return bare;
  return bare.slice(0, slash) === owner.toLowerCase() ? bare.slice(slash + 1) : null;
}

export async function requestReviewers(
  octokit: GitHubClient,
  target: ReviewRequestTarget,
  wanted: { users: string[]; teams: string[] },
  memo: ReviewRequestMemo,
): Promise<ReviewRequestResult> {
  if (target.draft) return { users: [], teams: [], requests: 0, skipped: "draft" };
  const key = `${target.owner}/${target.repo}#${target.number}@${target.headSha}`.toLowerCase();
  const author = normalizeLogin(target.author);

  const users = [...new Set(wanted.users.map(normalizeLogin))].filter(
    (login) => login !== "" && login !== author && !memo.has(key, `user:${login}`),
  );
  const teams = [...new Set(wanted.teams.map((team) => teamSlug(team, target.owner)))].filter(
    (slug): slug is string => slug !== null && slug !== "" && !memo.has(key, `team:${slug}`),
  );
  if (users.length === 0 && teams.length === 0) return { users, teams, requests: 0, skipped: "nothing-new" };

  const asked = [...users.map((login) => `user:${login}`), ...teams.map((slug) => `team:${slug}`)];
  try {
    await octokit.request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", {
      owner: target.owner,
      repo: target.repo,
      pull_number: target.number,
      reviewers: users,
      team_reviewers: teams,
    });
  } catch (error) {
    if (httpStatus(error) !== 422) throw error;
    // A refusal will not change for this SHA: remember it rather than retry on every event.
    memo.add(key, asked);
    return { users: [], teams: [], requests: 1, error: (error as Error).message };
  }
  memo.add(key, asked);
  return { users, teams, requests: 1 };
}

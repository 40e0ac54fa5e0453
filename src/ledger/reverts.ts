/**
 * Which changes a commit or pull request reverts, read from its text (pure). Two forms count,
 * each at the start of a line so that quoting or discussing a revert does not:
 *  - git's `git revert` message: "This reverts commit <sha>." — full or abbreviated (≥ 7 hex);
 *    "…, reversing changes made to <sha>." names the parent kept, not a reverted change;
 *  - GitHub's revert pull request body: "Reverts owner/repo#N" (also "Reverts #N" and a pull
 *    request URL). A squash-merged revert PR carries both its title `Revert "…"` and this body.
 */
import type { RepoRef } from "./ledger.js";

export interface PullRequestReference extends RepoRef {
  number: number;
}

export interface RevertReferences {
  /** Lower-case, in order of appearance, without duplicates. */
  commits: string[];
  pulls: PullRequestReference[];
}

// Optional list bullet: GitHub's squash message lists the squashed commits as "* title".
const LINE_START = String.raw`^[ \t]*(?:[*-][ \t]+)?`;
const REVERTED_COMMIT = new RegExp(`${LINE_START}This reverts commit ([0-9a-f]{7,64})\\b`, "gim");
const REVERTED_PULL = new RegExp(
  `${LINE_START}Reverts[ \\t]+(?:` +
    String.raw`(?:([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+))?#(\d+)` +
    "|" +
    String.raw`https?://[^/\s]+/([A-Za-z0-9][A-Za-z0-9-]*)/([A-Za-z0-9._-]+)/pull/(\d+)` +
    ")\\b",
  "gim",
);

/** `text`: a commit message, or a pull request's title and body joined by a blank line.
 * `repo`: where the text lives, for the short form "Reverts #N". */
export function parseRevertReferences(text: string, repo: RepoRef): RevertReferences {
  const commits = new Set<string>();
  for (const match of text.matchAll(REVERTED_COMMIT)) commits.add(match[1].toLowerCase());

  const pulls = new Map<string, PullRequestReference>();
  for (const match of text.matchAll(REVERTED_PULL)) {
    const owner = match[1] ?? match[4] ?? repo.owner;
    const name = match[2] ?? match[5] ?? repo.repo;
    const number = Number(match[3] ?? match[6]);
    const ref = { owner: owner.toLowerCase(), repo: name.toLowerCase(), number };
    pulls.set(`${ref.owner}/${ref.repo}#${number}`, ref);
  }
  return { commits: [...commits], pulls: [...pulls.values()] };
}

/** The text of a pull request as `parseRevertReferences` reads it. */
export function pullRequestText(title: string, body: string | null): string {
  return body ? `${title}\n\n${body}` : title;
}

/**
 * Git object identities and file-tree reads over the simulator's commit graph.
 * Commit SHAs are deterministic fakes (same scenario → same SHAs); blob SHAs are real git ids.
 */
import { createHash } from "node:crypto";
import type { CommitRecord, DiffEntryRecord, RepoRecord } from "./records.js";

export function sha1(text: string): string {
  return createHash("sha1").update(text).digest("hex");
}

/** The id git itself gives this text as a blob. */
export function blobSha(text: string): string {
  const bytes = Buffer.from(text, "utf8");
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

/** GitHub-looking global node id: a type prefix and an opaque base64url body. */
export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(`${prefix}:${id}`).toString("base64url")}`;
}

export const LINE_TEXT = (path: string, i: number): string => `line ${i + 1} of ${path}`;

/** Text with `lines` lines, for files whose content the scenario does not care about. */
export function syntheticText(path: string, lines: number): string {
  let out = "";
  for (let i = 0; i < lines; i++) out += `${LINE_TEXT(path, i)}\n`;
  return out;
}

/** Reads `path` at `sha` by walking first parents until a commit that set or deleted it. */
export function readFile(repo: RepoRecord, sha: string, path: string): string | null {
  let commit = repo.commits.get(sha);
  while (commit) {
    if (commit.changes.has(path)) return commit.changes.get(path) ?? null;
    const parent = commit.parents[0];
    commit = parent ? repo.commits.get(parent) : undefined;
  }
  return null;
}

/** The whole tree at `sha` (path → text); used for directory listings only. */
export function readTree(repo: RepoRecord, sha: string): Map<string, string> {
  const chain: CommitRecord[] = [];
  let commit = repo.commits.get(sha);
  while (commit) {
    chain.push(commit);
    const parent = commit.parents[0];
    commit = parent ? repo.commits.get(parent) : undefined;
  }
  const tree = new Map<string, string>();
  for (let i = chain.length - 1; i >= 0; i--) {
    for (const [path, text] of chain[i].changes) {
      if (text === null) tree.delete(path);
      else tree.set(path, text);
    }
  }
  return tree;
}

/** Resolves a branch name, a full/short SHA or "refs/heads/x" to a commit SHA. */
export function resolveRef(repo: RepoRecord, ref: string): string | null {
  const branch = ref.startsWith("refs/heads/") ? ref.slice("refs/heads/".length) : ref;
  const head = repo.branches.get(branch);
  if (head) return head;
  if (repo.commits.has(ref)) return ref;
  if (/^[0-9a-f]{7,39}$/.test(ref)) {
    for (const sha of repo.commits.keys()) if (sha.startsWith(ref)) return sha;
  }
  return null;
}

/** Commits reachable from `sha`, newest first (by committer date, then graph order). */
export function history(repo: RepoRecord, sha: string): CommitRecord[] {
  const seen = new Set<string>();
  const out: CommitRecord[] = [];
  const stack = [sha];
  while (stack.length > 0) {
    const next = stack.pop() as string;
    if (seen.has(next)) continue;
    seen.add(next);
    const commit = repo.commits.get(next);
    if (!commit) continue;
    out.push(commit);
    for (let i = commit.parents.length - 1; i >= 0; i--) stack.push(commit.parents[i]);
  }
  return out.map((c, i) => ({ c, i }))
    .sort((a, b) => b.c.committer.date.localeCompare(a.c.committer.date) || a.i - b.i)
    .map(({ c }) => c);
}

/** The combined diff of several commits, as a pull request shows it. */
export function combineDiffs(commits: CommitRecord[]): DiffEntryRecord[] {
  const byPath = new Map<string, DiffEntryRecord>();
  for (const commit of commits) {
    for (const file of commit.files) {
      const earlier = byPath.get(file.path);
      if (!earlier) {
        byPath.set(file.path, { ...file });
        if (file.previousPath) byPath.delete(file.previousPath);
        continue;
      }
      if (earlier.status === "added" && file.status === "removed") {
        byPath.delete(file.path);
        continue;
      }
      earlier.additions += file.additions;
      earlier.deletions += file.deletions;
      if (earlier.status !== "added" && earlier.status !== "renamed") earlier.status = file.status;
      earlier.patch = file.patch ?? earlier.patch;
    }
  }
  return [...byPath.values()];
}

/** Synthetic new text: drop the first `deletions` lines, append `additions` fresh ones. */
export function syntheticEdit(old: string, seed: string, additions: number, deletions: number): string {
  const kept = old === "" ? [] : old.replace(/\n$/, "").split("\n").slice(deletions);
  const keptText = kept.length > 0 ? `${kept.join("\n")}\n` : "";
  return keptText + syntheticText(seed, additions);
}

export function lineCount(text: string): number {
  if (text === "") return 0;
  return text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
}

/** Added and deleted lines between two texts (multiset comparison; good enough for stats). */
export function countChanges(before: string, after: string): { additions: number; deletions: number } {
  const old = new Map<string, number>();
  const lines = (t: string): string[] => (t === "" ? [] : t.replace(/\n$/, "").split("\n"));
  for (const line of lines(before)) old.set(line, (old.get(line) ?? 0) + 1);
  let additions = 0;
  for (const line of lines(after)) {
    const n = old.get(line) ?? 0;
    if (n > 0) old.set(line, n - 1);
    else additions++;
  }
  let deletions = 0;
  for (const n of old.values()) deletions += n;
  return { additions, deletions };
}

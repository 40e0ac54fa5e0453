/**
 * The commits and files of a pull request at one head commit never change, so the pages read
 * beyond the first (large pull requests: 30 pages for 3 000 files) are kept per head SHA and
 * re-read only when the head moves. The first page comes with the facts query anyway, so only
 * pull requests that needed more pages (or renamed files, which need the REST file list) are
 * kept. The key also holds GitHub's total counts, so a list that grew or shrank under the same
 * head (a base branch rewritten under it) is read again rather than trusted.
 *
 * In this process: least recently used first out, bounded by size. With REDIS_URL they are
 * shared by the replicas as well (redis-head-pages.ts).
 */
import type { GqlChangedFile, GqlCommit } from "./facts-query.js";

export interface HeadPages {
  commits: GqlCommit[];
  files: GqlChangedFile[];
  /** [new path, old path] of renamed files (from the REST file list). */
  previousPaths: Array<[string, string]>;
}

export interface HeadPagesCache {
  get(key: string): Promise<HeadPages | undefined>;
  set(key: string, pages: HeadPages): Promise<void>;
}

export interface HeadPagesKeyParts {
  owner: string;
  repo: string;
  headSha: string;
  commitCount: number | undefined;
  fileCount: number | undefined;
}

export function headPagesKey(parts: HeadPagesKeyParts): string {
  return `${parts.owner}/${parts.repo}@${parts.headSha}:${parts.commitCount ?? "?"}:${parts.fileCount ?? "?"}`.toLowerCase();
}

/** Roughly what an entry costs in memory: its JSON length (UTF-16 strings and object overhead make
 * the real cost a small multiple of it; the bound is about the order of magnitude). */
export function approximateSize(pages: HeadPages): number {
  return JSON.stringify(pages).length;
}

export class MemoryHeadPages implements HeadPagesCache {
  private readonly entries = new Map<string, { pages: HeadPages; size: number }>();
  private size = 0;

  /** @param maxSize total approximate size kept (default ≈ 4 MB of JSON: a dozen 3 000-file PRs). */
  constructor(private readonly maxSize = 4_000_000) {}

  async get(key: string): Promise<HeadPages | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.pages;
  }

  async set(key: string, pages: HeadPages, size = approximateSize(pages)): Promise<void> {
    if (size > this.maxSize) return;
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.size -= previous.size;
    }
    this.entries.set(key, { pages, size });
    this.size += size;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxSize) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
  }
}

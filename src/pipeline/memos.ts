/**
 * Everything the app remembers between webhooks, in one place: what it last wrote on each
 * commit (check-run memo), whom it asked to review, team rosters and permissions (directory
 * cache, dropped on membership changes), the labels it changed itself (so their echoes do
 * not trigger work), and the commits and files of large pull requests' head commits. All of it is a cache: losing it costs GitHub requests, never a wrong answer.
 *
 * With Redis, replicas share the check-run memo, the head pages and the directory invalidations: otherwise one
 * replica could skip, as "unchanged", a write that another's later write made necessary, or
 * keep trusting a senior another replica heard was removed.
 */
import type { Logger } from "pino";
import { localInvalidation, redisInvalidation, type MembershipChange } from "../github/directory-invalidation.js";
import { CheckRunMemo, type CheckRunMemoStore } from "../github/check-run-writer.js";
import { DirectoryCache } from "../github/directory.js";
import { MemoryHeadPages, type HeadPagesCache } from "../github/head-pages.js";
import { SharedHeadPages } from "../github/redis-head-pages.js";
import { ReviewRequestMemo } from "../github/review-requests.js";
import { SharedCheckRunMemo } from "../github/shared-check-run-memo.js";
import { targetKey, type PullRequestTarget } from "./target.js";

export interface Memos {
  directoryCache: DirectoryCache;
  checkRuns: CheckRunMemoStore;
  reviewRequests: ReviewRequestMemo;
  labelEchoes: LabelEchoes;
  /** Commits and files of head commits already read (large pull requests). */
  headPages: HeadPagesCache;
}

export interface MemoOptions {
  directoryTtlSeconds?: number;
  /** With several replicas, trust the memo of the last check-run write only this long. */
  checkRunMemoMaxAgeMs?: number;
  /** A memo shared by replicas (Redis); default one in this process. */
  checkRuns?: CheckRunMemoStore;
  /** Head pages shared by replicas (Redis); default in this process. */
  headPages?: HeadPagesCache;
}

export function createMemos(options: MemoOptions = {}): Memos {
  return {
    directoryCache: new DirectoryCache({ ttlMs: options.directoryTtlSeconds === undefined ? undefined : options.directoryTtlSeconds * 1000 }),
    checkRuns: options.checkRuns ?? new CheckRunMemo({ maxAgeMs: options.checkRunMemoMaxAgeMs }),
    reviewRequests: new ReviewRequestMemo(),
    labelEchoes: new LabelEchoes(),
    headPages: options.headPages ?? new MemoryHeadPages(),
  };
}

/** The memos of a running app, shared through Redis when a URL is given. */
export interface AppMemos {
  memos: Memos;
  /** A membership or team changed: drop the stale rosters here and on every replica. */
  membershipChanged(change: MembershipChange): Promise<void>;
  close(): Promise<void>;
}

export async function openMemos(
  options: MemoOptions & { redis: { url: string; prefix: string } | null },
  log: Pick<Logger, "warn">,
): Promise<AppMemos> {
  const shared = options.redis
    ? await SharedCheckRunMemo.connect(options.redis.url, options.redis.prefix, (error) =>
        log.warn({ err: error }, "check-run memo: Redis unavailable, falling back to a lookup"),
      )
    : null;
  const headPages = options.redis
    ? await SharedHeadPages.connect(options.redis.url, options.redis.prefix, (error) =>
        log.warn({ err: error }, "head pages: Redis unavailable, reading them from GitHub"),
      )
    : null;
  const memos = createMemos({ ...options, checkRuns: shared ?? options.checkRuns, headPages: headPages ?? options.headPages });
  const invalidation = options.redis
    ? await redisInvalidation(memos.directoryCache, options.redis.url, options.redis.prefix, (error) =>
        log.warn({ err: error }, "directory invalidation: Redis unavailable"),
      )
    : localInvalidation(memos.directoryCache);
  return {
    memos,
    membershipChanged: (change) => invalidation.announce(change),
    close: async () => {
      await shared?.close();
      await headPages?.close();
      await invalidation.close();
    },
  };
}

/**
 * Labels this process itself changed, so their labeled/unlabeled echoes do not trigger work.
 * Per process: with replicas, an echo reaching another replica costs one evaluation that
 * finds nothing changed (no write). Bounded, oldest pull request first out.
 */
export class LabelEchoes {
  private readonly changed = new Map<string, Set<string>>();

  constructor(private readonly maxPullRequests = 10_000) {}

  remember(pullRequest: Pick<PullRequestTarget, "owner" | "repo" | "number">, label: { add?: string | null; remove?: string | null } | undefined): void {
    if (!label || !(label.add || label.remove)) return;
    const key = targetKey(pullRequest);
    const set = this.changed.get(key) ?? new Set<string>();
    if (label.add) set.add(label.add.toLowerCase());
    if (label.remove) set.add(label.remove.toLowerCase());
    this.changed.set(key, set);
    if (this.changed.size > this.maxPullRequests) this.changed.delete(this.changed.keys().next().value!);
  }

  has(pullRequest: Pick<PullRequestTarget, "owner" | "repo" | "number">, label: string): boolean {
    return this.changed.get(targetKey(pullRequest))?.has(label.toLowerCase()) ?? false;
  }
}

/**
 * What the pipeline needs from the outside world, created once per process. Everything with
 * a memory (caches, memos, the ledger) lives here so tests can build a fresh one per test.
 */
import type { Logger } from "pino";
import { CheckRunMemo, DirectoryCache, ReviewRequestMemo, type CheckRunMemoStore } from "../github/index.js";
import { MemoryHeadPages, type HeadPagesCache } from "../github/head-pages.js";
import type { Ledger } from "../ledger/index.js";
import type { Metrics } from "../observability/metrics.js";

export interface PipelineContext {
  /** The app's id: only this app's check runs are looked up and updated. */
  appId?: number;
  ledger: Ledger | null;
  directoryCache: DirectoryCache;
  checkRuns: CheckRunMemoStore;
  reviewRequests: ReviewRequestMemo;
  /** Commits and files of head commits already read (large pull requests). */
  headPages: HeadPagesCache;
  metrics: Metrics;
  now: () => Date;
  log: Logger;
}

export interface PipelineOptions {
  appId?: number;
  ledger?: Ledger | null;
  directoryTtlSeconds?: number;
  /** With several replicas, trust the memo of the last check-run write only this long. */
  checkRunMemoMaxAgeMs?: number;
  /** A memo shared by replicas (Redis); default one in this process. */
  checkRuns?: CheckRunMemoStore;
  /** Head pages shared by replicas (Redis); default in this process. */
  headPages?: HeadPagesCache;
  metrics: Metrics;
  now?: () => Date;
  log: Logger;
}

export function createPipelineContext(options: PipelineOptions): PipelineContext {
  return {
    appId: options.appId,
    ledger: options.ledger ?? null,
    directoryCache: new DirectoryCache({ ttlMs: (options.directoryTtlSeconds ?? 60) * 1000 }),
    checkRuns: options.checkRuns ?? new CheckRunMemo({ maxAgeMs: options.checkRunMemoMaxAgeMs }),
    reviewRequests: new ReviewRequestMemo(),
    headPages: options.headPages ?? new MemoryHeadPages(),
    metrics: options.metrics,
    now: options.now ?? (() => new Date()),
    log: options.log,
  };
}

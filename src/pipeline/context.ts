/**
 * What the pipeline needs from the outside world, created once per process. Everything with
 * a memory (caches, memos, the ledger) lives here so tests can build a fresh one per test.
 */
import type { Logger } from "pino";
import { CheckRunMemo, DirectoryCache, ReviewRequestMemo, type CheckRunMemoStore } from "../github/index.js";
import type { Ledger } from "../ledger/index.js";
import type { Metrics } from "../observability/metrics.js";

export interface PipelineContext {
  /** The app's id: only this app's check runs are looked up and updated. */
  appId?: number;
  ledger: Ledger | null;
  directoryCache: DirectoryCache;
  checkRuns: CheckRunMemoStore;
  reviewRequests: ReviewRequestMemo;
  metrics: Metrics;
  now: () => Date;
  log: Logger;
  /** The check run's details link (the console's pull request page); absent = none. */
  detailsUrl?: (pr: { owner: string; repo: string; number: number }, headSha: string) => string;
}

export interface PipelineOptions {
  appId?: number;
  ledger?: Ledger | null;
  directoryTtlSeconds?: number;
  /** With several replicas, trust the memo of the last check-run write only this long. */
  checkRunMemoMaxAgeMs?: number;
  /** A memo shared by replicas (Redis); default one in this process. */
  checkRuns?: CheckRunMemoStore;
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
    metrics: options.metrics,
    now: options.now ?? (() => new Date()),
    log: options.log,
  };
}

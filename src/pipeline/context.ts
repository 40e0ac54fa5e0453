/**
 * What the pipeline needs from the outside world, created once per process. Everything with
 * a memory lives in its memos (memos.ts) and the ledger, so tests can build a fresh one per test.
 */
import type { Logger } from "pino";
import type { Ledger } from "../ledger/index.js";
import type { Metrics } from "../observability/metrics.js";
import { createMemos, type MemoOptions, type Memos } from "./memos.js";

export interface PipelineContext extends Memos {
  /** The app's id: only this app's check runs are looked up and updated. */
  appId?: number;
  ledger: Ledger | null;
  metrics: Metrics;
  now: () => Date;
  log: Logger;
  /** The check run's details link (the console's pull request page, at `headSha` when given); absent = none. */
  detailsUrl?: (pr: { owner: string; repo: string; number: number }, headSha?: string) => string;
}

export interface PipelineOptions extends MemoOptions {
  appId?: number;
  ledger?: Ledger | null;
  /** Memos opened by the app (shared through Redis); default fresh ones in this process. */
  memos?: Memos;
  metrics: Metrics;
  now?: () => Date;
  log: Logger;
}

export function createPipelineContext(options: PipelineOptions): PipelineContext {
  return {
    ...(options.memos ?? createMemos(options)),
    appId: options.appId,
    ledger: options.ledger ?? null,
    metrics: options.metrics,
    now: options.now ?? (() => new Date()),
    log: options.log,
  };
}

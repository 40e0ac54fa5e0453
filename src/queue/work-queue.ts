/**
 * The contract both work queues keep: the in-process one (one replica) and the Redis one
 * (several replicas sharing work). Jobs are plain data so that any replica can run them.
 *
 * Semantics, whichever the implementation:
 * - One job at a time per key. Submissions for a key while its job runs collapse into one
 *   follow-up run, which starts after the last of them: its job reads the latest state.
 * - Bounded concurrency per group (an installation), so one organisation cannot take every slot.
 * - `submit` resolves once the work is queued (durably, for Redis), not when it is done: the
 *   webhook is acknowledged then.
 */
export interface QueuedWork<J> {
  /** Coalescing and mutual-exclusion key, e.g. `acme/api#12`. */
  key: string;
  /** Fairness group, e.g. the installation id. */
  group: string;
  job: J;
}

export interface QueueStats {
  running: number;
  waiting: number;
}

export type JobRunner<J> = (job: J) => Promise<void>;

export type QueueErrorHandler = (error: unknown, key: string) => void;

export interface WorkQueue<J> {
  /** "memory" or "redis": shown by /healthz. */
  readonly kind: "memory" | "redis";
  submit(work: QueuedWork<J>): Promise<void>;
  /** Resolves once no work is running or waiting — anywhere, for a shared queue (tests, benchmarks). */
  idle(): Promise<void>;
  stats(): Promise<QueueStats>;
  /** Whether the queue's backing store answers; null when there is none to ask. */
  ping(): Promise<boolean | null>;
  /** Stop taking work and finish what this process is running. */
  close(): Promise<void>;
}

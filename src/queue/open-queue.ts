/**
 * Which work queue a process uses, from its environment: REDIS_URL set → the Redis queue
 * shared by every replica; otherwise the in-process one.
 *
 * GOVERNANCE_CONCURRENCY_PER_INSTALLATION  jobs one installation runs at once (default 4;
 *                                          with Redis, across all replicas)
 * GOVERNANCE_QUEUE_CONCURRENCY             Redis: jobs one replica runs at once (default 16)
 * GOVERNANCE_QUEUE_LOCK_SECONDS            Redis: how long a silent replica keeps its jobs
 *                                          before another takes them over (default 15)
 * GOVERNANCE_QUEUE_PREFIX                  Redis: key prefix (default agent-governance); replicas
 *                                          of one deployment share it (a hash tag on a cluster:
 *                                          redis-url.ts)
 */
import { InProcessQueue } from "./in-process-queue.js";
import { DEFAULT_PREFIX, redisKeyPrefix } from "./redis-url.js";
import type { JobRunner, QueueErrorHandler, WorkQueue } from "./work-queue.js";

export interface QueueSettings {
  redisUrl: string | null;
  prefix: string;
  concurrencyPerInstallation: number;
  concurrencyPerReplica: number;
  lockMs: number;
}

export function queueSettingsFromEnv(env: NodeJS.ProcessEnv, overrides: { concurrencyPerInstallation?: number } = {}): QueueSettings {
  return {
    redisUrl: env.REDIS_URL || null,
    prefix: redisKeyPrefix(env.REDIS_URL ?? "", env.GOVERNANCE_QUEUE_PREFIX || DEFAULT_PREFIX),
    concurrencyPerInstallation: overrides.concurrencyPerInstallation ?? positive(env.GOVERNANCE_CONCURRENCY_PER_INSTALLATION, 4),
    concurrencyPerReplica: positive(env.GOVERNANCE_QUEUE_CONCURRENCY, 16),
    lockMs: positive(env.GOVERNANCE_QUEUE_LOCK_SECONDS, 15) * 1000,
  };
}

/** BullMQ and ioredis are loaded only when REDIS_URL is set: they cost a single replica ≈ 18 MB. */
export async function openWorkQueue<J>(settings: QueueSettings, run: JobRunner<J>, onError: QueueErrorHandler): Promise<WorkQueue<J>> {
  if (!settings.redisUrl) return new InProcessQueue<J>(settings.concurrencyPerInstallation, run, onError);
  const { RedisQueue } = await import("./redis-queue.js");
  return new RedisQueue<J>({
    url: settings.redisUrl,
    prefix: settings.prefix,
    run,
    onError,
    concurrency: settings.concurrencyPerReplica,
    concurrencyPerGroup: settings.concurrencyPerInstallation,
    lockMs: settings.lockMs,
    stalledIntervalMs: Math.max(1_000, Math.floor(settings.lockMs / 3)),
  });
}

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

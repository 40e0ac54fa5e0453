/**
 * Which work queue a process uses: a Redis URL → the Redis queue shared by every replica;
 * otherwise the in-process one. The settings come from the environment (settings.ts).
 */
import { InProcessQueue } from "./in-process-queue.js";
import type { JobRunner, QueueErrorHandler, WorkQueue } from "./work-queue.js";

export interface QueueSettings {
  redisUrl: string | null;
  /** Redis key prefix; the replicas of one deployment share it. */
  prefix: string;
  /** Jobs one installation runs at once (with Redis: across all replicas). */
  concurrencyPerInstallation: number;
  /** Redis: jobs one replica runs at once. */
  concurrencyPerReplica: number;
  /** Redis: how long a silent replica keeps its jobs before another takes them over. */
  lockMs: number;
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

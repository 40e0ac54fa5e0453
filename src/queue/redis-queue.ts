/**
 * The work queue shared by every replica (REDIS_URL): BullMQ carries the jobs, so any replica
 * may run any job and a replica that dies has its running jobs taken over (BullMQ's stalled-job
 * check, once the job's lock lapses). KeyClaims adds what BullMQ lacks: one run at a time per
 * key across replicas, coalescing of bursts into a run of the latest state, and a shared limit
 * per group (installation).
 *
 * A job whose key is busy, or whose group is full, goes back to BullMQ's delayed set for a
 * moment instead of holding a worker slot, so other keys and groups keep running meanwhile.
 */
import { randomUUID } from "node:crypto";
import { DelayedError, Queue, Worker, type ConnectionOptions, type Job as BullJob } from "bullmq";
import type { RedisOptions } from "ioredis";
import { redisClient, type RedisClient } from "./redis-connection.js";
import { KeyClaims, type ClaimResult } from "./key-claims.js";
import type { JobRunner, QueueErrorHandler, QueuedWork, QueueStats, WorkQueue } from "./work-queue.js";

export interface RedisQueueOptions<J> {
  /** redis://… or redis+cluster://… as in REDIS_URL. */
  url: string;
  run: JobRunner<J>;
  onError: QueueErrorHandler;
  /** BullMQ key prefix: replicas sharing work use the same one. */
  prefix?: string;
  name?: string;
  /** Jobs this replica runs at once. */
  concurrency?: number;
  /** Jobs one group (installation) runs at once across all replicas. */
  concurrencyPerGroup?: number;
  /** How long a silent replica keeps its jobs and keys before another takes over. */
  lockMs?: number;
  /** How often each replica looks for jobs whose replica went silent. */
  stalledIntervalMs?: number;
  /** Wait before trying again a job whose key or group is busy. */
  retryDelayMs?: number;
  /** Runs of a job that throws, before it is given up (logged through onError). */
  attempts?: number;
  /** Not consumed by this instance when false (a producer only, e.g. a CLI). */
  worker?: boolean;
}

interface JobData<J> {
  key: string;
  group: string;
  version: number;
  job: J;
}

/** Redis that does not answer within this is down, as far as webhooks and /healthz care. */
const COMMAND_TIMEOUT_MS = 5_000;
const IDLE_POLL_MS = 50;
/** For /healthz: a probe must answer well within a load balancer's check timeout. */
const ANSWER_WITHIN_MS = 2_000;

export class RedisQueue<J> implements WorkQueue<J> {
  readonly kind = "redis" as const;
  /** Submissions: fails fast, so a webhook is refused (and redelivered) rather than held. */
  private readonly producer: RedisClient;
  /** The worker's: waits out a Redis restart instead of failing running jobs. */
  private readonly consumer: RedisClient;
  private readonly queue: Queue;
  private readonly worker: Worker | null;
  private readonly claims: KeyClaims;
  private readonly producerClaims: KeyClaims;
  private readonly renewals = new Set<NodeJS.Timeout>();
  private readonly retryDelayMs: number;
  private readonly lockMs: number;
  private closed = false;
  /** Set by abandon(): like a dead process, release nothing. */
  private abandoned = false;

  constructor(private readonly options: RedisQueueOptions<J>) {
    const prefix = options.prefix ?? "agent-governance";
    const name = options.name ?? "work";
    this.lockMs = options.lockMs ?? 15_000;
    this.retryDelayMs = options.retryDelayMs ?? 250;
    const base: RedisOptions = { connectionName: "agent-governance" };
    this.producer = redisClient(options.url, { ...base, maxRetriesPerRequest: 2, commandTimeout: COMMAND_TIMEOUT_MS });
    this.consumer = redisClient(options.url, { ...base, maxRetriesPerRequest: null });
    for (const connection of [this.producer, this.consumer]) {
      connection.on("error", (error) => options.onError(error, "redis"));
    }
    const namespace = `${prefix}:${name}:keys`;
    const groupLimit = options.concurrencyPerGroup ?? 4;
    this.claims = new KeyClaims(this.consumer, namespace, this.lockMs, groupLimit);
    this.producerClaims = new KeyClaims(this.producer, namespace, this.lockMs, groupLimit);

    this.queue = new Queue(name, {
      connection: bullConnection(this.producer),
      prefix,
      defaultJobOptions: {
        attempts: options.attempts ?? 3,
        backoff: { type: "exponential", delay: 1_000 },
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600, count: 1_000 },
      },
    });
    this.queue.on("error", (error) => options.onError(error, "redis"));

    this.worker =
      options.worker === false
        ? null
        : new Worker<JobData<J>>(name, (job, token) => this.process(job, token), {
            connection: bullConnection(this.consumer),
            prefix,
            concurrency: options.concurrency ?? 16,
            lockDuration: this.lockMs,
            stalledInterval: options.stalledIntervalMs ?? 5_000,
            // A job may be caught by a dying replica more than once before it runs to the end.
            maxStalledCount: 3,
          });
    this.worker?.on("failed", (job, error) => options.onError(error, job?.data.key ?? "unknown"));
    this.worker?.on("error", (error) => options.onError(error, "redis"));
  }

  async submit(work: QueuedWork<J>): Promise<void> {
    if (this.closed) throw new Error("the work queue is closed");
    const version = await this.producerClaims.nextVersion(work.key);
    const data: JobData<J> = { key: work.key, group: work.group, version, job: work.job };
    await this.queue.add("work", data);
    await this.producerClaims.publish(work.key, version);
  }

  async stats(): Promise<QueueStats> {
    // BullMQ waits for its connection without limit; /healthz and /metrics must answer anyway.
    const counts = await withinTime(this.queue.getJobCounts("active", "waiting", "delayed", "prioritized", "paused"), ANSWER_WITHIN_MS);
    return {
      running: counts.active ?? 0,
      waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0) + (counts.paused ?? 0),
    };
  }

  /** Waits until no replica has work running or waiting. */
  async idle(): Promise<void> {
    for (;;) {
      const { running, waiting } = await this.stats();
      if (running === 0 && waiting === 0) return;
      await new Promise((resolve) => setTimeout(resolve, IDLE_POLL_MS));
    }
  }

  async ping(): Promise<boolean> {
    try {
      return (await withinTime(this.producer.ping(), ANSWER_WITHIN_MS)) === "PONG";
    } catch {
      return false;
    }
  }

  /** Graceful: stop taking jobs, finish the running ones, disconnect. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker?.close();
    await this.queue.close();
    await Promise.allSettled([this.consumer.quit(), this.producer.quit()]);
  }

  /**
   * What a crash does, on purpose: stop at once without finishing or releasing anything.
   * The running jobs' locks lapse and another replica takes them over. The process must not
   * go on working afterwards (its jobs would then run twice); tests use this to play a replica dying.
   */
  async abandon(): Promise<void> {
    this.closed = true;
    this.abandoned = true;
    for (const timer of this.renewals) clearInterval(timer);
    this.renewals.clear();
    this.consumer.disconnect();
    this.producer.disconnect();
    await this.worker?.close(true).catch(() => undefined);
    await this.queue.close().catch(() => undefined);
  }

  private async process(job: BullJob<JobData<J>>, token: string | undefined): Promise<void> {
    const { key, group, version } = job.data;
    const claimToken = `${job.id}:${randomUUID()}`;
    const claim = await this.claims.claim(key, group, claimToken, version);
    if (claim === "stale") return; // a newer submission for this key is queued and will run
    if (claim !== "claimed") return this.later(job, token, claim);

    const renewal = setInterval(() => {
      this.claims.renew(key, group, claimToken).then(
        (held) => held || this.options.onError(new Error(`lost the claim on ${key}: this replica stalled`), key),
        (error: unknown) => this.options.onError(error, key),
      );
    }, Math.max(100, Math.floor(this.lockMs / 3)));
    renewal.unref();
    this.renewals.add(renewal);
    try {
      await this.options.run(job.data.job);
    } finally {
      clearInterval(renewal);
      this.renewals.delete(renewal);
      if (!this.abandoned) {
        await this.claims.release(key, group, claimToken).catch((error: unknown) => this.options.onError(error, key));
      }
    }
  }

  /** Back to BullMQ's delayed set; jitter keeps replicas from polling a busy key in step. */
  private async later(job: BullJob<JobData<J>>, token: string | undefined, reason: Exclude<ClaimResult, "claimed" | "stale">): Promise<never> {
    const base = reason === "busy" ? this.retryDelayMs : this.retryDelayMs * 2;
    await job.moveToDelayed(Date.now() + base + Math.floor(Math.random() * base), token);
    throw new DelayedError();
  }
}

/** BullMQ pins its own ioredis (5.11) while Probot's throttling needs 5.9.3 at the top level; BullMQ
 * takes any ioredis instance (it checks for connect/disconnect/duplicate), so one client serves both. */
function bullConnection(redis: RedisClient): ConnectionOptions {
  return redis as unknown as ConnectionOptions;
}

function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

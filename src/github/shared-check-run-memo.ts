/**
 * The check-run memo shared by all replicas (REDIS_URL). The in-process memo would let one
 * replica skip a write as "unchanged" after another replica had since written something else
 * on the same commit; kept in Redis, the memo is the last write of any replica, so the steady
 * state stays one GraphQL read and no write however webhooks are spread.
 *
 * - An entry is a hash per repo@sha (run id, output hash, status, annotations sent), kept a week.
 * - Before a write the entry's output hash is cleared, so a replica dying between its GitHub
 *   write and its memo update leaves "unknown", never a stale "unchanged".
 * - `exclusive` also holds a Redis lock on repo@sha: two replicas evaluating two pull requests
 *   that share a head commit must not both create a run.
 * - Redis trouble degrades to a memo miss (one extra listing request), never to a wrong skip.
 */
import { randomUUID } from "node:crypto";
import type { Cluster, Redis } from "ioredis";
import type { CheckRunMemoStore, MemoEntry } from "./check-run-writer.js";

const ENTRY_TTL_MS = 7 * 24 * 3600 * 1000;
const LOCK_TTL_MS = 30_000;
const LOCK_POLL_MS = 50;
/** Longer than any one write (throttled GitHub included), so waiting longer means a lost lock holder. */
const LOCK_WAIT_MS = 60_000;

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;

export class SharedCheckRunMemo implements CheckRunMemoStore {
  private readonly local = new Map<string, Promise<unknown>>();

  /** A memo on its own connection; ioredis is loaded only here, when REDIS_URL is set. */
  static async connect(url: string, namespace: string, onError: (error: unknown) => void): Promise<SharedCheckRunMemo> {
    const { redisClient } = await import("../queue/redis-connection.js");
    // Fails fast: a Redis that does not answer is a memo miss, not a stuck evaluation.
    const redis = redisClient(url, { maxRetriesPerRequest: 2, commandTimeout: 5_000 });
    redis.on("error", onError);
    return new SharedCheckRunMemo(redis, namespace, onError);
  }

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly namespace: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async get(key: string): Promise<MemoEntry | undefined> {
    try {
      const fields = await this.redis.hgetall(this.entryKey(key));
      if (!fields.checkRunId) return undefined;
      return {
        checkRunId: Number(fields.checkRunId),
        outputHash: fields.outputHash ?? "",
        status: fields.status as MemoEntry["status"],
        annotationKeys: new Set(JSON.parse(fields.annotationKeys ?? "[]") as string[]),
        writtenAt: Number(fields.writtenAt ?? 0),
      };
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async set(key: string, entry: Omit<MemoEntry, "writtenAt">): Promise<void> {
    const redisKey = this.entryKey(key);
    try {
      await this.redis
        .multi()
        .hset(redisKey, {
          checkRunId: String(entry.checkRunId),
          outputHash: entry.outputHash,
          status: entry.status,
          annotationKeys: JSON.stringify([...entry.annotationKeys]),
          writtenAt: String(Date.now()),
        })
        .pexpire(redisKey, ENTRY_TTL_MS)
        .exec();
    } catch (error) {
      this.onError(error);
      await this.delete(key);
    }
  }

  /** Before a write: the entry no longer vouches for what the run shows. */
  async beginWrite(key: string): Promise<void> {
    // Not swallowed: if this fails the write must not go ahead on a memo that may lie afterwards.
    await this.redis.hset(this.entryKey(key), "outputHash", "");
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(this.entryKey(key));
    } catch (error) {
      this.onError(error);
    }
  }

  async exclusive<T>(key: string, work: () => Promise<T>): Promise<T> {
    // In this process first (no Redis round trips for local contention), then across replicas.
    const previous = this.local.get(key) ?? Promise.resolve();
    const current = previous.catch(() => undefined).then(() => this.locked(key, work));
    this.local.set(key, current);
    try {
      return await current;
    } finally {
      if (this.local.get(key) === current) this.local.delete(key);
    }
  }

  private async locked<T>(key: string, work: () => Promise<T>): Promise<T> {
    const lockKey = `${this.namespace}:check-run-lock:${key}`;
    const token = randomUUID();
    const held = await this.acquire(lockKey, token);
    const renewal = held
      ? setInterval(() => {
          this.redis.eval(RENEW, 1, lockKey, token, LOCK_TTL_MS).catch(this.onError);
        }, LOCK_TTL_MS / 3)
      : undefined;
    renewal?.unref();
    try {
      return await work();
    } finally {
      clearInterval(renewal);
      if (held) await this.redis.eval(RELEASE, 1, lockKey, token).catch(this.onError);
    }
  }

  /** False when Redis cannot be asked: the write goes ahead unlocked rather than not at all. */
  private async acquire(lockKey: string, token: string): Promise<boolean> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      try {
        if ((await this.redis.set(lockKey, token, "PX", LOCK_TTL_MS, "NX")) === "OK") return true;
      } catch (error) {
        this.onError(error);
        return false;
      }
      if (Date.now() > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS + Math.random() * LOCK_POLL_MS));
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private entryKey(key: string): string {
    return `${this.namespace}:check-run:${key}`;
  }
}

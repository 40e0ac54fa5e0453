/**
 * Head pages shared by every replica (REDIS_URL): one replica reads a large pull request's
 * pages once per head commit, and every replica reuses them. This process's own entries are
 * asked first; Redis trouble is a cache miss (the pages are read from GitHub), never an error.
 */
import type { Cluster, Redis } from "ioredis";
import { MemoryHeadPages, type HeadPages, type HeadPagesCache } from "./head-pages.js";

/** Long enough for a pull request's review cycle; a head commit's pages never go stale. */
const ENTRY_TTL_SECONDS = 3 * 24 * 3600;

export class SharedHeadPages implements HeadPagesCache {
  private readonly local = new MemoryHeadPages();

  /** On its own connection; ioredis is loaded only here, when REDIS_URL is set. */
  static async connect(url: string, namespace: string, onError: (error: unknown) => void): Promise<SharedHeadPages> {
    const { redisClient } = await import("../queue/redis-connection.js");
    const redis = redisClient(url, { maxRetriesPerRequest: 2, commandTimeout: 5_000 });
    redis.on("error", onError);
    return new SharedHeadPages(redis, namespace, onError);
  }

  constructor(
    private readonly redis: Redis | Cluster,
    private readonly namespace: string,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  async get(key: string): Promise<HeadPages | undefined> {
    const local = await this.local.get(key);
    if (local) return local;
    try {
      const text = await this.redis.get(this.redisKey(key));
      if (!text) return undefined;
      const pages = JSON.parse(text) as HeadPages;
      await this.local.set(key, pages, text.length);
      return pages;
    } catch (error) {
      this.onError(error);
      return undefined;
    }
  }

  async set(key: string, pages: HeadPages): Promise<void> {
    const text = JSON.stringify(pages);
    await this.local.set(key, pages, text.length);
    try {
      await this.redis.set(this.redisKey(key), text, "EX", ENTRY_TTL_SECONDS);
    } catch (error) {
      this.onError(error);
    }
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }

  private redisKey(key: string): string {
    return `${this.namespace}:head-pages:${key}`;
  }
}


/**
 * The shared state that makes a Redis queue behave like the in-process CoalescingQueue across
 * replicas. BullMQ (open source) has no notion of "one job per key at a time", so it lives here,
 * in small Lua scripts that each run atomically:
 *
 * - Versions: every submission for a key gets the next number (`seq`); once its job is queued
 *   the key's `latest` rises to it. A job older than `latest` is skipped: a newer one is queued
 *   and starts later, so it reads a state at least as new. `latest` only rises after the add
 *   succeeds, so a submitter dying between the two steps costs an extra run, never a lost one.
 * - Key lock: the job running for a key holds `lock:<key>` (a token with a TTL the holder keeps
 *   renewing). A replica that dies stops renewing, so its lock lapses and the job, which BullMQ
 *   hands to another replica as stalled, can claim the key again.
 * - Group slots: a sorted set per group (installation) of claim tokens scored by expiry; at most
 *   `limit` live claims per group across all replicas.
 *
 * Times come from the Redis server clock, so replicas with skewed clocks agree.
 */
import type { Cluster, Redis } from "ioredis";

const NOW = `local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)`;

/** KEYS: versions hash, key lock, group set. ARGV: token, ttl ms, group limit, job version. */
const CLAIM = `
local latest = tonumber(redis.call('HGET', KEYS[1], 'latest') or '0')
if tonumber(ARGV[4]) < latest then return 'stale' end
if redis.call('EXISTS', KEYS[2]) == 1 then return 'busy' end
${NOW}
redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', now)
if redis.call('ZCARD', KEYS[3]) >= tonumber(ARGV[3]) then return 'full' end
redis.call('SET', KEYS[2], ARGV[1], 'PX', ARGV[2])
redis.call('ZADD', KEYS[3], now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[3], tonumber(ARGV[2]) * 2)
return 'claimed'`;

/** KEYS: key lock, group set. ARGV: token, ttl ms. */
const RENEW = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
${NOW}
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('ZADD', KEYS[2], 'XX', now + tonumber(ARGV[2]), ARGV[1])
redis.call('PEXPIRE', KEYS[2], tonumber(ARGV[2]) * 2)
return 1`;

/** KEYS: key lock, group set. ARGV: token. */
const RELEASE = `
redis.call('ZREM', KEYS[2], ARGV[1])
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

/** KEYS: versions hash. ARGV: version, ttl ms. */
const PUBLISH = `
if tonumber(ARGV[1]) > tonumber(redis.call('HGET', KEYS[1], 'latest') or '0') then
  redis.call('HSET', KEYS[1], 'latest', ARGV[1])
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

export type ClaimResult = "claimed" | "stale" | "busy" | "full";

interface ClaimCommands {
  agentGovernanceClaim(versions: string, lock: string, group: string, token: string, ttlMs: number, limit: number, version: number): Promise<string>;
  agentGovernanceRenew(lock: string, group: string, token: string, ttlMs: number): Promise<number>;
  agentGovernanceRelease(lock: string, group: string, token: string): Promise<number>;
  agentGovernancePublish(versions: string, version: number, ttlMs: number): Promise<number>;
}

/** Versions outlive any job by far; they only need to vanish for keys nobody touches any more. */
const VERSION_TTL_MS = 7 * 24 * 3600 * 1000;

function withCommands(redis: Redis | Cluster): (Redis | Cluster) & ClaimCommands {
  const commands = redis as (Redis | Cluster) & Partial<ClaimCommands>;
  if (!commands.agentGovernanceClaim) {
    redis.defineCommand("agentGovernanceClaim", { numberOfKeys: 3, lua: CLAIM });
    redis.defineCommand("agentGovernanceRenew", { numberOfKeys: 2, lua: RENEW });
    redis.defineCommand("agentGovernanceRelease", { numberOfKeys: 2, lua: RELEASE });
    redis.defineCommand("agentGovernancePublish", { numberOfKeys: 1, lua: PUBLISH });
  }
  return redis as (Redis | Cluster) & ClaimCommands;
}

export class KeyClaims {
  private readonly redis: (Redis | Cluster) & ClaimCommands;

  /** `namespace` prefixes every key, e.g. `agent-governance:evaluations`. */
  constructor(
    redis: Redis | Cluster,
    private readonly namespace: string,
    private readonly ttlMs: number,
    private readonly groupLimit: number,
  ) {
    this.redis = withCommands(redis);
  }

  /** The version of a new submission for `key`. */
  async nextVersion(key: string): Promise<number> {
    const versions = this.versionsKey(key);
    const [[error, version]] = (await this.redis.multi().hincrby(versions, "seq", 1).pexpire(versions, VERSION_TTL_MS).exec())!;
    if (error) throw error;
    return Number(version);
  }

  /** Mark `version` queued: older jobs of the key may now be skipped. */
  async publish(key: string, version: number): Promise<void> {
    await this.redis.agentGovernancePublish(this.versionsKey(key), version, VERSION_TTL_MS);
  }

  async claim(key: string, group: string, token: string, version: number): Promise<ClaimResult> {
    const result = await this.redis.agentGovernanceClaim(
      this.versionsKey(key),
      this.lockKey(key),
      this.groupKey(group),
      token,
      this.ttlMs,
      this.groupLimit,
      version,
    );
    return result as ClaimResult;
  }

  /** False when the claim has lapsed (this process stalled longer than the TTL). */
  async renew(key: string, group: string, token: string): Promise<boolean> {
    return (await this.redis.agentGovernanceRenew(this.lockKey(key), this.groupKey(group), token, this.ttlMs)) === 1;
  }

  async release(key: string, group: string, token: string): Promise<void> {
    await this.redis.agentGovernanceRelease(this.lockKey(key), this.groupKey(group), token);
  }

  private versionsKey(key: string): string {
    return `${this.namespace}:versions:${key}`;
  }

  private lockKey(key: string): string {
    return `${this.namespace}:lock:${key}`;
  }

  private groupKey(group: string): string {
    return `${this.namespace}:group:${group}`;
  }
}

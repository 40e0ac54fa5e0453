/**
 * How every part that shares state through Redis reaches it — the work queue, the check-run
 * memo, membership invalidation and the GitHub request budgets:
 *
 *   REDIS_URL=redis://host:6379                          one Redis server (rediss:// for TLS)
 *   REDIS_URL=redis+cluster://host-a:6379,host-b:6379    a Redis Cluster: any reachable nodes as
 *                                                        seeds (rediss+cluster:// for TLS;
 *                                                        user:password@ before the first host)
 *
 * On a cluster the key prefix becomes a hash tag (`{agent-governance}`), BullMQ's convention:
 * every key then lives in one slot, so the scripts and transactions that touch several keys
 * (BullMQ's, the queue's claims) never span two nodes. A single server keeps the plain
 * prefix, so existing deployments keep their keys.
 */
import type { Cluster, Redis, RedisOptions } from "ioredis";

export interface RedisSettings {
  url: string;
  /** Set for redis+cluster:// URLs. */
  cluster: { nodes: Array<{ host: string; port: number }>; username?: string; password?: string; tls: boolean } | null;
  /** The prefix every key starts with (a hash tag on a cluster). */
  keyPrefix: string;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;

export function redisSettingsFromEnv(env: NodeJS.ProcessEnv): RedisSettings {
  const url = env.REDIS_URL ?? "";
  if (!url) throw new Error("REDIS_URL is not set");
  const prefix = env.GOVERNANCE_QUEUE_PREFIX || "agent-governance";
  const cluster = parseClusterUrl(url);
  return { url, cluster, keyPrefix: cluster && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix };
}

function parseClusterUrl(url: string): RedisSettings["cluster"] {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) return null;
  const rest = url.slice(scheme[0].length).replace(/\/.*$/, "");
  const at = rest.lastIndexOf("@");
  const [username, password] = at >= 0 ? rest.slice(0, at).split(":").map(decodeURIComponent) : [];
  const nodes = (at >= 0 ? rest.slice(at + 1) : rest)
    .split(",")
    .filter(Boolean)
    .map((hostPort) => {
      const match = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(hostPort);
      if (!match) throw new Error(`REDIS_URL: "${hostPort}" is not host:port`);
      return { host: match[1], port: Number(match[2] ?? 6379) };
    });
  if (nodes.length === 0) throw new Error("REDIS_URL: a redis+cluster:// URL needs at least one host:port");
  return { nodes, username: username || undefined, password: password || undefined, tls: scheme[1].toLowerCase() === "rediss" };
}

/** A client for the configured Redis: one server or a cluster. ioredis is loaded only here. */
export async function connectRedis(settings: RedisSettings, options: RedisOptions = {}): Promise<Redis | Cluster> {
  const { Redis, Cluster } = await import("ioredis");
  const base: RedisOptions = { connectionName: "agent-governance", ...options };
  if (!settings.cluster) return new Redis(settings.url, base);
  const { nodes, username, password, tls } = settings.cluster;
  return new Cluster(nodes, { redisOptions: { ...base, username, password, ...(tls ? { tls: {} } : {}) } });
}

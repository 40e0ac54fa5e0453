/**
 * A client for REDIS_URL, one server or a cluster (redis-url.ts). Imported only where Redis is
 * configured: it loads ioredis.
 */
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { clusterAddress } from "./redis-url.js";

export type RedisClient = Redis | Cluster;

export function redisClient(url: string, options: RedisOptions = {}): RedisClient {
  const base: RedisOptions = { connectionName: "agent-governance", ...options };
  const cluster = clusterAddress(url);
  if (!cluster) return new Redis(url, base);
  const { nodes, username, password, tls } = cluster;
  return new Cluster(nodes, { redisOptions: { ...base, username, password, ...(tls ? { tls: {} } : {}) } });
}

/**
 * What REDIS_URL names — one Redis server or a Redis Cluster — and the key prefix that suits it:
 *
 *   REDIS_URL=redis://host:6379                          one server (rediss:// for TLS)
 *   REDIS_URL=redis+cluster://host-a:6379,host-b:6379    a Redis Cluster: any reachable nodes as
 *                                                        seeds (rediss+cluster:// for TLS;
 *                                                        user:password@ before the first host)
 *
 * On a cluster the key prefix becomes a hash tag (`{agent-governance}`), BullMQ's convention:
 * every key then lives in one slot, so the scripts and transactions that touch several keys
 * (BullMQ's, the queue's claims, the request budgets) never span two nodes. A single server
 * keeps the plain prefix, so existing deployments keep their keys.
 */

/** GOVERNANCE_QUEUE_PREFIX's default: replicas of one deployment share it. */
export const DEFAULT_PREFIX = "agent-governance";

export interface ClusterAddress {
  nodes: Array<{ host: string; port: number }>;
  username?: string;
  password?: string;
  tls: boolean;
}

const CLUSTER_SCHEME = /^(rediss?)\+cluster:\/\//i;

/** The cluster a redis+cluster:// URL names; null for a single server's URL. */
export function clusterAddress(url: string): ClusterAddress | null {
  const scheme = CLUSTER_SCHEME.exec(url);
  if (!scheme) return null;
  const rest = url.slice(scheme[0].length).replace(/[/?#].*$/, "");
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

/** `prefix` as a hash tag on a cluster (unless it already holds one), unchanged otherwise. */
export function redisKeyPrefix(url: string, prefix: string): string {
  return clusterAddress(url) && !/\{[^}]+\}/.test(prefix) ? `{${prefix}}` : prefix;
}

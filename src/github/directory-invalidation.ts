/**
 * Membership changes reach every replica. A `membership` or `team` webhook arrives at one
 * replica, but each keeps its own roster cache; without this, another replica would keep
 * counting a removed senior's approval until its cache expired. With REDIS_URL the event is
 * published on a channel that every replica subscribes to; alone, it applies locally.
 */
import type { DirectoryCache } from "./directory.js";

export interface MembershipChange {
  org: string;
  /** Absent: drop every cached roster and permission of the organisation. */
  team?: string;
}

export interface DirectoryInvalidation {
  /** Drop the cached rosters the change makes stale, here and on every other replica. */
  announce(change: MembershipChange): Promise<void>;
  close(): Promise<void>;
}

export function applyMembershipChange(cache: DirectoryCache, change: MembershipChange): void {
  if (change.team) cache.invalidateTeam(change.org, change.team);
  else cache.invalidateOrg(change.org);
}

export function localInvalidation(cache: DirectoryCache): DirectoryInvalidation {
  return {
    announce: async (change) => applyMembershipChange(cache, change),
    close: async () => undefined,
  };
}

const SUBSCRIBE_WAIT_MS = 2_000;

/** ioredis is loaded only here, when REDIS_URL is set. */
export async function redisInvalidation(
  cache: DirectoryCache,
  url: string,
  prefix: string,
  onError: (error: unknown) => void,
): Promise<DirectoryInvalidation> {
  const { redisClient } = await import("../queue/redis-connection.js");
  const channel = `${prefix}:directory-invalidations`;
  const publisher = redisClient(url, { maxRetriesPerRequest: 2, connectionName: "agent-governance-publish" });
  // No retry limit: the SUBSCRIBE waits for the connection however long Redis is away.
  const subscriber = redisClient(url, { connectionName: "agent-governance-subscribe", maxRetriesPerRequest: null });
  publisher.on("error", onError);
  subscriber.on("error", onError);
  subscriber.on("message", (_channel: string, message: string) => {
    try {
      const change = JSON.parse(message) as MembershipChange;
      if (typeof change.org === "string") applyMembershipChange(cache, change);
    } catch (error) {
      onError(error);
    }
  });
  // A replica must start (and report itself unhealthy) even while Redis is down: wait for the
  // subscription briefly, then let ioredis subscribe whenever the connection comes (it
  // re-subscribes after every reconnect).
  const subscribed = subscriber.subscribe(channel).catch((error: unknown) => onError(error));
  await Promise.race([subscribed, new Promise((resolve) => setTimeout(resolve, SUBSCRIBE_WAIT_MS).unref())]);
  return {
    announce: async (change) => {
      // Locally first: this replica must not wait on Redis to stop trusting the old roster.
      applyMembershipChange(cache, change);
      try {
        await publisher.publish(channel, JSON.stringify(change));
      } catch (error) {
        onError(error);
      }
    },
    close: async () => {
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}

/**
 * The Octokit class the server gives Probot.
 *
 * - Pacing per installation follows GitHub's secondary rate limits (request-budget.ts): a
 *   content-creating request waits a second after the previous one and never exceeds 80 a
 *   minute or 500 an hour; reads (REST GET, GraphQL queries) only count against their points
 *   per minute, so an evaluation's reads never wait for a write slot. Probot keys its
 *   throttling by installation and the throttling plugin runs at most 10 requests of one
 *   installation at once, which bounds reads' concurrency. Review requests (they notify
 *   people) are spaced 3 s apart.
 * - With REDIS_URL the budgets are kept in Redis, shared by every replica (Probot's own
 *   Redis-backed throttling is not used: it spaces reads like writes and cannot run on a
 *   Redis Cluster).
 * - Rate limits are retried a bounded number of times (Probot's default retries forever, so a
 *   persistent limit would hold an evaluation — and its blocking failure report — hostage).
 * - GOVERNANCE_WRITE_INTERVAL_MS (a local GitHub simulator only) replaces GitHub's pacing by
 *   that spacing of writes and review requests, without ceilings; it never applies with
 *   REDIS_URL, where replicas pace as against GitHub.
 */
import type Bottleneck from "bottleneck";
import type { Octokit } from "@octokit/core";
import { createProbotAuth } from "octokit-auth-probot";
import { ProbotOctokit } from "probot";
import { GITHUB_BUDGETS, MemoryBudgetStore, RequestBudgets, systemClock, type Budget, type BudgetStore, type Clock } from "./request-budget.js";

/** Retries of one request after a primary or secondary rate limit before giving up. */
export const RATE_LIMIT_RETRIES = 3;

interface LimitLog {
  log: { warn(message: string): void };
}

function retryLimited(kind: string) {
  return (retryAfter: number, options: { method: string; url: string }, octokit: LimitLog, retryCount: number) => {
    const retry = retryCount < RATE_LIMIT_RETRIES;
    octokit.log.warn(
      `${kind} rate limit on ${options.method} ${options.url}: ` +
        (retry ? `retrying in ${retryAfter} s (retry ${retryCount + 1} of ${RATE_LIMIT_RETRIES})` : "giving up"),
    );
    return retry;
  };
}

/** The throttling plugin's write and notification groups, made pass-throughs: the budgets pace
 * those requests instead (its write spacing would also hold every GraphQL query for a slot). */
const UNPACED = { key: () => ({ schedule: <T>(_options: unknown, task: () => Promise<T>) => task() }) } as unknown as Bottleneck.Group;

type ProbotAuthOptions = Parameters<typeof createProbotAuth>[0] & { octokit?: unknown };

/**
 * Probot builds a new authenticated client for every webhook (`context.octokit`, ≈ 13 KB and a
 * fraction of a millisecond each). The app never uses it — a job authenticates where it runs,
 * on whichever replica — so deliveries get the app's own client instead, and a burst of
 * webhooks allocates only what its routing needs.
 */
function withoutEventClients(options: ProbotAuthOptions) {
  const auth = createProbotAuth(options);
  const skipEventClients = (authOptions: Parameters<typeof auth>[0]) =>
    (authOptions as { type?: string }).type === "event-octokit" ? Promise.resolve(options.octokit) : auth(authOptions);
  return Object.assign(skipEventClients, { hook: auth.hook });
}

export interface GovernanceOctokitOptions {
  /** Where the budgets' windows are kept (default: Redis with REDIS_URL, else this process). */
  store?: BudgetStore;
  clock?: Clock;
}

export interface PacingSettings {
  /** Spacing of writes per installation instead of GitHub's pacing (a local simulator only). */
  writeIntervalMs?: number;
  /** With a Redis URL the budgets are shared by the replicas, under the queue's key prefix. */
  queue?: { redisUrl: string | null; prefix: string };
}

export function governanceOctokit(settings: PacingSettings, options: GovernanceOctokitOptions = {}): typeof ProbotOctokit {
  const interval = settings.writeIntervalMs;
  const redis = settings.queue?.redisUrl ? { url: settings.queue.redisUrl, prefix: settings.queue.prefix } : null;
  const budgets: Partial<Record<Budget["name"], Budget>> =
    interval === undefined
      ? GITHUB_BUDGETS
      : { content: { name: "content", intervalMs: interval, windows: [] }, notifications: { name: "notifications", intervalMs: interval, windows: [] } };
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (redis ? lazyRedisStore(redis) : new MemoryBudgetStore(clock));
  const pacing = new RequestBudgets(budgets, store, clock);

  const paced = (octokit: Octokit, octokitOptions: { throttle?: { id?: string; enabled?: boolean } }) => {
    const installation = octokitOptions.throttle?.id;
    // The app's own client (no installation) only fetches tokens; nothing to pace.
    if (!installation || installation === "no-id" || octokitOptions.throttle?.enabled === false) return;
    octokit.hook.wrap("request", async (request, requestOptions) => {
      await pacing.spend(installation, requestOptions as { method: string; url: string; query?: unknown });
      return request(requestOptions);
    });
  };

  // A function, not an object: Probot passes its own `throttle` per instance, and an object
  // default would be replaced by it wholesale.
  return ProbotOctokit.plugin(paced).defaults((instanceOptions: Record<string, unknown>) => ({
    authStrategy: withoutEventClients,
    ...instanceOptions,
    throttle: {
      ...(instanceOptions.throttle as object),
      onRateLimit: retryLimited("primary"),
      onSecondaryRateLimit: retryLimited("secondary"),
      write: UNPACED,
      notifications: UNPACED,
    },
  })) as typeof ProbotOctokit;
}

/** ioredis is loaded only when REDIS_URL is set, and only once the first request is paced. */
function lazyRedisStore(redis: { url: string; prefix: string }): BudgetStore {
  let store: Promise<BudgetStore> | undefined;
  const open = async (): Promise<BudgetStore> => {
    const [{ RedisBudgetStore }, { redisClient }] = await Promise.all([import("./redis-request-budget.js"), import("../queue/redis-connection.js")]);
    const warn = (error: unknown) => console.warn("agent-governance: request budgets: Redis unavailable, pacing per process:", String(error));
    const client = redisClient(redis.url, { maxRetriesPerRequest: 2, commandTimeout: 5_000 });
    client.on("error", warn);
    return new RedisBudgetStore(client, redis.prefix, warn);
  };
  return {
    claim: async (installation, charges) => (await (store ??= open())).claim(installation, charges),
    close: async () => {
      if (store) await (await store).close?.();
    },
  };
}

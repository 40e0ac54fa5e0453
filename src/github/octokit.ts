/**
 * The Octokit class the server gives Probot.
 *
 * - Probot already keys its throttling by installation, so one organisation's writes never
 *   queue behind another's.
 * - Rate limits are retried a bounded number of times (Probot's default retries forever, so a
 *   persistent limit would hold an evaluation — and its blocking failure report — hostage).
 * - GitHub's guidance is about one content-creating request per second per installation, and
 *   the throttling plugin counts every GraphQL query as one; that spacing stays the default.
 *   GOVERNANCE_WRITE_INTERVAL_MS lowers it, and the 3 s spacing of review requests, for a local
 *   GitHub simulator; it never applies when REDIS_URL shares throttling across replicas.
 */
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

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

export function governanceOctokit(env: NodeJS.ProcessEnv): typeof ProbotOctokit {
  const interval = env.GOVERNANCE_WRITE_INTERVAL_MS;
  let write: Bottleneck.Group | undefined;
  // Requests that notify people (review requests) have their own, stricter spacing: 3 s.
  let notifications: Bottleneck.Group | undefined;
  if (interval !== undefined && interval !== "" && !env.REDIS_URL) {
    const minTime = Number(interval);
    if (!Number.isFinite(minTime) || minTime < 0) {
      throw new Error(`GOVERNANCE_WRITE_INTERVAL_MS must be a number of milliseconds ≥ 0, got "${interval}"`);
    }
    write = new Bottleneck.Group({ id: "agent-governance-write", maxConcurrent: minTime > 0 ? 1 : 10, minTime });
    notifications = new Bottleneck.Group({ id: "agent-governance-notifications", maxConcurrent: minTime > 0 ? 1 : 10, minTime });
  }
  // A function, not an object: Probot passes its own `throttle` per instance, and an object
  // default would be replaced by it wholesale.
  return ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: {
      ...(options.throttle as object),
      onRateLimit: retryLimited("primary"),
      onSecondaryRateLimit: retryLimited("secondary"),
      ...(write ? { write, notifications } : {}),
    },
  }));
}

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

/** `writeIntervalMs`: the spacing of writes per installation; unset keeps GitHub's guidance. */
export function governanceOctokit({ writeIntervalMs }: { writeIntervalMs?: number }): typeof ProbotOctokit {
  let write: Bottleneck.Group | undefined;
  // Requests that notify people (review requests) have their own, stricter spacing: 3 s.
  let notifications: Bottleneck.Group | undefined;
  if (writeIntervalMs !== undefined) {
    const minTime = writeIntervalMs;
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

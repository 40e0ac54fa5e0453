/**
 * Waiting out GitHub's limits (rate limits and 5xx are retried with backoff) for the
 * CLI's plain `@octokit/rest` client, which has no throttling or retry plugin. `retryDelay`
 * is the pure decision; `retryRateLimits` installs it as a request hook. Bounded: a wait
 * longer than `maxWaitMs`, or more than `maxRetries` in a row, gives up with GitHub's error.
 */
import type { Octokit } from "@octokit/core";

export interface RetryPolicy {
  /** Retries of one request before giving up. */
  maxRetries: number;
  /** The longest single wait; a primary limit resets within the hour. */
  maxWaitMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 5, maxWaitMs: 61 * 60 * 1000 };

/** What the failed response said, as far as retrying is concerned. */
export interface FailedResponse {
  status: number;
  headers: Record<string, string | number | undefined>;
  message: string;
}

export interface Retry {
  waitMs: number;
  reason: string;
}

/** GitHub: without a retry-after, wait at least a minute after a secondary rate limit. */
const SECONDARY_LIMIT_WAIT_MS = 60_000;
const SERVER_ERROR_BASE_MS = 1_000;
/** An outage or a wrong host should not keep a terminal waiting long: 1 + 2 + 4 seconds. */
const SERVER_ERROR_RETRIES = 3;
const SERVER_ERRORS = new Set([500, 502, 503, 504]);

/** null: do not retry (a real error, or waiting would take too long). */
export function retryDelay(failed: FailedResponse, attempt: number, now: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Retry | null {
  if (attempt >= policy.maxRetries) return null;
  const retry = retryFor(failed, attempt, now);
  return retry !== null && retry.waitMs <= policy.maxWaitMs ? retry : null;
}

function retryFor(failed: FailedResponse, attempt: number, now: number): Retry | null {
  const header = (name: string): string | undefined => {
    const value = failed.headers[name];
    return value === undefined ? undefined : String(value);
  };
  if (failed.status === 403 || failed.status === 429) {
    const retryAfter = Number(header("retry-after"));
    if (header("retry-after") !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
      return { waitMs: retryAfter * 1000, reason: `rate limited (HTTP ${failed.status}), GitHub asks to retry after ${retryAfter}s` };
    }
    const reset = Number(header("x-ratelimit-reset"));
    if (header("x-ratelimit-remaining") === "0" && Number.isFinite(reset)) {
      // One second past the reset: the clocks of GitHub and this machine differ a little.
      return { waitMs: Math.max(0, reset * 1000 - now) + 1000, reason: `rate limit exhausted, it resets at ${new Date(reset * 1000).toISOString()}` };
    }
    if (/secondary rate limit/i.test(failed.message)) {
      return { waitMs: SECONDARY_LIMIT_WAIT_MS, reason: "secondary rate limit" };
    }
    // A 403 without limit headers is a permission error: retrying changes nothing.
    return null;
  }
  if (SERVER_ERRORS.has(failed.status) && attempt < SERVER_ERROR_RETRIES) {
    return { waitMs: SERVER_ERROR_BASE_MS * 2 ** attempt, reason: `GitHub answered HTTP ${failed.status}` };
  }
  return null;
}

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** setTimeout as a promise that an interrupt (Ctrl-C) cuts short. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", stop, { once: true });
  });

export interface RetryHooks {
  sleep?: Sleep;
  signal?: AbortSignal;
  now?: () => number;
  policy?: RetryPolicy;
  /** Told before each wait, so a long one is never silent. */
  onRetry?: (retry: Retry, request: string) => void;
}

export function retryRateLimits(octokit: Pick<Octokit, "hook">, hooks: RetryHooks = {}): void {
  const wait = hooks.sleep ?? sleep;
  const now = hooks.now ?? Date.now;
  octokit.hook.wrap("request", async (request, options) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await request(options);
      } catch (error) {
        const failed = failedResponse(error);
        const retry = failed && !hooks.signal?.aborted ? retryDelay(failed, attempt, now(), hooks.policy) : null;
        if (retry === null) throw error;
        hooks.onRetry?.(retry, `${options.method} ${options.url}`);
        await wait(retry.waitMs, hooks.signal);
      }
    }
  });
}

function failedResponse(error: unknown): FailedResponse | null {
  const candidate = error as { status?: unknown; response?: { headers?: Record<string, string | number | undefined> }; message?: unknown } | null;
  if (typeof candidate?.status !== "number") return null;
  return {
    status: candidate.status,
    headers: candidate.response?.headers ?? {},
    message: typeof candidate.message === "string" ? candidate.message : "",
  };
}

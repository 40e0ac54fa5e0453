/**
 * Counts the app's GitHub requests and keeps the latest rate-limit headroom per installation
 * (the `githubRequests` and `rateLimitRemaining` metrics), and the content-creating requests
 * that GitHub's secondary limits count per installation (`githubContentWrites`). Installed once per Octokit
 * instance: Probot hands each webhook event its own, and a second hook on a reused one would
 * count every request twice. The hooks sit outside the retry plugin, so a request retried
 * three times counts once, with its final status.
 */
import type { Octokit } from "@octokit/core";
import type { Metrics } from "../observability/metrics.js";
import { isContentCreating } from "./request-budget.js";

type Hookable = Pick<Octokit, "hook">;

interface ResponseLike {
  status?: number;
  headers?: Record<string, unknown>;
}

interface RequestOptions {
  method: string;
  url: string;
  query?: unknown;
}

export type GitHubRequestCounter = (octokit: Hookable, installation: number | string) => void;

export function githubRequestCounter(metrics: Metrics): GitHubRequestCounter {
  const counted = new WeakSet<object>();
  return (octokit, installation) => {
    if (counted.has(octokit)) return;
    counted.add(octokit);
    const id = String(installation);
    const record = (options: RequestOptions, response: ResponseLike | undefined, fallbackStatus: string) => {
      metrics.githubRequests.inc({ installation: id, method: options.method.toUpperCase(), status: String(response?.status ?? fallbackStatus) });
      if (isContentCreating(options)) metrics.githubContentWrites.inc({ installation: id });
      const remaining = Number(response?.headers?.["x-ratelimit-remaining"]);
      if (response?.headers?.["x-ratelimit-remaining"] !== undefined && Number.isFinite(remaining)) {
        metrics.rateLimitRemaining.set({ installation: id }, remaining);
      }
    };
    octokit.hook.after("request", (response, options) => {
      record(options, response as ResponseLike, "200");
    });
    octokit.hook.error("request", (error, options) => {
      // No response at all (timeout, connection refused) counts as status "error".
      record(options, (error as { response?: ResponseLike }).response ?? { status: (error as { status?: number }).status }, "error");
      throw error;
    });
  };
}

/**
 * Prometheus metrics (served at GET /metrics). One registry per app instance so tests that
 * start several apps in one process do not share counters.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

export interface Metrics {
  registry: Registry;
  webhooks: Counter<"event" | "outcome">;
  evaluations: Histogram<"outcome">;
  decisions: Counter<"conclusion">;
  githubRequests: Counter<"installation" | "method" | "status">;
  githubContentWrites: Counter<"installation">;
  rateLimitRemaining: Gauge<"installation">;
  queueDepth: Gauge<"state">;
}

export function createMetrics(options: { defaultMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.defaultMetrics) collectDefaultMetrics({ register: registry, prefix: "agent_governance_" });
  return {
    registry,
    webhooks: new Counter({
      name: "agent_governance_webhooks_total",
      help: "Webhooks received, by event and outcome (queued, ignored, rejected).",
      labelNames: ["event", "outcome"],
      registers: [registry],
    }),
    evaluations: new Histogram({
      name: "agent_governance_evaluation_seconds",
      help: "Time to evaluate one pull request: gather facts, evaluate, report.",
      labelNames: ["outcome"],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers: [registry],
    }),
    decisions: new Counter({
      name: "agent_governance_decisions_total",
      help: "Decisions reported, by check-run conclusion.",
      labelNames: ["conclusion"],
      registers: [registry],
    }),
    githubRequests: new Counter({
      name: "agent_governance_github_requests_total",
      help: "GitHub API requests, by installation, method and HTTP status.",
      labelNames: ["installation", "method", "status"],
      registers: [registry],
    }),
    githubContentWrites: new Counter({
      name: "agent_governance_github_content_writes_total",
      help: "Content-creating GitHub requests by installation (GitHub allows about 80 a minute and 500 an hour).",
      labelNames: ["installation"],
      registers: [registry],
    }),
    rateLimitRemaining: new Gauge({
      name: "agent_governance_github_rate_limit_remaining",
      help: "x-ratelimit-remaining of the latest GitHub response, by installation.",
      labelNames: ["installation"],
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: "agent_governance_queue_depth",
      help: "Evaluations running and waiting in this process.",
      labelNames: ["state"],
      registers: [registry],
    }),
  };
}

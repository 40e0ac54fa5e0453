/** `GET /metrics`: Prometheus text, with the queue depth read at scrape time. */
import type { Metrics } from "../observability/metrics.js";
import type { Endpoint } from "./endpoints.js";
import { queueStats, type QueueStatus } from "./health.js";

export function metricsEndpoint(metrics: Metrics, queue: QueueStatus): Endpoint {
  return async (_req, res) => {
    const stats = await queueStats(queue);
    if (stats) {
      metrics.queueDepth.set({ state: "running" }, stats.running);
      metrics.queueDepth.set({ state: "waiting" }, stats.waiting);
    }
    res.writeHead(200, { "content-type": metrics.registry.contentType });
    res.end(await metrics.registry.metrics());
  };
}

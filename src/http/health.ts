/**
 * `GET /healthz` for load balancers: 503 when the ledger or Redis does not answer (with Redis
 * configured, webhooks cannot be queued without it: the replica is down).
 */
import type { Ledger } from "../ledger/index.js";
import type { WorkQueue } from "../queue/work-queue.js";
import { sendJson, type Endpoint } from "./endpoints.js";

export type QueueStatus = Pick<WorkQueue<unknown>, "kind" | "ping" | "stats">;

export function healthEndpoint(ledger: Ledger | null, queue: QueueStatus): Endpoint {
  return async (_req, res) => {
    const [ledgerUp, redisUp] = await Promise.all([ledger ? ledger.ping() : null, queue.ping()]);
    const healthy = ledgerUp !== false && redisUp !== false;
    sendJson(res, healthy ? 200 : 503, {
      status: healthy ? "ok" : "unavailable",
      ledger: ledger ? { driver: ledger.driver, reachable: ledgerUp } : { configured: false },
      redis: redisUp === null ? { configured: false } : { configured: true, reachable: redisUp },
      queue: { kind: queue.kind, ...(await queueStats(queue)) },
    });
  };
}

/** null when the queue's store does not answer (Redis down). */
export function queueStats(queue: QueueStatus) {
  return queue.stats().catch(() => null);
}

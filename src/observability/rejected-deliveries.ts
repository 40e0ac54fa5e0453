/**
 * Counts deliveries refused for a bad signature (Probot answers them 400 before any handler
 * runs, so only its error hook sees them).
 */
import type { Metrics } from "./metrics.js";

type Cause = { status?: number; message?: string; event?: { name?: string } } | null;

export function countRejectedDeliveries(metrics: Metrics): (error: unknown) => void {
  return (error) => {
    const causes = ((error as { errors?: unknown[] }).errors ?? [error]) as Cause[];
    const refused = causes.find((cause) => cause?.status === 400 && /signature/i.test(cause.message ?? ""));
    if (refused) metrics.webhooks.inc({ event: refused.event?.name ?? "unknown", outcome: "rejected" });
  };
}

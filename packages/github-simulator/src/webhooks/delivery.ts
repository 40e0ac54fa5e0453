/** Delivers a webhook the way GitHub does: JSON body, HMAC signatures, GitHub's headers. */
import { createHmac, randomUUID } from "node:crypto";

export interface DeliveryResult {
  status: number;
  body: string;
  deliveryId: string;
  event: string;
  action?: string;
  durationMs: number;
}

export function signWebhook(secret: string, body: string, algorithm: "sha256" | "sha1" = "sha256"): string {
  return `${algorithm}=${createHmac(algorithm, secret).update(body).digest("hex")}`;
}

export interface DeliveryTarget {
  url: string;
  secret: string;
  appId: number;
  hookId: number;
}

export async function deliverWebhook(target: DeliveryTarget, event: string, payload: Record<string, unknown>): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const deliveryId = randomUUID();
  const started = performance.now();
  // fetch rather than node:http: an HTTP mock left active on node:http by another test file in
  // the same Jest worker (nock patches the shared core module) must not swallow deliveries.
  const response = await fetch(target.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/simulator",
      "x-github-event": event,
      "x-github-delivery": deliveryId,
      "x-github-hook-id": String(target.hookId),
      "x-github-hook-installation-target-id": String(target.appId),
      "x-github-hook-installation-target-type": "integration",
      "x-hub-signature": signWebhook(target.secret, body, "sha1"),
      "x-hub-signature-256": signWebhook(target.secret, body),
    },
    body,
    // GitHub gives up on a delivery after ten seconds.
    signal: AbortSignal.timeout(10_000),
  });
  return {
    status: response.status,
    body: await response.text(),
    deliveryId,
    event,
    action: typeof payload.action === "string" ? payload.action : undefined,
    durationMs: performance.now() - started,
  };
}

/** Delivers a webhook the way GitHub does: JSON body, HMAC signatures, GitHub's headers. */
import { createHmac, randomUUID } from "node:crypto";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

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

export function deliverWebhook(target: DeliveryTarget, event: string, payload: Record<string, unknown>): Promise<DeliveryResult> {
  const body = JSON.stringify(payload);
  const deliveryId = randomUUID();
  const url = new URL(target.url);
  const started = performance.now();
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(body)),
    "user-agent": "GitHub-Hookshot/simulator",
    "x-github-event": event,
    "x-github-delivery": deliveryId,
    "x-github-hook-id": String(target.hookId),
    "x-github-hook-installation-target-id": String(target.appId),
    "x-github-hook-installation-target-type": "integration",
    "x-hub-signature": signWebhook(target.secret, body, "sha1"),
    "x-hub-signature-256": signWebhook(target.secret, body),
  };
  return new Promise((resolve, reject) => {
    const req = send(url, { method: "POST", headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString("utf8"),
          deliveryId,
          event,
          action: typeof payload.action === "string" ? payload.action : undefined,
          durationMs: performance.now() - started,
        }),
      );
      res.on("error", reject);
    });
    // GitHub gives up on a delivery after ten seconds.
    req.setTimeout(10_000, () => req.destroy(new Error(`webhook delivery to ${target.url} timed out after 10s`)));
    req.on("error", reject);
    req.end(body);
  });
}

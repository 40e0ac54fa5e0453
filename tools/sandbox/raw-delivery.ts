/**
 * A webhook POSTed as raw bytes with GitHub's headers: for what `Simulator.deliver` cannot
 * send — the same delivery twice, a forged signature, a body that is not JSON.
 */
import { randomUUID } from "node:crypto";
import { signWebhook } from "@agent-governance/github-simulator";

export interface RawDelivery {
  event: string;
  body: string;
  /** Default: a new UUID. Pass the same id twice to redeliver. */
  deliveryId?: string;
  /** Default: the body signed with `secret`. */
  signature?: string;
}

export interface RawResponse {
  status: number;
  body: string;
}

export async function postWebhook(url: string, secret: string, delivery: RawDelivery): Promise<RawResponse> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/simulator",
      "x-github-event": delivery.event,
      "x-github-delivery": delivery.deliveryId ?? randomUUID(),
      "x-hub-signature-256": delivery.signature ?? signWebhook(secret, delivery.body),
    },
    body: delivery.body,
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, body: await response.text() };
}

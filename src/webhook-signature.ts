/**
 * Webhook signatures checked before Probot sees a delivery. Probot's own check logs a
 * rejected delivery as two error entries carrying the whole payload and two stack traces;
 * a forged or misconfigured delivery is hostile input and must never reach the logs, so it
 * is refused here with one line that names the delivery, its event and the reason.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type SignedBody = { ok: true; body: string } | { ok: false; status: 400 | 413; reason: string };

/** Reads the request body (at most `maxBytes`) and checks its `x-hub-signature-256`. */
export async function readSignedBody(req: IncomingMessage, secret: string, maxBytes: number): Promise<SignedBody> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, status: 413, reason: `payload larger than ${maxBytes} bytes` };
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  const header = req.headers["x-hub-signature-256"];
  if (typeof header !== "string" || header === "") return { ok: false, status: 400, reason: "signature missing (x-hub-signature-256)" };
  if (!signatureMatches(secret, body, header)) return { ok: false, status: 400, reason: "signature does not match event payload and secret" };
  return { ok: true, body: body.toString("utf8") };
}

function signatureMatches(secret: string, body: Buffer, header: string): boolean {
  const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

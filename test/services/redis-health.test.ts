/**
 * /healthz of the built server with REDIS_URL: Redis is a required dependency then (webhooks
 * cannot be queued without it), so it is reported, and its loss makes the replica unhealthy.
 * Needs `npm run build` and Redis (REDIS_TEST_URL).
 */
import { afterAll, describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { startSandbox, type Sandbox } from "../../tools/sandbox/sandbox.js";

jest.setTimeout(60_000);

const URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const prefix = `agent-governance-test-${randomBytes(5).toString("hex")}`;
const sandboxes: Sandbox[] = [];

async function serverWith(redisUrl: string): Promise<Sandbox> {
  const sandbox = await startSandbox({ launcher: "node", env: { REDIS_URL: redisUrl, GOVERNANCE_QUEUE_PREFIX: prefix } });
  sandboxes.push(sandbox);
  return sandbox;
}

afterAll(async () => {
  await Promise.all(sandboxes.map((s) => s.close()));
  const admin = new Redis(URL);
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length) await admin.del(...keys);
  await admin.quit();
});

describe("/healthz with REDIS_URL", () => {
  it("reports Redis reachable and the shared queue", async () => {
    const { app } = await serverWith(URL);
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      redis: { configured: true, reachable: true },
      queue: { kind: "redis", running: 0, waiting: 0 },
    });
  });

  it("answers 503 when Redis does not answer", async () => {
    // A port nothing listens on: the replica starts, but cannot queue work.
    const { app } = await serverWith("redis://127.0.0.1:1");
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "unavailable", redis: { configured: true, reachable: false } });
  });
});

/**
 * What the server says with an operator's plain configuration: it logs at `info` when
 * LOG_LEVEL is not set, a forged delivery costs one log line that never carries the body,
 * and a wrong private key is named for what is wrong with it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startAppProcess, type AppProcess } from "../../tools/sandbox/app-process.js";
import { postWebhook } from "../../tools/sandbox/raw-delivery.js";

jest.setTimeout(60_000);

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
});
const webhookSecret = randomBytes(20).toString("hex");
let dataDir: string;

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), "agent-governance-logs-"));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The server as `npm start` runs it, with no LOG_LEVEL (the app-process helper drops the parent's). */
const start = (env: Record<string, string> = {}) =>
  startAppProcess({
    launcher: "node",
    env: { APP_ID: "4242", PRIVATE_KEY: privateKey, WEBHOOK_SECRET: webhookSecret, PORT: "0", HOST: "127.0.0.1", LOG_FORMAT: "json", GOVERNANCE_DATA_DIR: dataDir, ...env },
  });

/** One server for the tests of a describe block. */
function useServer(): () => AppProcess {
  let app: AppProcess | undefined;
  beforeAll(async () => {
    app = await start();
  });
  afterAll(() => app?.stop());
  return () => app!;
}

describe("without LOG_LEVEL", () => {
  const server = useServer();

  it("logs at info: its start, and its shutdown on SIGTERM", async () => {
    const app = server();
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    await app.stop();
    const messages = app.logs.map((line) => line.json?.msg);
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/listening on port/), expect.stringMatching(/shutting down/)]));
    expect(app.exitCode()).toBe(0);
  });
});

describe("a delivery with a bad signature", () => {
  const server = useServer();

  it("is refused with 400 and logged as one line with its delivery id, event and reason, never its body", async () => {
    const app = server();
    const deliveryId = randomUUID();
    const body = JSON.stringify({ action: "opened", pull_request: { title: "HOSTILE-TITLE-3f9a", body: "x".repeat(3000) } });
    const before = app.logs.length;

    const response = await postWebhook(app.webhookUrl, webhookSecret, { event: "pull_request", body, deliveryId, signature: "sha256=" + "0".repeat(64) });
    // The next request is answered after the rejection was logged.
    await fetch(`${app.url}/healthz`);

    expect(response.status).toBe(400);
    expect(response.body).toMatch(/signature does not match/);
    const lines = app.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.json).toMatchObject({ msg: "webhook rejected", delivery: deliveryId, event: "pull_request", reason: expect.stringMatching(/signature/) });
    expect(lines[0]!.text).not.toMatch(/HOSTILE-TITLE|stack/);
  });
});

describe("a private key that cannot be used", () => {
  it.each([
    ["PRIVATE_KEY_PATH names a file that does not exist", { PRIVATE_KEY: "", PRIVATE_KEY_PATH: "/nope.pem" }, /PRIVATE_KEY_PATH \/nope\.pem: file not found/],
    ["PRIVATE_KEY is not a key", { PRIVATE_KEY: "notakey" }, /PRIVATE_KEY: not a PEM private key/],
  ])("stops the server with a message that says so when %s", async (_when, env, message) => {
    const refused = start({ NODE_ENV: "production", ...env });
    await expect(refused).rejects.toThrow(message);
    await expect(refused).rejects.not.toThrow(/not set/);
  });
});

/**
 * Two app processes sharing one PostgreSQL ledger receive the same webhooks at the same moment:
 * each merge and each revert is recorded exactly once.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { AppProcess } from "../../tools/sandbox/app-process.js";
import { postWebhook } from "../../tools/sandbox/raw-delivery.js";
import { startSandbox, type Sandbox } from "../../tools/sandbox/sandbox.js";
import { openLedger } from "../../src/ledger/index.js";
import { aiMessage } from "../e2e/stage.js";

const SERVER = process.env.LEDGER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
const database = `ag_two_${randomBytes(6).toString("hex")}`;
const admin = new pg.Client({ connectionString: SERVER });
let sandbox: Sandbox | undefined;
let second: AppProcess | undefined;
let databaseUrl = "";

jest.setTimeout(90_000);

beforeAll(async () => {
  await admin.connect();
  await admin.query(`create database ${database}`);
  const url = new URL(SERVER);
  url.pathname = `/${database}`;
  databaseUrl = url.toString();
  sandbox = await startSandbox({ env: { DATABASE_URL: databaseUrl } });
  second = await sandbox.startReplica();
}, 90_000);

afterAll(async () => {
  await sandbox?.close();
  await admin.query(`drop database if exists ${database} with (force)`);
  await admin.end();
}, 30_000);

/** The same delivery (same id, same bytes) to both processes at once. */
async function deliverToBoth(event: string, action: string | undefined, input: Record<string, unknown>): Promise<void> {
  const s = sandbox!;
  const body = JSON.stringify(s.sim.payload(event, action, input));
  const deliveryId = randomBytes(8).toString("hex");
  const answers = await Promise.all(
    [s.app, second!].map((app) => postWebhook(app.webhookUrl, s.webhookSecret, { event, body, deliveryId })),
  );
  expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
}

describe("two app processes, one PostgreSQL ledger", () => {
  it("record each merge and each revert exactly once", async () => {
    const s = sandbox!;
    const { world } = s;
    world.addOrg("acme", { members: ["alice", "bob"] });
    world.addRepo("acme", "shared", {});
    const repo = "acme/shared";

    const merges = [];
    for (let i = 1; i <= 6; i++) {
      const pr = world.openPullRequest({
        repo,
        author: "alice",
        head: `feature-${i}`,
        commits: [{ message: aiMessage(`Change ${i}`), files: [{ path: `src/change-${i}.ts`, additions: 2 }] }],
      });
      merges.push(world.merge(pr, { by: "bob" }));
      await deliverToBoth("pull_request", "closed", { pr, sender: "bob" });
    }
    world.commit(repo, "main", { message: `Revert "Change 2"\n\nThis reverts commit ${merges[1].sha}.\n` }, { pusher: "bob" });
    await deliverToBoth("push", undefined, { repo, sender: "bob" });
    await Promise.all([s.app.idle(), second!.idle()]);

    const ledger = await openLedger({ databaseUrl });
    try {
      const records = await ledger.trackRecords({ owner: "acme", repo: "shared" }, new Date(Date.now() - 86_400_000));
      expect(records).toEqual([expect.objectContaining({ agent: "claude-code", merged: 6, reverted: 1 })]);
    } finally {
      await ledger.close();
    }
  });
});

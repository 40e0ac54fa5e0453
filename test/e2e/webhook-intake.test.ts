/**
 * What reaches the webhook endpoint of the production server: Done when (f) — a bad signature
 * is refused with 400 and nothing is written to GitHub — and the intake cases: the
 * same delivery twice gives one check run, a 1 MiB body is handled, malformed JSON and
 * oversized bodies get a clear 4xx, and the process keeps serving after each.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { randomUUID } from "node:crypto";
import { postWebhook } from "../../tools/sandbox/raw-delivery.js";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice"] });
});

function openPullRequest(): PullRecord {
  const name = freshRepo("intake");
  sandbox().world.addRepo("acme", name);
  return sandbox().world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "feature/x", commits: [{ message: aiMessage("Add x") }] });
}

const post = (event: string, body: string, extra: { deliveryId?: string; signature?: string } = {}) =>
  postWebhook(sandbox().app.webhookUrl, sandbox().webhookSecret, { event, body, ...extra });

/** The app still evaluates a fresh pull request end to end. */
async function expectStillServing(): Promise<void> {
  const pr = openPullRequest();
  const delivery = await sandbox().deliver("pull_request", "opened", { pr });
  expect(delivery.status).toBe(200);
  expect(verdictOf(sandbox().world, pr).conclusion).toBe("action_required");
  expect(sandbox().app.exited()).toBe(false);
}

describe("webhook signatures", () => {
  it.each([
    ["signed with another secret", "sha256=" + "0".repeat(64)],
    ["with a malformed signature header", "not-a-signature"],
  ])("rejects a delivery %s with 400 and makes no GitHub request", async (_how, signature) => {
    const pr = openPullRequest();
    sandbox().sim.resetRequests();

    const response = await post("pull_request", JSON.stringify(sandbox().sim.payload("pull_request", "opened", { pr })), { signature });
    await sandbox().settle();

    expect(response.status).toBe(400);
    expect(response.body).toMatch(/signature/);
    expect(sandbox().sim.requests()).toEqual([]);
    expect(verdictOf(sandbox().world, pr).runCount).toBe(0);
  });
});

/** The server's output reaches this process through a pipe, after its HTTP answer: wait for the line. */
async function logged(deliveryId: string): Promise<void> {
  for (let waited = 0; waited < 5_000 && !sandbox().app.logs.some((line) => line.text.includes(deliveryId)); waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("signed payloads the app cannot read", () => {
  it.each([
    ["pull_request", "a null pull_request", (payload: Record<string, unknown>) => ({ ...payload, pull_request: null }), /`pull_request` must be object/],
    ["pull_request", "no repository", ({ repository: _, ...payload }: Record<string, unknown>) => payload, /`repository` is missing/],
    ["pull_request", "a pull request without a number", (payload: Record<string, unknown>) => ({ ...payload, pull_request: { title: "x" } }), /`pull_request.number` is missing/],
  ])("%s with %s is refused with 400 and one log line naming the delivery, event and reason", async (event, _what, spoil, reason) => {
    const pr = openPullRequest();
    const payload = spoil(sandbox().sim.payload("pull_request", "opened", { pr }) as Record<string, unknown>);
    const deliveryId = randomUUID();
    const before = sandbox().app.logs.length;

    const response = await post(event, JSON.stringify(payload), { deliveryId });
    await sandbox().settle();
    await logged(deliveryId);

    expect(response.status).toBe(400);
    expect(response.body).toMatch(reason);
    const lines = sandbox().app.logs.slice(before);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.json).toMatchObject({ level: 40, msg: "webhook rejected", delivery: deliveryId, event, reason: expect.stringMatching(reason) });
    expect(lines[0]!.text).not.toMatch(/stack|"body"/);
    expect(verdictOf(sandbox().world, pr).runCount).toBe(0);
  });
});

describe("duplicate delivery", () => {
  it.each([
    ["one after the other", false],
    ["at the same moment", true],
  ])("of the same webhook %s writes one check run", async (_when, together) => {
    const pr = openPullRequest();
    const body = JSON.stringify(sandbox().sim.payload("pull_request", "opened", { pr }));
    const deliveryId = randomUUID();

    const responses = together
      ? await Promise.all([post("pull_request", body, { deliveryId }), post("pull_request", body, { deliveryId })])
      : [await post("pull_request", body, { deliveryId }), await post("pull_request", body, { deliveryId })];
    await sandbox().settle();

    expect(responses.map((r) => r.status)).toEqual([200, 200]);
    expect(sandbox().world.checkRunsFor(pr.repo, sandbox().world.headSha(pr))).toHaveLength(1);
    expect(verdictOf(sandbox().world, pr).conclusion).toBe("action_required");
  });
});

describe("bodies that are not ordinary", () => {
  it("evaluates a 1 MiB delivery", async () => {
    const pr = openPullRequest();
    const payload = sandbox().sim.payload("pull_request", "opened", { pr }) as { pull_request: { body: string } };
    payload.pull_request.body = "A long description. ".repeat(52_429);
    const body = JSON.stringify(payload);
    expect(body.length).toBeGreaterThan(1024 * 1024);

    const response = await post("pull_request", body);
    await sandbox().settle();

    expect(response.status).toBe(200);
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ runCount: 1, conclusion: "action_required" });
  });

  it("answers malformed JSON with 400 naming the problem, and keeps serving", async () => {
    const response = await post("pull_request", '{"action": "opened", "pull_request": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatch(/JSON/);
    await expectStillServing();
  });

  it("refuses a body larger than GitHub ever sends with 413, and keeps serving", async () => {
    const response = await post("pull_request", `{"padding": "${"x".repeat(26 * 1024 * 1024)}"}`);
    expect(response.status).toBe(413);
    await expectStillServing();
  });
});

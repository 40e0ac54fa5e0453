/**
 * The server as operators run it (`npm start`, NODE_ENV=production, LOG_FORMAT=json): one
 * structured log line per decision and no secret in any line, /healthz and /metrics beside
 * the webhook path, a clear refusal to start without configuration, and a graceful stop.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { startAppProcess } from "../../tools/sandbox/app-process.js";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice"] });
});

async function evaluateOne() {
  const name = freshRepo("prod");
  sandbox().world.addRepo("acme", name);
  const pr = sandbox().world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "agent/x", commits: [{ message: aiMessage("Add x") }] });
  await sandbox().deliver("pull_request", "opened", { pr });
  return pr;
}

describe("the production server", () => {
  it("logs one JSON line per decision with repository, PR, head SHA and conclusion", async () => {
    const pr = await evaluateOne();
    const decisions = sandbox()
      .app.logs.map((line) => line.json)
      .filter((json) => json?.msg === "decision" && json.repo === pr.repo);
    expect(decisions).toEqual([
      expect.objectContaining({ repo: pr.repo, pr: pr.number, sha: sandbox().world.headSha(pr), conclusion: "action_required" }),
    ]);
  });

  it("writes every log line as JSON and never logs the private key, webhook secret or tokens", async () => {
    await evaluateOne();
    const logs = sandbox().app.logs;
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.filter((line) => line.stream === "stdout" && line.json === undefined)).toEqual([]);
    const text = logs.map((line) => line.text).join("\n");
    expect(text).not.toContain(sandbox().webhookSecret);
    expect(text).not.toMatch(/PRIVATE KEY|\bghs_[A-Za-z0-9]{8,}|\bv1\.[0-9a-f]{20,}/);
  });

  it("answers /healthz with the ledger's state and the queue", async () => {
    const response = await fetch(`${sandbox().app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "ok",
      ledger: { driver: "sqlite", reachable: true },
      queue: { running: 0, waiting: 0 },
    });
  });

  it("serves Prometheus metrics that count the decisions", async () => {
    await evaluateOne();
    const response = await fetch(`${sandbox().app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/plain/);
    expect(await response.text()).toMatch(/conclusion="action_required"} [1-9]/);
  });

  it("refuses to start in production without its GitHub App configuration", async () => {
    const start = startAppProcess({ env: { NODE_ENV: "production", PORT: "0" } });
    await expect(start).rejects.toThrow(/cannot start: APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, WEBHOOK_SECRET not set/);
  });

  it("finishes queued work and exits 0 on SIGTERM", async () => {
    const pr = await evaluateOne();
    await sandbox().app.stop();
    expect(sandbox().app.exitCode()).toBe(0);
    expect(verdictOf(sandbox().world, pr).runCount).toBe(1);
    await sandbox().restartApp();
  });
});

/**
 * The HTTP side of the app. Webhooks with a bad signature are
 * rejected with 400 and touch nothing on GitHub; /healthz and /metrics answer beside the
 * webhook path. Served the way `npm start` serves it: Probot's `createNodeMiddleware`.
 */
import { createHmac } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import nock from "nock";
import { createNodeMiddleware } from "probot";
import { agentGovernance, type AgentGovernanceApp } from "../../src/app.js";
import { openLedger, type Ledger } from "../../src/ledger/index.js";
import { githubRequestCounter } from "../../src/github/request-counter.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { APP_ID, CLAUDE_TRAILER, SHA_1, graphqlPullRequest, pullRequestEvent } from "./fixtures.js";
import { GitHubApi, releaseNock, testProbot } from "./harness.js";

const SECRET = "webhook-secret-for-tests";
const WEBHOOK_PATH = "/api/github/webhooks";

interface Answer {
  status: number;
  type: string;
  body: string;
}

type Middleware = (req: IncomingMessage, res: ServerResponse, next?: () => void) => unknown;

let middleware: Middleware;
let api: GitHubApi;
let app: AgentGovernanceApp;
let ledger: Ledger;

/**
 * One HTTP exchange with the middleware, in process: a readable request and a response that
 * records what is written. (A real socket would need nock to let loopback through, which
 * other test files' nock instances in the same worker do not.)
 */
function send(method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = Object.assign(Readable.from(body === undefined ? [] : [Buffer.from(body)]), {
      method,
      url: path,
      headers: { host: "localhost", ...headers },
    }) as unknown as IncomingMessage;
    let status = 200;
    const sent: Record<string, string> = {};
    const res = {
      statusCode: 200,
      setHeader(name: string, value: string) {
        sent[name.toLowerCase()] = String(value);
        return res;
      },
      writeHead(code: number, headerMap: Record<string, string> = {}) {
        status = code;
        for (const [name, value] of Object.entries(headerMap)) sent[name.toLowerCase()] = String(value);
        return res;
      },
      end(chunk?: string | Buffer) {
        resolve({ status, type: sent["content-type"] ?? "", body: chunk === undefined ? "" : String(chunk) });
        return res;
      },
    } as unknown as ServerResponse;
    Promise.resolve(
      middleware(req, res, () => {
        res.writeHead(404).end();
      }),
    ).catch(reject);
  });
}

function deliver(name: string, payload: unknown, signature?: string): Promise<Answer> {
  const body = JSON.stringify(payload);
  return send("POST", WEBHOOK_PATH, body, {
    "content-type": "application/json",
    "x-github-event": name,
    "x-github-delivery": `delivery-${Math.random().toString(16).slice(2)}`,
    "x-hub-signature-256": signature ?? `sha256=${createHmac("sha256", SECRET).update(body).digest("hex")}`,
  });
}

beforeAll(() => nock.disableNetConnect());
afterAll(releaseNock);

beforeEach(async () => {
  api = new GitHubApi();
  ledger = await openLedger({ sqliteFile: ":memory:" });
  app = agentGovernance({ ledger, appId: APP_ID, metrics: createMetrics() });
  const probot = testProbot({ secret: SECRET });
  middleware = await createNodeMiddleware(app, { probot, webhooksPath: WEBHOOK_PATH });
});

afterEach(async () => {
  await app.idle();
  await ledger.close();
  api.dispose();
});

const aiPullRequest = {
  headSha: SHA_1,
  commits: [{ sha: SHA_1, message: `Add a limiter\n\n${CLAUDE_TRAILER}\n` }],
};

describe("webhook signatures", () => {
  it("rejects a delivery with a bad signature with 400 and makes no GitHub request", async () => {
    const answer = await deliver("pull_request", pullRequestEvent("opened"), "sha256=bad");
    await app.idle();

    expect(answer.status).toBe(400);
    expect(api.requests).toEqual([]);
    expect(api.unexpected).toEqual([]);
  });

  it("counts a rejected delivery in the webhook metrics", async () => {
    await deliver("pull_request", pullRequestEvent("opened"), "sha256=bad");

    const metrics = await send("GET", "/metrics");

    expect(metrics.body).toContain('agent_governance_webhooks_total{event="pull_request",outcome="rejected"} 1');
    expect(metrics.body).not.toContain('outcome="queued"');
  });

  it("rejects a bad signature given to Probot's verifyAndReceive with status 400", async () => {
    const probot = testProbot({ secret: SECRET });
    const other = agentGovernance({ ledger: null, appId: APP_ID, metrics: createMetrics() });
    await probot.load(other, { cwd: process.cwd(), addHandler: () => undefined });

    const receiving = probot.webhooks.verifyAndReceive({
      id: "bad-signature",
      name: "pull_request",
      payload: JSON.stringify(pullRequestEvent("opened")),
      signature: "sha256=bad",
    });

    // @octokit/webhooks wraps handler errors in an AggregateError; the 400 is on its cause.
    const error = (await receiving.then(() => null, (e: unknown) => e)) as AggregateError & { status?: number };
    expect(error).toBeInstanceOf(Error);
    expect([error.status, ...(error.errors ?? []).map((e: { status?: number }) => e.status)]).toContain(400);
    await other.idle();
    expect(api.requests).toEqual([]);
    expect(api.unexpected).toEqual([]);
  });

  it("accepts a correctly signed delivery and evaluates the pull request", async () => {
    api.token().facts(aiPullRequest).listCheckRuns(SHA_1).createCheckRun(1).addLabels();

    const answer = await deliver("pull_request", pullRequestEvent("opened"));
    await app.idle();

    expect(answer.status).toBe(200);
    api.verify();
    expect(api.lastCheckRun().conclusion).toBe("action_required");
  });
});

describe("/healthz and /metrics", () => {
  it("answers /healthz with 200 and the ledger's state", async () => {
    const answer = await send("GET", "/healthz");

    expect(answer.status).toBe(200);
    expect(answer.type).toContain("application/json");
    expect(JSON.parse(answer.body)).toMatchObject({
      status: "ok",
      ledger: { driver: "sqlite", reachable: true },
      queue: { running: 0, waiting: 0 },
    });
  });

  it("answers /healthz with 503 when the ledger does not answer", async () => {
    await ledger.close();
    ledger = { ...ledger, ping: async () => false, close: async () => undefined } as Ledger;
    const broken = agentGovernance({ ledger, appId: APP_ID, metrics: createMetrics() });
    middleware = await createNodeMiddleware(broken, { probot: testProbot({ secret: SECRET }), webhooksPath: WEBHOOK_PATH });

    const answer = await send("GET", "/healthz");

    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body)).toMatchObject({ status: "unavailable", ledger: { reachable: false } });
  });

  it("serves Prometheus metrics counting webhooks and decisions", async () => {
    api.token().facts(aiPullRequest).listCheckRuns(SHA_1).createCheckRun(1).addLabels();
    await deliver("pull_request", pullRequestEvent("opened"));
    await app.idle();

    const answer = await send("GET", "/metrics");

    expect(answer.status).toBe(200);
    expect(answer.type).toContain("text/plain");
    expect(answer.body).toContain('agent_governance_webhooks_total{event="pull_request.opened",outcome="queued"} 1');
    expect(answer.body).toContain('agent_governance_decisions_total{conclusion="action_required"} 1');
  });

  it("counts the evaluation's GitHub requests by installation, method and status", async () => {
    api.token().facts(aiPullRequest).listCheckRuns(SHA_1).createCheckRun(1).addLabels();
    await deliver("pull_request", pullRequestEvent("opened"));
    await app.idle();

    const { body } = await send("GET", "/metrics");

    // POST /graphql and POST …/labels (200), GET …/check-runs (200); 201: the installation
    // token and POST …/check-runs.
    expect(body).toContain('agent_governance_github_requests_total{installation="4242",method="POST",status="200"} 2');
    expect(body).toContain('agent_governance_github_requests_total{installation="4242",method="GET",status="200"} 1');
    expect(body).toContain('agent_governance_github_requests_total{installation="4242",method="POST",status="201"} 2');
  });

  it("counts a failed GitHub request with its status", async () => {
    api.token().factsFailing(502).listCheckRuns(SHA_1).createCheckRun(1);
    await deliver("pull_request", pullRequestEvent("opened"));
    await app.idle();

    const { body } = await send("GET", "/metrics");

    expect(body).toContain('agent_governance_github_requests_total{installation="4242",method="POST",status="502"} 1');
  });

  it("counts each request once however often one client is handed out", async () => {
    const metrics = createMetrics();
    const count = githubRequestCounter(metrics);
    const octokit = new Octokit({ auth: "test-token" });
    count(octokit, 4242);
    count(octokit, 4242);
    api.scope().get("/rate_limit").reply(200, {});

    await octokit.request("GET /rate_limit");

    expect(await metrics.registry.metrics()).toContain(
      'agent_governance_github_requests_total{installation="4242",method="GET",status="200"} 1',
    );
  });

  it("shows the rate-limit headroom GitHub reported last, per installation", async () => {
    api.token();
    api.scope().post("/graphql").reply(200, graphqlPullRequest(aiPullRequest), { "x-ratelimit-remaining": "4990" });
    api.scope().get(/\/check-runs/).reply(200, { total_count: 0, check_runs: [] }, { "x-ratelimit-remaining": "4989" });
    api.createCheckRun(1).addLabels();
    await deliver("pull_request", pullRequestEvent("opened"));
    await app.idle();

    const { body } = await send("GET", "/metrics");

    expect(body).toContain('agent_governance_github_rate_limit_remaining{installation="4242"} 4989');
  });

  it("leaves other paths to the next handler", async () => {
    expect((await send("GET", "/nowhere")).status).toBe(404);
  });
});

import { describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/rest";
import nock from "nock";
import { retryDelay, retryRateLimits, type FailedResponse } from "../../src/github/rate-limit.js";

const NOW = Date.parse("2026-05-01T12:00:00Z");
const failed = (status: number, headers: FailedResponse["headers"] = {}, message = ""): FailedResponse => ({ status, headers, message });

describe("how long the CLI waits before retrying a GitHub request", () => {
  it.each([
    ["a 403 with retry-after waits that many seconds", failed(403, { "retry-after": "30" }), 0, 30_000],
    ["a 429 with retry-after waits that many seconds", failed(429, { "retry-after": "5" }), 0, 5_000],
    ["an exhausted primary limit waits until its reset, plus a second", failed(403, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(NOW / 1000 + 60) }), 0, 61_000],
    ["a secondary limit without retry-after waits a minute", failed(403, {}, "You have exceeded a secondary rate limit"), 0, 60_000],
    ["a 502 backs off for a second first", failed(502), 0, 1_000],
    ["a 503 backs off exponentially", failed(503), 2, 4_000],
  ])("%s", (_name, response, attempt, waitMs) => {
    expect(retryDelay(response, attempt, NOW)?.waitMs).toBe(waitMs);
  });

  it.each([
    ["a 403 that is a permission error", failed(403, { "x-ratelimit-remaining": "4999" }, "Resource not accessible by integration")],
    ["a 404", failed(404)],
    ["a 401", failed(401)],
    ["a 422", failed(422)],
  ])("does not retry %s", (_name, response) => {
    expect(retryDelay(response, 0, NOW)).toBeNull();
  });

  it("gives up on server errors after three retries", () => {
    expect(retryDelay(failed(500), 3, NOW)).toBeNull();
  });

  it("gives up after the maximum number of retries even when GitHub asks to wait", () => {
    expect(retryDelay(failed(429, { "retry-after": "1" }), 5, NOW)).toBeNull();
  });

  it("gives up rather than wait longer than the maximum", () => {
    expect(retryDelay(failed(429, { "retry-after": "7200" }), 0, NOW)).toBeNull();
  });
});

describe("the retry hook", () => {
  const octokit = () => new Octokit({ auth: "t", log: { debug() {}, info() {}, warn() {}, error() {} } });

  it("retries the same request after the wait and returns its answer", async () => {
    nock("https://api.github.com").get("/repos/acme/api").reply(429, {}, { "retry-after": "2" }).get("/repos/acme/api").reply(200, { default_branch: "main" });
    const waits: number[] = [];
    const client = octokit();
    retryRateLimits(client, { sleep: async (ms) => void waits.push(ms) });
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "api" });
    expect([data.default_branch, waits]).toEqual(["main", [2000]]);
  });

  it("passes GitHub's error on when it gives up", async () => {
    nock("https://api.github.com").get("/repos/acme/api").reply(403, { message: "Resource not accessible by integration" });
    const client = octokit();
    retryRateLimits(client, { sleep: async () => undefined });
    await expect(client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "api" })).rejects.toMatchObject({ status: 403 });
  });

  it("does not retry once interrupted", async () => {
    nock("https://api.github.com").get("/repos/acme/api").reply(503, {});
    const controller = new AbortController();
    controller.abort();
    const client = octokit();
    let waited = false;
    retryRateLimits(client, { signal: controller.signal, sleep: async () => void (waited = true) });
    await expect(client.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "api" })).rejects.toBeDefined();
    expect(waited).toBe(false);
    nock.cleanAll();
  });
});

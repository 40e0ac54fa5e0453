import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { governanceOctokit, RATE_LIMIT_RETRIES } from "../../src/github/octokit.js";
import { API, useNock } from "./octokit.js";

useNock();

function client() {
  const Octokit = governanceOctokit({ writeIntervalMs: 0 });
  return new Octokit({ auth: { token: "test-token" }, retry: { enabled: false }, throttle: { retryAfterBaseValue: 1 } } as never);
}

describe("governanceOctokit", () => {
  it("retries a secondary rate limit, then succeeds", async () => {
    const scope = nock(API)
      .post("/repos/acme/api/check-runs")
      .reply(403, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "1" })
      .post("/repos/acme/api/check-runs")
      .reply(201, { id: 7 });
    const { data } = await client().request("POST /repos/{owner}/{repo}/check-runs", { owner: "acme", repo: "api", name: "x", head_sha: "a".repeat(40) });
    expect(data).toEqual({ id: 7 });
    scope.done();
  });

  it(`gives up after ${RATE_LIMIT_RETRIES} retries of a persistent secondary rate limit instead of waiting forever`, async () => {
    const scope = nock(API)
      .post("/repos/acme/api/check-runs")
      .times(RATE_LIMIT_RETRIES + 1)
      .reply(403, { message: "You have exceeded a secondary rate limit" }, { "retry-after": "1" });
    await expect(
      client().request("POST /repos/{owner}/{repo}/check-runs", { owner: "acme", repo: "api", name: "x", head_sha: "a".repeat(40) }),
    ).rejects.toMatchObject({ status: 403 });
    scope.done();
  });
});

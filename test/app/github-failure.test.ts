/**
 * Fail closed: a GitHub 5xx on the facts query is retried with
 * backoff; when it persists the check blocks and says GitHub failed, never `success`.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { SHA_1, pullRequestEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp } from "./harness.js";

const humanPullRequest: PullRequestSpec = {
  headSha: SHA_1,
  author: "alice",
  commits: [{ sha: SHA_1, message: "Refactor the limiter" }],
};

/** @octokit/plugin-retry's default: three retries after the first attempt. */
const ATTEMPTS = 4;

let h: Harness;
beforeAll(() => nock.disableNetConnect());
afterAll(releaseNock);
beforeEach(async () => {
  h = await startApp({ retry: true });
  h.api.token();
});
afterEach(() => h.api.dispose());

describe("GitHub failing while the facts are read", () => {
  it("retries a 502 and then evaluates normally", async () => {
    h.api.factsFailing(502).facts(humanPullRequest).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    expect(h.api.graphqlCalls()).toHaveLength(2);
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });

  it("blocks with a failure that says GitHub failed when the 5xx persists", async () => {
    h.api.factsFailing(503, { times: ATTEMPTS }).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    expect(h.api.graphqlCalls()).toHaveLength(ATTEMPTS);
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: SHA_1, status: "completed", conclusion: "failure" });
    expect(run.output.title).toMatch(/GitHub is failing \(HTTP 503\)/);
    expect(run.output.summary).toContain("stays blocking");
  });

  it("still writes the blocking check when its own run cannot be looked up either (every read failing)", async () => {
    h.api.factsFailing(502, { times: ATTEMPTS }).listCheckRunsFailing(SHA_1, 502, { times: ATTEMPTS }).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: SHA_1, status: "completed", conclusion: "failure" });
    expect(run.output.title).toMatch(/GitHub is failing \(HTTP 502\)/);
    expect(run.output.summary).toMatch(/Re-evaluate/);
  });

  it("evaluates normally on the next event once GitHub recovers", async () => {
    h.api.factsFailing(500, { times: ATTEMPTS }).listCheckRuns(SHA_1).createCheckRun(1);
    await h.deliver("pull_request", pullRequestEvent("opened"));

    const push = pullRequestEvent("synchronize");
    h.api.facts(humanPullRequest).updateCheckRun(1).pullsLeftBehind(push);
    await h.deliver("pull_request", push);

    h.api.verify();
    expect(h.api.checkRunWrites().map((write) => write.body.conclusion)).toEqual(["failure", "success"]);
  });
});

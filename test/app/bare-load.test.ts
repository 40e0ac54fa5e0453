/**
 * Probot's own testing pattern loads an app with `probot.load(app)` and no server; the app
 * must load that way (its /healthz and /metrics then simply are not served) and still
 * handle webhooks.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { agentGovernance } from "../../src/app.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { APP_ID, SHA_1, pullRequestEvent } from "./fixtures.js";
import { GitHubApi, releaseNock, testProbot } from "./harness.js";

let api: GitHubApi;
beforeAll(() => nock.disableNetConnect());
afterAll(releaseNock);
afterEach(() => api.dispose());

describe("probot.load without a server", () => {
  it("loads the app and evaluates a pull request", async () => {
    api = new GitHubApi();
    api.token().facts({ headSha: SHA_1, commits: [{ sha: SHA_1, message: "Refactor" }] }).listCheckRuns(SHA_1).createCheckRun(1);
    const probot = testProbot();
    const app = agentGovernance({ ledger: null, appId: APP_ID, metrics: createMetrics() });

    await probot.load(app);
    await probot.receive({ id: "bare-1", name: "pull_request", payload: pullRequestEvent("opened") } as Parameters<typeof probot.receive>[0]);
    await app.idle();

    api.verify();
    expect(api.lastCheckRun().conclusion).toBe("success");
  });
});

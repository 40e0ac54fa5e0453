/**
 * The API budget in steady state, and a burst of
 * events for one PR coalescing into at most two evaluations that end on the latest state.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CLAUDE_TRAILER, SHA_1, SHA_2, pullRequestEvent, reviewEvent, type PullRequestSpec, type ReviewSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const aiPullRequest = (headSha = SHA_1, reviews: ReviewSpec[] = [], labelled = true): PullRequestSpec => ({
  headSha,
  author: "alice",
  commits: [
    { sha: SHA_1, message: `Add a limiter\n\n${CLAUDE_TRAILER}\n` },
    ...(headSha === SHA_2 ? [{ sha: SHA_2, message: "Tune the limiter" }] : []),
  ],
  reviews,
  labels: labelled ? [{ name: "ai-assisted" }] : [],
});

let h: Harness;
useApp((harness) => (h = harness));

describe("steady-state API budget", () => {
  beforeEach(async () => {
    h.api.facts(aiPullRequest(SHA_1, [], false)).listCheckRuns(SHA_1).createCheckRun(1).addLabels();
    await h.deliver("pull_request", pullRequestEvent("opened"));
    h.api.requests.length = 0;
  });

  it("an event with unchanged inputs costs one GraphQL request and no check-run write", async () => {
    h.api.facts(aiPullRequest());

    await h.deliver("pull_request", pullRequestEvent("reopened"));

    h.api.verify();
    expect(h.api.calls().map((call) => `${call.method} ${call.path}`)).toEqual(["POST /graphql"]);
  });

  it("a review that changes the outcome costs one GraphQL request and one PATCH", async () => {
    h.api.facts(aiPullRequest(SHA_1, [{ by: "bob", state: "APPROVED", commit: SHA_1 }])).updateCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([
      "POST /graphql",
      "PATCH /repos/acme/api/check-runs/1",
    ]);
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });

  it("a push to a new head costs one GraphQL request and one POST (the read already says there is no run), and one look-up of the head it left", async () => {
    const push = pullRequestEvent("synchronize", { headSha: SHA_2, before: SHA_1 });
    h.api.facts({ ...aiPullRequest(SHA_2), ownCheckRuns: [] }).createCheckRun(2).pullsLeftBehind(push);

    await h.deliver("pull_request", push);

    h.api.verify();
    expect(h.api.calls().map((call) => `${call.method} ${call.path}`).sort()).toEqual([
      `GET /repos/acme/api/commits/${SHA_1}/pulls?per_page=100`,
      "POST /graphql",
      "POST /repos/acme/api/check-runs",
    ]);
    expect(h.api.lastCheckRun()).toMatchObject({ head_sha: SHA_2 });
  });

  it("after a restart, a run the read already found costs one GraphQL request and one PATCH", async () => {
    // A fresh app (empty check-run memo); the installation token is still cached.
    const restarted = await startApp();
    try {
      restarted.api.facts({ ...aiPullRequest(), ownCheckRuns: [{ id: 1 }] }).updateCheckRun(1);

      await restarted.deliver("pull_request", pullRequestEvent("reopened"));

      restarted.api.verify();
      expect(restarted.api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([
        "POST /graphql",
        "PATCH /repos/acme/api/check-runs/1",
      ]);
    } finally {
      restarted.api.dispose();
    }
  });
});

describe("coalescing a burst of events for one PR", () => {
  it("runs at most two evaluations and ends on the latest state", async () => {
    // The first evaluation reads the PR as it was when opened and stays in flight…
    const first = h.api.factsHeld(aiPullRequest(SHA_1, [], false));
    h.api.listCheckRuns(SHA_1).createCheckRun(1).addLabels();
    await h.receive("pull_request", pullRequestEvent("opened"));
    await first.requested;

    // …while a label, an approval and a new push arrive back-to-back.
    const push = pullRequestEvent("synchronize", { headSha: SHA_2, before: SHA_1 });
    h.api.facts(aiPullRequest(SHA_2, [{ by: "bob", state: "APPROVED", commit: SHA_1 }])).listCheckRuns(SHA_2).createCheckRun(2).pullsLeftBehind(push);
    await h.receive("pull_request", pullRequestEvent("labeled"));
    await h.receive("pull_request_review", reviewEvent("submitted"));
    await h.receive("pull_request", push);
    first.release();
    await h.app.idle();

    h.api.verify();
    expect(h.api.graphqlCalls()).toHaveLength(2);
    const last = h.api.lastCheckRun();
    expect(last).toMatchObject({ head_sha: SHA_2, conclusion: "action_required" });
    expect(last.output.summary).toMatch(/@bob — stale/);
  });

  it("a burst delivered after GitHub already shows the latest state writes only the latest head's check", async () => {
    const push = pullRequestEvent("synchronize", { headSha: SHA_2, before: SHA_1 });
    h.api.facts(aiPullRequest(SHA_2), { times: 2 }).listCheckRuns(SHA_2).createCheckRun(2).pullsLeftBehind(push);

    await h.receive("pull_request", pullRequestEvent("opened"));
    await h.receive("pull_request", pullRequestEvent("labeled"));
    await h.receive("pull_request_review", reviewEvent("submitted"));
    await h.receive("pull_request", push);
    await h.app.idle();

    h.api.verify();
    expect(h.api.graphqlCalls()).toHaveLength(2);
    expect(h.api.checkRunWrites().map((write) => write.body.head_sha)).toEqual([SHA_2]);
  });
});

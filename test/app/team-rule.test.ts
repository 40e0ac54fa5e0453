/**
 * A base policy rule that needs team `senior-engineers`. The team is
 * asked for a review, only its members' approvals count, a new push makes an approval stale,
 * and a member's request for changes fails the check.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CLAUDE_TRAILER, SHA_1, SHA_2, pullRequestEvent, reviewEvent, type PullRequestSpec, type ReviewSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

export const SENIOR_POLICY = [
  "version: 1",
  "rules:",
  "  - name: senior approval",
  "    require:",
  "      approvals: 1",
  "      from:",
  "        teams: [senior-engineers]",
  "",
].join("\n");

const aiPullRequest = (headSha: string, reviews: ReviewSpec[] = [], requested = false): PullRequestSpec => ({
  headSha,
  author: "alice",
  basePolicy: SENIOR_POLICY,
  commits: [
    { sha: SHA_1, message: `Add a token-bucket limiter\n\n${CLAUDE_TRAILER}\n` },
    ...(headSha === SHA_2 ? [{ sha: SHA_2, message: `Tune the limiter\n\n${CLAUDE_TRAILER}\n` }] : []),
  ],
  reviews,
  labels: [{ name: "ai-assisted" }],
  reviewRequests: requested ? { teams: ["senior-engineers"] } : {},
});

let h: Harness;
useApp((harness) => (h = harness));

/** First sight of the PR: team read, run created, team asked for a review. */
async function opened() {
  h.api.facts(aiPullRequest(SHA_1)).teamMembers("senior-engineers", ["carol"]).listCheckRuns(SHA_1).createCheckRun(1).requestReviewers();
  await h.deliver("pull_request", pullRequestEvent("opened"));
}

describe("a rule that needs the senior-engineers team", () => {
  it("requests a review from the team and waits for it", async () => {
    await opened();

    h.api.verify();
    const request = h.api.calls().find((call) => call.path.endsWith("/pulls/7/requested_reviewers"));
    expect(request?.body).toEqual({ reviewers: [], team_reviewers: ["senior-engineers"] });
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
  });

  it("does not count the approval of a writer outside the team", async () => {
    await opened();
    h.api.facts(aiPullRequest(SHA_1, [{ by: "dave", state: "APPROVED", commit: SHA_1 }], true)).updateCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
    expect(h.api.lastCheckRun().output.summary).toMatch(/@dave — not eligible/);
  });

  it("passes on a team member's approval of the head commit", async () => {
    await opened();
    h.api.facts(aiPullRequest(SHA_1, [{ by: "carol", state: "APPROVED", commit: SHA_1 }], true)).updateCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });

  it("reports the approval as stale after a new push and blocks again", async () => {
    await opened();
    h.api.facts(aiPullRequest(SHA_1, [{ by: "carol", state: "APPROVED", commit: SHA_1 }], true)).updateCheckRun(1);
    await h.deliver("pull_request_review", reviewEvent("submitted"));

    // GitHub drops the team's request once a member reviewed; the new head asks again.
    const push = pullRequestEvent("synchronize", { headSha: SHA_2, before: SHA_1 });
    h.api
      .facts(aiPullRequest(SHA_2, [{ by: "carol", state: "APPROVED", commit: SHA_1 }]))
      .listCheckRuns(SHA_2)
      .createCheckRun(2)
      .requestReviewers()
      .pullsLeftBehind(push);
    await h.deliver("pull_request", push);

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: SHA_2, conclusion: "action_required" });
    expect(run.output.summary).toMatch(/@carol — stale/);
  });

  it("fails the check when a team member requests changes", async () => {
    await opened();
    h.api.facts(aiPullRequest(SHA_1, [{ by: "carol", state: "CHANGES_REQUESTED", commit: SHA_1 }], true)).updateCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("failure");
  });
});

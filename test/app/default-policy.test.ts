/**
 * With no policy file anywhere, a PR whose commit credits Claude is
 * labelled and blocked until someone with write permission who wrote none of it approves
 * the head commit.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CLAUDE_TRAILER, PEOPLE, SHA_1, pullRequestEvent, reviewEvent, type PullRequestSpec, type ReviewSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const claudePullRequest = (reviews: ReviewSpec[] = [], labelled = false): PullRequestSpec => ({
  headSha: SHA_1,
  author: "alice",
  commits: [{ sha: SHA_1, message: `Add a token-bucket limiter\n\n${CLAUDE_TRAILER}\n`, author: "alice" }],
  reviews,
  labels: labelled ? [{ name: "ai-assisted" }] : [],
});

let h: Harness;
useApp((harness) => (h = harness));

describe("default policy: an AI-assisted PR needs one approval from a writer who is not an author", () => {
  it("labels the PR ai-assisted and blocks it with action_required", async () => {
    h.api.facts(claudePullRequest()).listCheckRuns(SHA_1).createCheckRun(1).addLabels();

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    const label = h.api.calls().find((request) => request.path.endsWith("/issues/7/labels"));
    expect(label?.body).toEqual({ labels: ["ai-assisted"] });
    expect(h.api.lastCheckRun()).toMatchObject({
      name: "agent-governance",
      head_sha: SHA_1,
      status: "completed",
      conclusion: "action_required",
    });
  });

  it("turns the check to success when a writer who authored nothing approves the head commit", async () => {
    h.api.facts(claudePullRequest()).listCheckRuns(SHA_1).createCheckRun(1).addLabels();
    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.facts(claudePullRequest([{ by: "bob", state: "APPROVED", commit: SHA_1 }], true)).updateCheckRun(1);
    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    const writes = h.api.checkRunWrites();
    expect(writes.map((w) => `${w.method} ${w.body.conclusion}`)).toEqual(["POST action_required", "PATCH success"]);
    expect(writes[1].path).toBe("/repos/acme/api/check-runs/1");
    expect(writes[1].body.output.summary).toContain("@bob");
  });

  const notCounting: Array<[string, PullRequestSpec, string]> = [
    ["the PR author", claudePullRequest([{ by: "alice", state: "APPROVED", commit: SHA_1 }]), "@alice — PR author"],
    [
      "the author of a commit",
      {
        ...claudePullRequest([{ by: "erin", state: "APPROVED", commit: SHA_1 }]),
        commits: [
          { sha: "e".repeat(40), message: "Prepare the module", author: "erin" },
          { sha: SHA_1, message: `Add a token-bucket limiter\n\n${CLAUDE_TRAILER}\n`, author: "alice" },
        ],
      },
      "@erin — commit author",
    ],
    [
      "a human co-author (Co-authored-by with a noreply e-mail)",
      {
        ...claudePullRequest([{ by: "frank", state: "APPROVED", commit: SHA_1 }]),
        commits: [
          {
            sha: SHA_1,
            message: `Add a token-bucket limiter\n\n${CLAUDE_TRAILER}\nCo-authored-by: Frank Pair <${PEOPLE.frank.email}>\n`,
            author: "alice",
          },
        ],
      },
      "@frank — co-author",
    ],
    [
      "a bot",
      claudePullRequest([{ by: { login: "review-helper", type: "Bot", id: 777 }, state: "APPROVED", commit: SHA_1, canPush: true }]),
      "@review-helper — bot",
    ],
  ];

  it.each(notCounting)("does not count an approval by %s", async (_who, spec, reason) => {
    h.api.facts(spec).listCheckRuns(SHA_1).createCheckRun(1).addLabels();

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
    expect(h.api.lastCheckRun().output.summary).toContain(reason);
  });
});

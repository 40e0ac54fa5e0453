/**
 * A `pull_request` event says how many commits and changed files the PR has at its head. When
 * the read of that same head found fewer, part of the PR was never judged: it cannot pass. When
 * the PR has moved to another head since the event, the event's counts say nothing about it.
 */
import { describe, expect, it } from "@jest/globals";
import { SHA_1, SHA_2, pullRequestEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, useApp } from "./harness.js";

/** A person's PR with no AI in it: it passes whenever everything was read. */
const humanPullRequest = (headSha: string): PullRequestSpec => ({
  headSha,
  author: "alice",
  commits: [
    { sha: SHA_1, message: "Add a limiter", author: "alice" },
    ...(headSha === SHA_2 ? [{ sha: SHA_2, message: "Tune the limiter", author: "alice" as const }] : []),
  ],
  files: [{ path: "src/limiter.ts" }],
});

function opened(headSha: string, counts: { commits: number; changed_files: number }) {
  const payload = pullRequestEvent("opened", { headSha });
  Object.assign(payload.pull_request, counts);
  return payload;
}

let h: Harness;
useApp((harness) => (h = harness));

describe("the webhook's own counts of commits and changed files", () => {
  it("fails a pull request whose read lists fewer commits than the webhook counted at the same head", async () => {
    h.api.facts(humanPullRequest(SHA_1)).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", opened(SHA_1, { commits: 150, changed_files: 1 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ conclusion: "failure", output: { title: "Could not read the whole pull request: GitHub listed 1 of 150 commits" } });
  });

  it("fails a pull request whose read lists fewer files than the webhook counted at the same head", async () => {
    h.api.facts(humanPullRequest(SHA_1)).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", opened(SHA_1, { commits: 1, changed_files: 3006 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ conclusion: "failure", output: { title: "Could not read the whole pull request: GitHub listed 1 of 3006 files" } });
  });

  it("passes a pull request whose read found as many as the webhook counted", async () => {
    h.api.facts(humanPullRequest(SHA_1)).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", opened(SHA_1, { commits: 1, changed_files: 1 }));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });

  it("does not compare the counts of a head the pull request has left: the read's own head is judged", async () => {
    h.api.facts(humanPullRequest(SHA_2)).listCheckRuns(SHA_2).createCheckRun(1);

    // The event spoke of SHA_1 with counts that belong to it (say, before a force push rewrote history).
    await h.deliver("pull_request", opened(SHA_1, { commits: 150, changed_files: 40 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ conclusion: "success", head_sha: SHA_2 });
  });
});

/**
 * The policy comes from the base branch, a PR that changes it
 * needs a policy admin, and a broken base policy fails the check with located errors
 * without breaking the app for the next event.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { CLAUDE_TRAILER, SHA_1, SHA_3, pullRequestEvent, reviewEvent, type PullRequestSpec, type ReviewSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const BASE_POLICY = "version: 1\nrules:\n  - name: senior approval\n    require:\n      approvals: 1\n";
const RELAXED_POLICY = "version: 1\nrules:\n  - name: senior approval\n    require:\n      approvals: 0\n";

const relaxingPullRequest = (reviews: ReviewSpec[] = []): PullRequestSpec => ({
  headSha: SHA_1,
  author: "alice",
  basePolicy: BASE_POLICY,
  headPolicy: RELAXED_POLICY,
  commits: [{ sha: SHA_1, message: `Nobody needs to review this\n\n${CLAUDE_TRAILER}\n` }],
  files: [{ path: ".agent-governance.yml", additions: 1, deletions: 1 }],
  reviews,
  labels: [{ name: "ai-assisted" }],
});

let h: Harness;
useApp((harness) => (h = harness));

describe("a PR that relaxes .agent-governance.yml in its own head", () => {
  it("is judged by the base policy and waits for a policy admin", async () => {
    h.api.facts(relaxingPullRequest()).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run.conclusion).toBe("action_required");
    // The base rule still needs its approval although the head file says 0.
    expect(run.output.summary).toMatch(/⏳ senior approval \| waiting/);
    expect(run.output.summary).toMatch(/⏳ policy change \| waiting/);
    expect(run.output.summary).toContain("admin");
  });

  it("does not pass on a writer's approval: the policy change needs an admin", async () => {
    h.api
      .facts(relaxingPullRequest([{ by: "bob", state: "APPROVED", commit: SHA_1 }]))
      .permission("bob", "write")
      .listCheckRuns(SHA_1)
      .createCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run.conclusion).toBe("action_required");
    expect(run.output.summary).toMatch(/✅ senior approval \| met/);
    expect(run.output.summary).toMatch(/⏳ policy change \| waiting/);
  });

  it("passes once a repository admin approves", async () => {
    h.api
      .facts(relaxingPullRequest([{ by: "eve", state: "APPROVED", commit: SHA_1 }]))
      .permission("eve", "admin")
      .listCheckRuns(SHA_1)
      .createCheckRun(1);

    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });
});

const humanPullRequest = (basePolicy: string, number = 7, headSha = SHA_1): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  basePolicy,
  commits: [{ sha: SHA_1, message: "Refactor the limiter" }],
});

describe("a broken base policy fails closed", () => {
  it.each([
    ["a YAML syntax error", "version: 1\nlabel: x: y\n", /\.agent-governance\.yml:2:8.*YAML syntax error/, 2],
    ["an unknown key", "version: 1\nrule:\n  - name: x\n", /\.agent-governance\.yml:2:1.*unknown key.*rule.*rules/, 2],
  ])("reports %s as a failure naming the line and column", async (_what, policy, located, line) => {
    h.api.facts(humanPullRequest(policy)).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.summary).toMatch(located);
    expect(run.output.annotations).toEqual([
      expect.objectContaining({ path: ".agent-governance.yml", start_line: line, annotation_level: "failure" }),
    ]);
  });

  it("handles the next event normally after a broken policy", async () => {
    h.api.facts(humanPullRequest("version: 1\nrule: []\n")).listCheckRuns(SHA_1).createCheckRun(1);
    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.facts(humanPullRequest(BASE_POLICY, 8, SHA_3)).listCheckRuns(SHA_3).createCheckRun(2);
    await h.deliver("pull_request", pullRequestEvent("opened", { number: 8, headSha: SHA_3 }));

    h.api.verify();
    expect(h.api.checkRunWrites().map((write) => write.body.conclusion)).toEqual(["failure", "success"]);
  });
});

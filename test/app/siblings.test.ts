/**
 * Several open pull requests sharing one head commit share its check run, which
 * shows the strictest of their results. A PR without siblings pays nothing for this
 * (the facts query already lists the commit's pull requests).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { renderSharedHead } from "../../src/report/shared-head.js";
import { strictest, type PullRequestResult } from "../../src/report/pull-request-result.js";
import type { CheckRunOutput } from "../../src/report/check-run.js";
import { CLAUDE_TRAILER, SHA_1, SHA_2, pullRequestEvent, restPullRequest, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const human = (number: number, headSha = SHA_1, associated: PullRequestSpec["associated"] = []): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  commits: [{ sha: headSha, message: "Refactor the limiter" }],
  associated,
});

/** AI-assisted, unapproved: action_required under the default policy. */
const agentWork = (number: number, headSha = SHA_1, associated: PullRequestSpec["associated"] = []): PullRequestSpec => ({
  ...human(number, headSha, associated),
  commits: [{ sha: headSha, message: `Add a limiter\n\n${CLAUDE_TRAILER}\n` }],
});

let h: Harness;
useApp((harness) => (h = harness));

function evaluatedPullRequests(): number[] {
  return h.api.graphqlCalls().map((call) => call.body.variables.number);
}

describe("open pull requests sharing a head commit", () => {
  it("the shared check shows the strictest result and names the pull request it comes from", async () => {
    h.api.facts(human(7, SHA_1, [{ number: 8 }])).facts(agentWork(8, SHA_1, [{ number: 7 }])).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7, 8]);
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: SHA_1, conclusion: "action_required" });
    expect(run.output.title).toMatch(/^#8: /);
    expect(run.output.summary).toContain("2 open pull requests share this head commit");
    expect(run.output.summary).toMatch(/\| #7 \| ✅ success \|/);
    expect(run.output.summary).toMatch(/\| #8 \| ⏳ action_required ← shown \|/);
  });

  it("the sibling is only read: its label and reviewers are left to its own events", async () => {
    h.api.facts(human(7, SHA_1, [{ number: 8 }])).facts(agentWork(8, SHA_1, [{ number: 7 }])).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.verify();
    expect(h.api.calls().filter((call) => call.path.includes("/issues/") || call.path.includes("/pulls/"))).toEqual([]);
  });

  it("evaluating the other pull request of the head computes the same check and does not rewrite it", async () => {
    h.api.facts(human(7, SHA_1, [{ number: 8 }])).facts(agentWork(8, SHA_1, [{ number: 7 }])).listCheckRuns(SHA_1).createCheckRun(1);
    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.facts(agentWork(8, SHA_1, [{ number: 7 }])).facts(human(7, SHA_1, [{ number: 8 }])).addLabels(8);
    await h.deliver("pull_request", pullRequestEvent("opened", { number: 8 }));

    h.api.verify();
    expect(h.api.checkRunWrites()).toHaveLength(1);
  });

  it("a sibling that cannot be read makes the shared check fail (fail closed)", async () => {
    h.api.facts(human(7, SHA_1, [{ number: 8 }])).factsFailing(502).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toMatch(/^#8: GitHub is failing \(HTTP 502\)/);
  });

  it("a sibling whose head moved on meanwhile no longer counts", async () => {
    h.api.facts(human(7, SHA_1, [{ number: 8 }])).facts(agentWork(8, SHA_2)).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ conclusion: "success" });
    expect(run.output.summary).not.toContain("share this head commit");
  });
});

describe("a pull request that leaves a shared head has the siblings it left re-evaluated", () => {
  /** #1 (waiting for approval) and #2 (passing) share SHA_1; the shared check shows #1's verdict. */
  async function shareHead(): Promise<void> {
    h.api.facts(agentWork(1, SHA_1, [{ number: 2 }])).facts(human(2, SHA_1, [{ number: 1 }])).listCheckRuns(SHA_1).createCheckRun(1).addLabels(1);
    await h.deliver("pull_request", pullRequestEvent("opened", { number: 1 }));
    expect(h.api.lastCheckRun()).toMatchObject({ head_sha: SHA_1, conclusion: "action_required" });
    expect(h.api.lastCheckRun().output.title).toMatch(/^#1: /);
    h.api.requests.length = 0;
  }

  /** The writes to the run on the shared head (id 1) since the head was shared. */
  const sharedHeadRunWrites = () => h.api.checkRunWrites().filter((write) => write.path.endsWith("/check-runs/1"));

  it("#1 pushed past the shared head: #2 is evaluated again and the check on the old head shows only #2's verdict", async () => {
    await shareHead();
    const push = pullRequestEvent("synchronize", { number: 1, headSha: SHA_2, before: SHA_1 });
    h.api
      .facts({ ...agentWork(1, SHA_2), labels: [{ name: "ai-assisted" }] })
      .listCheckRuns(SHA_2)
      .createCheckRun(2)
      // GitHub may still list #1 on its old head for a moment: it is not evaluated twice.
      .pullsLeftBehind(push, [restPullRequest(1, SHA_1), restPullRequest(2, SHA_1)])
      .facts(human(2, SHA_1, [{ number: 1, headSha: SHA_2 }]))
      .updateCheckRun(1);

    await h.deliver("pull_request", push);

    h.api.verify();
    expect(evaluatedPullRequests().sort()).toEqual([1, 2]);
    const [rewritten] = sharedHeadRunWrites();
    expect(rewritten.body).toMatchObject({ conclusion: "success" });
    expect(rewritten.body.output.title).not.toMatch(/^#/);
    expect(rewritten.body.output.summary).not.toContain("share this head commit");
  });

  it.each([
    ["closed without merging", false],
    ["merged", true],
  ])("#1 %s: #2 is evaluated again and the check on the head shows only #2's verdict", async (_how, merged) => {
    await shareHead();
    const closed = pullRequestEvent("closed", { number: 1, headSha: SHA_1 });
    Object.assign(closed.pull_request, { state: "closed", merged });
    h.api
      .pullsLeftBehind(closed, [restPullRequest(1, SHA_1, "closed"), restPullRequest(2, SHA_1)])
      .facts(human(2, SHA_1, [{ number: 1, state: merged ? "MERGED" : "CLOSED" }]))
      .updateCheckRun(1);

    await h.deliver("pull_request", closed);

    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([2]);
    const [rewritten] = sharedHeadRunWrites();
    expect(rewritten.body).toMatchObject({ conclusion: "success" });
    expect(rewritten.body.output.summary).not.toContain("share this head commit");
  });

  it("a pull request without siblings pays one look-up and nothing more", async () => {
    const closed = pullRequestEvent("closed", { number: 7, headSha: SHA_1 });
    Object.assign(closed.pull_request, { state: "closed", merged: false });
    h.api.pullsLeftBehind(closed, [restPullRequest(7, SHA_1, "closed")]);

    await h.deliver("pull_request", closed);

    h.api.verify();
    expect(h.api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([`GET /repos/acme/api/commits/${SHA_1}/pulls?per_page=100`]);
  });
});

describe("pull requests associated with the head commit that are not siblings cost nothing", () => {
  it.each([
    ["a stacked PR that contains the commit but has its own head", { number: 8, headSha: SHA_2 }],
    ["a closed PR with the same head", { number: 8, state: "CLOSED" as const }],
    ["a PR with the same head in another repository (a fork)", { number: 8, repo: "api-fork" }],
  ])("%s", async (_name, other) => {
    h.api.facts(human(7, SHA_1, [other])).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened", { number: 7 }));

    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
    expect(h.api.lastCheckRun().output.title).not.toMatch(/^#/);
  });
});

const output = (conclusion: "success" | "action_required" | "failure" | "in_progress", title: string = conclusion): CheckRunOutput =>
  conclusion === "in_progress"
    ? { status: "in_progress", title, summary: `summary of ${title}`, annotations: [] }
    : { status: "completed", conclusion, title, summary: `summary of ${title}`, annotations: [] };

describe("the strictest result", () => {
  it.each([
    ["failure is stricter than in_progress", "failure", "in_progress", 1],
    ["in_progress is stricter than action_required", "action_required", "in_progress", 2],
    ["action_required is stricter than success", "success", "action_required", 2],
    ["between equals, the lower PR number", "success", "success", 1],
  ] as const)("%s", (_name, first, second, expected) => {
    const results: PullRequestResult[] = [
      { number: 1, output: output(first) },
      { number: 2, output: output(second) },
    ];
    expect(strictest(results).number).toBe(expected);
  });

  it("is rendered the same whichever pull request was evaluated first", () => {
    const seven: PullRequestResult = { number: 7, output: output("success") };
    const eight: PullRequestResult = { number: 8, output: output("failure", "A gate failed") };
    expect(renderSharedHead([seven, eight])).toEqual(renderSharedHead([eight, seven]));
    expect(renderSharedHead([seven, eight])).toMatchObject({ conclusion: "failure", title: "#8: A gate failed" });
  });

  it("a lone pull request's output is left as it is", () => {
    const seven: PullRequestResult = { number: 7, output: output("action_required", "Waiting") };
    expect(renderSharedHead([seven])).toBe(seven.output);
  });
});

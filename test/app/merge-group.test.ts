/**
 * The merge queue (`merge_group`): the merge group's head commit gets one `agent-governance` check run,
 * `success` only if every pull request in the group passes on its own — each evaluated as
 * its own check run would be, without writing anything to the pull requests themselves.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import { schema } from "@octokit/graphql-schema";
import { buildClientSchema, parse, validate } from "graphql";
import nock from "nock";
import { groupEntries, MERGE_QUEUE_QUERY, pullRequestFromQueueBranch } from "../../src/github/merge-queue.js";
import { CLAUDE_TRAILER, SHA_1, SHA_2, SHA_3, checkSuiteEvent, mergeGroupEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const GROUP_1 = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
const GROUP_2 = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
const GROUP_3 = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";

const human = (number: number, headSha: string): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  commits: [{ sha: headSha, message: `Refactor part ${number}` }],
});

/** AI-assisted and not approved: its own check is action_required (default policy). */
const unapprovedAgentWork = (number: number, headSha: string): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  commits: [{ sha: headSha, message: `Add a limiter\n\n${CLAUDE_TRAILER}\n` }],
});

const QUEUE = [
  { position: 1, number: 7, headSha: SHA_1, groupHead: GROUP_1 },
  { position: 2, number: 8, headSha: SHA_2, groupHead: GROUP_2 },
  { position: 3, number: 9, headSha: SHA_3, groupHead: GROUP_3 },
];

let h: Harness;
useApp((harness) => (h = harness));

function evaluatedPullRequests(): number[] {
  return h.api
    .graphqlCalls()
    .filter((call) => /query PullRequestFacts/.test(call.body.query))
    .map((call) => call.body.variables.number);
}

describe("merge_group.checks_requested", () => {
  it("reports success on the group head when every pull request in it passes on its own", async () => {
    h.api.mergeQueue("main", QUEUE).facts(human(7, SHA_1)).facts(human(8, SHA_2)).listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ name: "agent-governance", head_sha: GROUP_2, status: "completed", conclusion: "success" });
    expect(run.output.title).toBe("Merge group passes: all 2 pull requests pass on their own");
    expect(run.output.summary).toMatch(/\| #7 \| ✅ success \|/);
    expect(run.output.summary).toMatch(/\| #8 \| ✅ success \|/);
  });

  it("carries no details link when the console is not configured", async () => {
    h.api.mergeQueue("main", QUEUE).facts(human(7, SHA_1)).listCheckRuns(GROUP_1).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_1, lastPullRequest: 7 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).not.toHaveProperty("details_url");
  });

  it("fails the group when one pull request would not pass, naming it", async () => {
    h.api
      .mergeQueue("main", QUEUE)
      .facts(human(7, SHA_1))
      .facts(unapprovedAgentWork(8, SHA_2))
      .listCheckRuns(GROUP_2)
      .createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: GROUP_2, conclusion: "failure", output: { title: "Merge group blocked by #8" } });
    expect(run.output.summary).toMatch(/\| #8 \| ⏳ action_required \|/);
    expect(run.output.summary).toContain("<details><summary>#8: ");
  });

  it("writes nothing to the pull requests: no label, no review request, no check run on their heads", async () => {
    h.api.mergeQueue("main", QUEUE).facts(unapprovedAgentWork(7, SHA_1)).listCheckRuns(GROUP_1).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_1, lastPullRequest: 7 }));

    h.api.verify();
    const writes = h.api.calls().filter((call) => call.method !== "GET" && call.path !== "/graphql");
    expect(writes.map((call) => `${call.method} ${call.path} ${call.body.head_sha}`)).toEqual([
      `POST /repos/acme/api/check-runs ${GROUP_1}`,
    ]);
  });

  it("a group holds its head's entry and every entry ahead of it, not those behind", async () => {
    h.api.mergeQueue("main", QUEUE).facts(human(7, SHA_1)).facts(human(8, SHA_2)).listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    expect(evaluatedPullRequests().sort()).toEqual([7, 8]);
  });

  it("reads the queue of the group's base branch", async () => {
    h.api.mergeQueue("release/2.x", [{ position: 1, number: 7, headSha: SHA_1, groupHead: GROUP_1 }]);
    h.api.facts(human(7, SHA_1)).listCheckRuns(GROUP_1).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_1, lastPullRequest: 7, base: "release/2.x" }));

    h.api.verify();
    expect(h.api.lastCheckRun().output.summary).toContain("<code>release/2.x</code>");
  });

  it("falls back to the pull request named by the group's branch when the queue no longer lists the group", async () => {
    h.api.mergeQueue("main", [QUEUE[0]]).facts(human(8, SHA_2)).listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([8]);
    const run = h.api.lastCheckRun();
    expect(run.conclusion).toBe("success");
    expect(run.output.summary).toContain("no longer lists this group");
  });

  it("falls back to the branch name when the repository has no merge queue to read", async () => {
    h.api.mergeQueue("main", null).facts(unapprovedAgentWork(8, SHA_2)).listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ conclusion: "failure", output: { title: "Merge group blocked by #8" } });
  });

  it("a pull request that cannot be read blocks the group (fail closed)", async () => {
    h.api.mergeQueue("main", QUEUE).facts(human(7, SHA_1)).factsFailing(502).listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ conclusion: "failure", output: { title: "Merge group blocked by #8" } });
    expect(run.output.summary).toContain("GitHub is failing (HTTP 502)");
  });

  it("a pull request whose head moved after it was queued blocks the group", async () => {
    h.api.mergeQueue("main", QUEUE).facts(human(7, SHA_3)).listCheckRuns(GROUP_1).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_1, lastPullRequest: 7 }));

    h.api.verify();
    expect(h.api.lastCheckRun()).toMatchObject({ conclusion: "failure", output: { title: "Merge group blocked by #7" } });
    expect(h.api.lastCheckRun().output.summary).toContain("changed after it was queued");
  });

  it("blocks the group and says why when the merge queue cannot be read", async () => {
    h.api.scope().post("/graphql", (body) => /query MergeQueueEntries/.test(body.query)).reply(503, { message: "Server Error" });
    h.api.listCheckRuns(GROUP_2).createCheckRun(50);

    await h.deliver("merge_group", mergeGroupEvent("checks_requested", { headSha: GROUP_2, lastPullRequest: 8 }));

    h.api.verify();
    const run = h.api.lastCheckRun();
    expect(run).toMatchObject({ head_sha: GROUP_2, conclusion: "failure" });
    expect(run.output.title).toMatch(/GitHub is failing \(HTTP 503\)/);
  });
});

describe("merge_group.destroyed", () => {
  it("makes no GitHub request", async () => {
    await h.deliver("merge_group", mergeGroupEvent("destroyed", { headSha: GROUP_2, lastPullRequest: 8 }));

    expect(h.api.calls()).toEqual([]);
    expect(h.api.unexpected).toEqual([]);
  });
});

describe("other events on a merge group's commit", () => {
  it("check_suite.completed on a merge queue branch makes no request (no pull request has that head)", async () => {
    const payload = checkSuiteEvent("completed", 15368);
    payload.check_suite.pull_requests = [];
    payload.check_suite.head_sha = GROUP_2;
    payload.check_suite.head_branch = `gh-readonly-queue/main/pr-8-${GROUP_1}`;

    await h.deliver("check_suite", payload);

    expect(h.api.calls()).toEqual([]);
    expect(h.api.unexpected).toEqual([]);
  });
});

describe("finding a group's pull requests", () => {
  const github = buildClientSchema(schema.json as never);

  it("the merge-queue query is valid against GitHub's schema", () => {
    expect(validate(github, parse(MERGE_QUEUE_QUERY)).map((error) => error.message)).toEqual([]);
  });

  it.each([
    ["the first entry's head", GROUP_1, [7]],
    ["a later entry's head", GROUP_3, [7, 8, 9]],
    ["a head no entry has", "f".repeat(40), []],
  ])("entries for %s", (_name, head, numbers) => {
    const nodes = [...QUEUE].reverse().map((entry) => ({
      position: entry.position,
      pullRequest: { number: entry.number, headRefOid: entry.headSha },
      headCommit: { oid: entry.groupHead },
    }));
    expect(groupEntries(nodes, head).map((entry) => entry.number)).toEqual(numbers);
  });

  it.each([
    ["refs/heads/gh-readonly-queue/main/pr-104-929f8209d40f77f4abc622a499c93a83babdbe64", { base: "main", number: 104 }],
    ["gh-readonly-queue/release/2.x/pr-7-929f8209d40f77f4abc622a499c93a83babdbe64", { base: "release/2.x", number: 7 }],
    ["refs/heads/feature/limiter", null],
    ["refs/heads/gh-readonly-queue/main/pr-x-929f8209", null],
  ])("the queue branch %s names %j", (ref, expected) => {
    expect(pullRequestFromQueueBranch(ref)).toEqual(expected);
  });
});

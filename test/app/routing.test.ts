/**
 * Every event the app subscribes to reaches the one
 * evaluation path for the right pull requests, and the events that must not trigger work
 * make no GitHub request at all.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import {
  APP_ID,
  SHA_1,
  SHA_2,
  checkRunEvent,
  checkSuiteEvent,
  example,
  installationRepositoriesAddedEvent,
  listedPullRequest,
  pullRequestEvent,
  pushEvent,
  restPullRequest,
  reviewEvent,
  statusEvent,
  type PullRequestSpec,
} from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const humanPullRequest = (number = 7, headSha = SHA_1): PullRequestSpec => ({
  number,
  headSha,
  author: "alice",
  commits: [{ sha: headSha, message: "Refactor the limiter" }],
});

let h: Harness;
useApp((harness) => (h = harness));

/** One full first evaluation of a human PR: read, look for the app's run, create it. */
function expectEvaluation(number = 7, headSha = SHA_1, runId = number) {
  h.api.facts(humanPullRequest(number, headSha)).listCheckRuns(headSha).createCheckRun(runId);
}

function evaluatedPullRequests(): number[] {
  return h.api.graphqlCalls().map((call) => call.body.variables.number);
}

function expectNothingCalled() {
  expect(h.api.requests).toEqual([]);
  expect(h.api.unexpected).toEqual([]);
}

describe("events that evaluate the pull request they name", () => {
  it.each(["opened", "reopened", "ready_for_review", "converted_to_draft", "labeled", "unlabeled"])(
    "pull_request.%s",
    async (action) => {
      expectEvaluation();
      await h.deliver("pull_request", pullRequestEvent(action));
      h.api.verify();
      expect(evaluatedPullRequests()).toEqual([7]);
      expect(h.api.lastCheckRun()).toMatchObject({ head_sha: SHA_1, conclusion: "success" });
    },
  );

  it("pull_request.synchronize, and looks up the open PRs still on the head it left: none but itself, evaluated once", async () => {
    const push = pullRequestEvent("synchronize", { before: SHA_2 });
    expectEvaluation();
    // GitHub may list the pushed PR on its old head a moment longer.
    h.api.pullsLeftBehind(push, [restPullRequest(7, SHA_2)]);
    await h.deliver("pull_request", push);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
    expect(h.api.lastCheckRun()).toMatchObject({ head_sha: SHA_1, conclusion: "success" });
  });

  it("pull_request.edited when the base branch changed", async () => {
    expectEvaluation();
    const payload = pullRequestEvent("edited");
    payload.changes = { base: { ref: { from: "develop" }, sha: { from: SHA_2 } } };
    await h.deliver("pull_request", payload);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it.each(["submitted", "edited", "dismissed"] as const)("pull_request_review.%s", async (action) => {
    expectEvaluation();
    await h.deliver("pull_request_review", reviewEvent(action));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_run.rerequested", async () => {
    expectEvaluation();
    await h.deliver("check_run", checkRunEvent("rerequested"));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_run.requested_action with the re-evaluate identifier", async () => {
    expectEvaluation();
    await h.deliver("check_run", checkRunEvent("requested_action", "re-evaluate"));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_suite.rerequested", async () => {
    expectEvaluation();
    await h.deliver("check_suite", checkSuiteEvent("rerequested", APP_ID));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_suite listing PRs of other repositories that share the commit: only this repository's", async () => {
    expectEvaluation();
    const payload = checkSuiteEvent("rerequested", APP_ID);
    payload.check_suite.pull_requests.push(listedPullRequest(8, SHA_1, 99999, "fork-of-api"));
    await h.deliver("check_suite", payload);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_suite.completed of another app (its checks may be required)", async () => {
    expectEvaluation();
    await h.deliver("check_suite", checkSuiteEvent("completed", 15368));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_run.rerequested on a fork's PR (GitHub lists none): found through the commit", async () => {
    h.api.pullsOfCommit(SHA_1, [restPullRequest(7, SHA_1)]);
    expectEvaluation();
    const payload = checkRunEvent("rerequested");
    payload.check_run.pull_requests = [];
    await h.deliver("check_run", payload);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("check_suite.completed of another app on a fork's PR: found through the commit", async () => {
    h.api.pullsOfCommit(SHA_1, [restPullRequest(7, SHA_1)]);
    expectEvaluation();
    const payload = checkSuiteEvent("completed", 15368);
    payload.check_suite.pull_requests = [];
    payload.check_suite.head_branch = "contributor-fix";
    await h.deliver("check_suite", payload);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("status: looks up the open PRs whose head is the commit", async () => {
    h.api.pullsOfCommit(SHA_1, [restPullRequest(7, SHA_1), restPullRequest(9, SHA_1, "closed"), restPullRequest(11, SHA_2)]);
    expectEvaluation();
    await h.deliver("status", statusEvent(SHA_1));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });
});

describe("webhooks are acknowledged before GitHub answers the lookups they need", () => {
  const settled = (promise: Promise<unknown>) =>
    Promise.race([promise.then(() => "acknowledged"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);

  it.each([
    ["status", () => statusEvent(SHA_1), `/repos/acme/api/commits/${SHA_1}/pulls?per_page=100`],
    [
      "push",
      () => pushEvent("refs/heads/main", [{ id: "f".repeat(40), message: "Require seniors", modified: [".agent-governance.yml"] }]),
      "/repos/acme/api/pulls?state=open&per_page=100",
    ],
    ["installation_repositories", () => installationRepositoriesAddedEvent(["api"]), "/repos/acme/api/pulls?state=open&per_page=100"],
  ])("%s", async (name, payload, lookup) => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    h.api
      .scope()
      .get(lookup)
      .reply((_uri, _body, callback) => void answered.then(() => callback(null, [200, []])));

    expect(await settled(h.receive(name, payload()))).toBe("acknowledged");

    answer();
    await h.app.idle();
    h.api.verify();
  });
});

describe("events that evaluate every open PR of a repository", () => {
  it("push to the default branch that changes .agent-governance.yml", async () => {
    h.api.openPulls("api", [restPullRequest(7, SHA_1), restPullRequest(8, SHA_2)]);
    expectEvaluation(7, SHA_1);
    expectEvaluation(8, SHA_2);
    await h.deliver("push", pushEvent("refs/heads/main", [{ id: "f".repeat(40), message: "Require seniors", modified: [".agent-governance.yml"] }]));
    h.api.verify();
    expect(evaluatedPullRequests().sort()).toEqual([7, 8]);
  });

  it("installation.created", async () => {
    h.api.openPulls("api", [restPullRequest(7, SHA_1)]);
    expectEvaluation(7, SHA_1);
    const payload = example("installation", "created");
    payload.installation.id = 4242;
    payload.repositories = [{ id: 7000, node_id: "R_0", name: "api", full_name: "acme/api", private: false }];
    await h.deliver("installation", payload);
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });

  it("installation_repositories.added", async () => {
    h.api.openPulls("api", [restPullRequest(7, SHA_1)]).openPulls("web", []);
    expectEvaluation(7, SHA_1);
    await h.deliver("installation_repositories", installationRepositoriesAddedEvent(["api", "web"]));
    h.api.verify();
    expect(evaluatedPullRequests()).toEqual([7]);
  });
});

describe("events that change nothing", () => {
  it("pull_request.edited without a base change (title, body)", async () => {
    const payload = pullRequestEvent("edited");
    payload.changes = { title: { from: "Old title" } };
    await h.deliver("pull_request", payload);
    expectNothingCalled();
  });

  it("check_run.requested_action with another identifier", async () => {
    await h.deliver("check_run", checkRunEvent("requested_action", "lgtm|26764"));
    expectNothingCalled();
  });

  it("check_suite.completed of this app's own suite", async () => {
    await h.deliver("check_suite", checkSuiteEvent("completed", APP_ID));
    expectNothingCalled();
  });

  it("check_suite.completed on the default branch with no PR", async () => {
    const payload = checkSuiteEvent("completed", 15368);
    payload.check_suite.pull_requests = [];
    payload.check_suite.head_branch = "main";
    await h.deliver("check_suite", payload);
    expectNothingCalled();
  });

  it("push to another branch, even one changing the policy", async () => {
    await h.deliver("push", pushEvent("refs/heads/feature/x", [{ id: "f".repeat(40), message: "wip", modified: [".agent-governance.yml"] }]));
    expectNothingCalled();
  });

  it("push to the default branch that leaves the policy alone", async () => {
    await h.deliver("push", pushEvent("refs/heads/main", [{ id: "f".repeat(40), message: "Fix a typo", modified: ["README.md"] }]));
    expectNothingCalled();
  });

  it("the echo of the label the app itself just applied", async () => {
    h.api
      .facts({ headSha: SHA_1, commits: [{ sha: SHA_1, message: "Limiter\n\nCo-Authored-By: Claude <noreply@anthropic.com>\n" }] })
      .listCheckRuns(SHA_1)
      .createCheckRun(1)
      .addLabels();
    await h.deliver("pull_request", pullRequestEvent("opened"));
    const before = h.api.calls().length;

    const echo = pullRequestEvent("labeled");
    echo.label = { ...echo.label, name: "ai-assisted" };
    echo.sender = { ...echo.sender, login: "agent-governance[bot]", type: "Bot" };
    await h.deliver("pull_request", echo);

    h.api.verify();
    expect(h.api.calls()).toHaveLength(before);
  });
});

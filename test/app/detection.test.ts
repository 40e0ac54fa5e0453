/**
 * Who is AI, seen through the app. A Copilot coding-agent PR is labelled
 * and blocked; a Dependabot PR and a person's commit that merely names Copilot pass unlabelled.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { SHA_1, pullRequestEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp, useApp } from "./harness.js";

const COPILOT = { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com", user: null };
const DEPENDABOT = { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com", user: null };

const copilotPullRequest: PullRequestSpec = {
  headSha: SHA_1,
  author: { login: "copilot-swe-agent", type: "Bot", id: 198982749 },
  headRef: "copilot/fix-rate-limiter",
  commits: [{ sha: SHA_1, message: "Initial plan", author: COPILOT }],
};

const dependabotPullRequest: PullRequestSpec = {
  headSha: SHA_1,
  author: { login: "dependabot", type: "Bot", id: 49699333 },
  headRef: "dependabot/npm_and_yarn/yaml-2.9.1",
  title: "Bump yaml from 2.9.0 to 2.9.1",
  commits: [
    {
      sha: SHA_1,
      message: "Bump yaml from 2.9.0 to 2.9.1\n\nSigned-off-by: dependabot[bot] <support@github.com>\n",
      author: DEPENDABOT,
    },
  ],
  files: [{ path: "package.json", additions: 1, deletions: 1 }],
};

const humanPullRequest: PullRequestSpec = {
  headSha: SHA_1,
  author: "alice",
  title: "Fix Copilot keybinding",
  commits: [{ sha: SHA_1, message: "Fix Copilot keybinding\n\nCtrl+I opened the wrong panel.\n", author: "alice" }],
};

let h: Harness;
useApp((harness) => (h = harness));

describe("detection through the app", () => {
  it("labels a PR from copilot-swe-agent[bot] ai-assisted and blocks it", async () => {
    h.api.facts(copilotPullRequest).listCheckRuns(SHA_1).createCheckRun(1).addLabels();

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    expect(h.api.calls().some((call) => call.path.endsWith("/issues/7/labels"))).toBe(true);
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
    expect(h.api.lastCheckRun().output.summary).toContain("agents: <code>copilot</code>");
  });

  it.each([
    ["a Dependabot PR", dependabotPullRequest],
    ["a person's commit that says \"Fix Copilot keybinding\"", humanPullRequest],
  ])("passes %s without a label", async (_what, spec) => {
    h.api.facts(spec).listCheckRuns(SHA_1).createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("opened"));

    // verify() fails on any label write, because none was expected.
    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("success");
    expect(h.api.lastCheckRun().output.summary).toContain("No AI involvement detected");
  });

  it("removes its own label when a force-push drops the AI commits", async () => {
    h.api
      .facts({ ...humanPullRequest, title: "Add a limiter", labels: [{ name: "ai-assisted" }] })
      .listCheckRuns(SHA_1)
      .createCheckRun(1)
      .removeLabel("ai-assisted");
    const forcePush = pullRequestEvent("synchronize");
    h.api.pullsLeftBehind(forcePush);

    await h.deliver("pull_request", forcePush);

    h.api.verify();
    expect(h.api.calls().some((call) => call.method === "DELETE" && call.path === "/repos/acme/api/issues/7/labels/ai-assisted")).toBe(true);
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });

  it("keeps the label when a person applied it: that declares AI help", async () => {
    h.api
      .facts({ ...humanPullRequest, title: "Add a limiter", labels: [{ name: "ai-assisted", by: { __typename: "User", login: "bob", databaseId: 5002 } }] })
      .listCheckRuns(SHA_1)
      .createCheckRun(1);

    await h.deliver("pull_request", pullRequestEvent("labeled"));

    h.api.verify();
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
  });
});

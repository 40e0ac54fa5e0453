/**
 * Which pull requests a check_run / check_suite names. GitHub lists them with a short
 * `repo-ref` ({ id, url, name }, no owner), as in @octokit/webhooks-examples.
 */
import { describe, expect, it } from "@jest/globals";
import { targetsFromCheckPayload } from "../../src/events/targets.js";
import { example } from "./fixtures.js";

describe("targetsFromCheckPayload", () => {
  it("keeps the PRs of a real check_suite delivery of the same repository", () => {
    const payload = example("check_suite", "rerequested");
    const targets = targetsFromCheckPayload(1, payload.repository, payload.check_suite.pull_requests);
    expect(targets.map((t) => t.number)).toEqual(payload.check_suite.pull_requests.map((pr: { number: number }) => pr.number));
    expect(targets.length).toBeGreaterThan(0);
  });

  const repository = { id: 10, name: "api", owner: { login: "Acme" } };
  const listed = (repo: Record<string, unknown> | null) => [{ number: 7, head: { sha: "abc" }, base: { repo } }];

  it.each([
    ["the same id", 1, { id: 10, url: "https://api.github.com/repos/other/name", name: "name" }],
    ["another id", 0, { id: 11, url: "https://api.github.com/repos/acme/api", name: "api" }],
    ["the same API URL, no id", 1, { url: "https://api.github.com/repos/acme/API", name: "api" }],
    ["another owner's API URL, no id", 0, { url: "https://api.github.com/repos/fork/api", name: "api" }],
    ["an owner and name (full repository object)", 1, { name: "api", owner: { login: "acme" } }],
    ["no repository at all", 1, null],
  ])("a PR whose base repository has %s → %i target(s)", (_what, count, repo) => {
    expect(targetsFromCheckPayload(1, repository, listed(repo))).toHaveLength(count);
  });
});

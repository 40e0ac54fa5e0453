import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { installationRepositories, openPullRequests, openPullRequestsOfCommit } from "../../src/github/pull-requests.js";
import { API, testOctokit, useNock } from "./octokit.js";

const REPO = { owner: "acme", repo: "api" };
const SHA = "a".repeat(40);
const pull = (number: number, sha = SHA, state = "open") => ({ number, state, head: { sha } });
const next = (url: string) => ({ link: `<${API}${url}>; rel="next", <${API}${url}>; rel="last"` });

useNock();

describe("open pull requests", () => {
  it("of a commit: only the open ones it heads", async () => {
    const scope = nock(API)
      .get(`/repos/acme/api/commits/${SHA}/pulls?per_page=100`)
      .reply(200, [pull(7), pull(8, SHA, "closed"), pull(9, "b".repeat(40))]);
    expect(await openPullRequestsOfCommit(testOctokit(), REPO, SHA)).toEqual([{ number: 7, headSha: SHA }]);
    scope.done();
  });

  it("of a commit: every page, so an open one after 100 merged ones is found", async () => {
    const merged = Array.from({ length: 100 }, (_, i) => pull(100 + i, SHA, "closed"));
    const scope = nock(API)
      .get(`/repos/acme/api/commits/${SHA}/pulls?per_page=100`)
      .reply(200, merged, next(`/repositories/1/commits/${SHA}/pulls?per_page=100&page=2`))
      .get(`/repositories/1/commits/${SHA}/pulls?per_page=100&page=2`)
      .reply(200, [pull(7)]);
    expect(await openPullRequestsOfCommit(testOctokit(), REPO, SHA)).toEqual([{ number: 7, headSha: SHA }]);
    scope.done();
  });

  it("of a repository: follows the Link header's next page, one request per page", async () => {
    const scope = nock(API)
      .get("/repos/acme/api/pulls?state=open&per_page=100")
      .reply(200, [pull(7)], next("/repositories/1/pulls?state=open&per_page=100&page=2"))
      .get("/repositories/1/pulls?state=open&per_page=100&page=2")
      .reply(200, [pull(8)]);
    expect(await openPullRequests(testOctokit(), REPO)).toEqual([
      { number: 7, headSha: SHA },
      { number: 8, headSha: SHA },
    ]);
    scope.done();
  });

  it("the installation's repositories, every page", async () => {
    const repository = (name: string) => ({ name, owner: { login: "acme" } });
    const scope = nock(API)
      .get("/installation/repositories?per_page=100")
      .reply(200, { total_count: 2, repositories: [repository("api")] }, next("/installation/repositories?per_page=100&page=2"))
      .get("/installation/repositories?per_page=100&page=2")
      .reply(200, { total_count: 2, repositories: [repository("web")] });
    expect(await installationRepositories(testOctokit())).toEqual([
      { owner: "acme", repo: "api" },
      { owner: "acme", repo: "web" },
    ]);
    scope.done();
  });
});

import { afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import nock from "nock";
import { loginDouble } from "./login-double.js";
import { API, testOctokit } from "./octokit.js";

jest.unstable_mockModule("../../src/detect/login.js", loginDouble);
const { ReviewRequestMemo, requestReviewers } = await import("../../src/github/review-requests.js");

const PR = { owner: "acme", repo: "api", number: 42, headSha: "9b8e7d6", draft: false, author: "Alice" };
const PATH = "/repos/acme/api/pulls/42/requested_reviewers";

type Body = { reviewers: string[]; team_reviewers: string[] };

function accepts(bodies: Body[] = []) {
  return nock(API)
    .post(PATH, (body) => bodies.push(body) > 0)
    .reply(201, {});
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("requestReviewers", () => {
  it("requests users and teams of the PR's organisation in one request", async () => {
    const bodies: Body[] = [];
    accepts(bodies);
    const result = await requestReviewers(testOctokit(), PR, { users: ["Bob"], teams: ["senior-engineers", "acme/platform-leads"] }, new ReviewRequestMemo());
    expect(bodies).toEqual([{ reviewers: ["bob"], team_reviewers: ["senior-engineers", "platform-leads"] }]);
    expect(result).toEqual({ users: ["bob"], teams: ["senior-engineers", "platform-leads"], requests: 1 });
  });

  it("requests a reviewer only once per head SHA", async () => {
    const memo = new ReviewRequestMemo();
    accepts();
    await requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo);
    const again = await requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo);
    expect(again).toMatchObject({ requests: 0, skipped: "nothing-new" });
  });

  it("requests again after a new push (new head SHA)", async () => {
    const memo = new ReviewRequestMemo();
    accepts();
    await requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo);
    accepts();
    const pushed = await requestReviewers(testOctokit(), { ...PR, headSha: "1234567" }, { users: ["bob"], teams: [] }, memo);
    expect(pushed.requests).toBe(1);
  });

  it("requests only the reviewers not yet asked on this SHA", async () => {
    const memo = new ReviewRequestMemo();
    accepts();
    await requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo);
    const bodies: Body[] = [];
    accepts(bodies);
    await requestReviewers(testOctokit(), PR, { users: ["bob", "carol"], teams: [] }, memo);
    expect(bodies).toEqual([{ reviewers: ["carol"], team_reviewers: [] }]);
  });

  it("never requests reviews on a draft", async () => {
    const result = await requestReviewers(testOctokit(), { ...PR, draft: true }, { users: ["bob"], teams: [] }, new ReviewRequestMemo());
    expect(result).toMatchObject({ requests: 0, skipped: "draft" });
  });

  it("never requests the PR author, whatever the spelling", async () => {
    const bodies: Body[] = [];
    accepts(bodies);
    await requestReviewers(testOctokit(), PR, { users: ["@ALICE", "bob"], teams: [] }, new ReviewRequestMemo());
    expect(bodies[0].reviewers).toEqual(["bob"]);
  });

  it("makes no request when there is nobody to ask", async () => {
    const result = await requestReviewers(testOctokit(), PR, { users: ["alice"], teams: [] }, new ReviewRequestMemo());
    expect(result).toMatchObject({ requests: 0, skipped: "nothing-new" });
  });

  it("leaves out teams of another organisation, which GitHub cannot request", async () => {
    const bodies: Body[] = [];
    accepts(bodies);
    await requestReviewers(testOctokit(), PR, { users: [], teams: ["globex/leads", "seniors"] }, new ReviewRequestMemo());
    expect(bodies[0].team_reviewers).toEqual(["seniors"]);
  });

  it("returns GitHub's refusal (422) as a value and does not retry it on the same SHA", async () => {
    const memo = new ReviewRequestMemo();
    nock(API).post(PATH).reply(422, { message: "Reviews may only be requested from collaborators." });
    const refused = await requestReviewers(testOctokit(), PR, { users: ["outsider"], teams: [] }, memo);
    expect(refused).toMatchObject({ requests: 1, users: [], error: expect.stringContaining("collaborators") });
    await expect(requestReviewers(testOctokit(), PR, { users: ["outsider"], teams: [] }, memo)).resolves.toMatchObject({ requests: 0 });
  });

  it("lets other failures through and asks again next time", async () => {
    const memo = new ReviewRequestMemo();
    nock(API).post(PATH).reply(500, { message: "boom" });
    await expect(requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo)).rejects.toMatchObject({ status: 500 });
    accepts();
    await expect(requestReviewers(testOctokit(), PR, { users: ["bob"], teams: [] }, memo)).resolves.toMatchObject({ requests: 1 });
  });
});

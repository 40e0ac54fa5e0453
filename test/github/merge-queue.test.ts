/** A merge queue longer than one page: the group's entry and every entry ahead of it are read. */
import { describe, expect, it } from "@jest/globals";
import nock from "nock";
import { mergeGroupPullRequests } from "../../src/github/merge-queue.js";
import { API, graphqlOperation, testOctokit, useNock } from "./octokit.js";

useNock();

const sha = (n: number, stem: string) => `${stem}${String(n).padStart(40 - stem.length, "0")}`;
const entry = (position: number) => ({ position, pullRequest: { number: position, headRefOid: sha(position, "e") }, headCommit: { oid: sha(position, "c") } });
const entries = (from: number, count: number) => Array.from({ length: count }, (_, i) => entry(from + i));
const group = (position: number) => ({ owner: "acme", repo: "api", headSha: sha(position, "c"), headRef: `refs/heads/gh-readonly-queue/main/pr-${position}-abcdef1`, baseRef: "refs/heads/main" });

function queuePage(after: string | null, nodes: unknown[], next: string | null) {
  return nock(API)
    .post("/graphql", (body) => graphqlOperation(body) === "MergeQueueEntries" && (body.variables.after ?? null) === after)
    .reply(200, { data: { repository: { mergeQueue: { entries: { pageInfo: { hasNextPage: next !== null, endCursor: next ?? "end" }, nodes } } } } });
}

describe("mergeGroupPullRequests", () => {
  it("reads the next page of the queue when the group's entry is beyond the first 100", async () => {
    const first = queuePage(null, entries(1, 100), "q100");
    const second = queuePage("q100", entries(101, 5), null);

    const members = await mergeGroupPullRequests(testOctokit(), group(101));

    first.done();
    second.done();
    expect(members.source).toBe("merge-queue");
    expect(members.pullRequests.map((pr) => pr.number)).toEqual(Array.from({ length: 101 }, (_, i) => i + 1));
  });

  it("reads no further page once the group's entry is found", async () => {
    const first = queuePage(null, entries(1, 100), "q100");

    const members = await mergeGroupPullRequests(testOctokit(), group(3));

    first.done();
    expect(members.pullRequests.map((pr) => pr.number)).toEqual([1, 2, 3]);
  });
});

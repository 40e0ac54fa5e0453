/** The app's own GraphQL documents (src/github/facts-query.ts) run on the simulator without errors. */
import { generateKeyPairSync } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startSimulator, type PullRecord, type Simulator } from "@agent-governance/github-simulator";
import { GRAPHQL_DOCUMENTS } from "../../src/github/facts-query.js";
import { groupEntries, MERGE_QUEUE_QUERY } from "../../src/github/merge-queue.js";

const TOKEN = "queries-test-token";
let sim: Simulator;
let pr: PullRecord;

/** Posts one GraphQL document as a person with access to acme/widgets. */
async function graphql(query: string, variables: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${sim.url}/api/graphql`, {
    method: "POST",
    headers: { authorization: `bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  sim = await startSimulator({ appId: 1, privateKey: privateKey.export({ type: "pkcs1", format: "pem" }).toString(), webhookSecret: "unused" });
  const { world } = sim;
  world.addOrg("acme", { members: ["alice", "bob", "carol"] });
  world.addTeam("acme", "seniors", ["alice", "bob"]);
  world.addRepo("acme", "widgets", { files: { ".agent-governance.yml": "version: 1\n" } });
  world.setPermission("acme/widgets", "alice", "maintain");
  sim.addPersonalToken(TOKEN, "alice");
  world.addRepo("acme", ".github", { files: { ".agent-governance.yml": "version: 1\n" } });
  world.addUser("claude[bot]", { id: 209825114 });
  pr = world.openPullRequest({
    repo: "acme/widgets",
    author: "carol",
    head: "claude/feature",
    commits: Array.from({ length: 120 }, (_, i) => ({ message: `step ${i}`, files: [{ path: `src/f${i}.ts`, additions: 2 }] })),
    labels: [{ name: "ai-assisted", by: "claude[bot]" }],
  });
  world.requestReviewers(pr, { users: ["bob"], teams: ["seniors"] });
  world.addReview(pr, { user: "alice", state: "APPROVED" });
  world.addCheckRun("acme/widgets", { headSha: world.headSha(pr), name: "build", conclusion: "success" });
});
afterAll(() => sim.close());

describe("the app's GraphQL documents", () => {
  it("PullRequestFacts returns the pull request, its policy blobs and the first pages", async () => {
    const { body } = await graphql(GRAPHQL_DOCUMENTS.PullRequestFacts, {
      owner: "acme",
      repo: "widgets",
      number: pr.number,
      policyPath: ".agent-governance.yml",
      orgPolicy: "HEAD:.agent-governance.yml",
    });
    expect(body.errors).toBeUndefined();
    const pull = body.data.repository.pullRequest;
    expect(pull.baseRef.target.policy.object.text).toBe("version: 1\n");
    expect(pull.headCommit.nodes[0].commit.oid).toBe(sim.world.headSha(pr));
    expect(pull.headCommit.nodes[0].commit.statusCheckRollup.contexts.nodes).toEqual([{ __typename: "CheckRun", name: "build", status: "COMPLETED", conclusion: "SUCCESS" }]);
    expect(pull.labelEvents.nodes[0].actor).toEqual({ __typename: "Bot", login: "claude", databaseId: 209825114 });
    expect(pull.commits).toEqual(expect.objectContaining({ totalCount: 120, pageInfo: expect.objectContaining({ hasNextPage: true }) }));
    expect(pull.reviewRequests.nodes.map((n: { requestedReviewer: unknown }) => n.requestedReviewer)).toEqual([
      { __typename: "User", login: "bob" },
      { __typename: "Team", slug: "seniors", organization: { login: "acme" } },
    ]);
    expect(body.data.orgDefaults.object.text).toBe("version: 1\n");
  });

  it.each([
    ["PullRequestCommitsPage", "commits", 20],
    ["PullRequestFilesPage", "files", 20],
  ] as const)("%s continues after the first 100", async (operation, connection, rest) => {
    const first = await graphql(GRAPHQL_DOCUMENTS.PullRequestFacts, {
      owner: "acme",
      repo: "widgets",
      number: pr.number,
      policyPath: ".agent-governance.yml",
      orgPolicy: "HEAD:.agent-governance.yml",
    });
    const after = first.body.data.repository.pullRequest[connection].pageInfo.endCursor;
    const { body } = await graphql(GRAPHQL_DOCUMENTS[operation], { owner: "acme", repo: "widgets", number: pr.number, after });
    expect(body.errors).toBeUndefined();
    const page = body.data.repository.pullRequest[connection];
    expect(page.nodes).toHaveLength(rest);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });
});

describe("the merge queue (MergeQueueEntries, src/github/merge-queue.ts)", () => {
  it("lists the queued pull requests with the head commit each group made for them", async () => {
    const { world } = sim;
    const first = world.openPullRequest({ repo: "acme/widgets", author: "carol", head: "queue/one", commits: [{ message: "one", files: [{ path: "one.txt" }] }] });
    const second = world.openPullRequest({ repo: "acme/widgets", author: "carol", head: "queue/two", commits: [{ message: "two", files: [{ path: "two.txt" }] }] });
    const group = world.createMergeGroup("acme/widgets", [first, second]);

    const { body } = await graphql(MERGE_QUEUE_QUERY, { owner: "acme", repo: "widgets", branch: "main" });

    expect(body.errors).toBeUndefined();
    const nodes = body.data.repository.mergeQueue.entries.nodes;
    expect(nodes.map((n: { position: number; pullRequest: { number: number } }) => [n.position, n.pullRequest.number])).toEqual([
      [1, first.number],
      [2, second.number],
    ]);
    expect(nodes[1].headCommit.oid).toBe(group.headSha);
    expect(groupEntries(nodes, group.headSha).map((entry) => entry.number)).toEqual([first.number, second.number]);
    expect(groupEntries(nodes, nodes[0].headCommit.oid).map((entry) => entry.number)).toEqual([first.number]);
  });

  it("is null for a branch without merge groups", async () => {
    const { body } = await graphql(MERGE_QUEUE_QUERY, { owner: "acme", repo: "widgets", branch: "no-queue-here" });
    expect(body.errors).toBeUndefined();
    expect(body.data.repository.mergeQueue).toBeNull();
  });
});

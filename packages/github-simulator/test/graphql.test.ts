import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { PullRecord } from "../src/index.js";
import { startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
let pr: PullRecord;
let longPr: PullRecord;

/** The shape of query the app sends (one GraphQL read including the policy). */
const FACTS_QUERY = /* GraphQL */ `
  query PullRequestFacts($owner: String!, $name: String!, $number: Int!, $commitsAfter: String) {
    repository(owner: $owner, name: $name) {
      defaultBranchRef { name }
      policy: object(expression: "main:.agent-governance.yml") { ... on Blob { oid text byteSize isTruncated isBinary } }
      pullRequest(number: $number) {
        number title body isDraft state baseRefName headRefName headRefOid
        author { login __typename ... on Bot { databaseId } ... on User { databaseId } }
        labels(first: 100) { nodes { name } }
        timelineItems(last: 100, itemTypes: [LABELED_EVENT]) { nodes { ... on LabeledEvent { label { name } actor { login __typename } } } }
        commits(first: 100, after: $commitsAfter) {
          totalCount
          pageInfo { hasNextPage endCursor }
          nodes { commit {
            oid message parents { totalCount }
            author { name email user { login databaseId } }
            committer { name email user { login databaseId } }
            signature { isValid }
          } }
        }
        files(first: 100) { totalCount pageInfo { hasNextPage endCursor } nodes { path additions deletions changeType } }
        latestOpinionatedReviews(first: 100) { nodes { author { login } state } }
        reviews(first: 100) { nodes { id author { login __typename } state commit { oid } submittedAt authorCanPushToRepository } }
        reviewRequests(first: 100) { nodes { requestedReviewer { __typename ... on User { login } ... on Team { slug } } } }
      }
    }
    orgDefault: repository(owner: $owner, name: ".github") { object(expression: "HEAD:.agent-governance.yml") { ... on Blob { text } } }
    rateLimit { cost remaining }
  }
`;

beforeAll(async () => {
  f = await startFixture();
  const { world } = f.sim;
  world.addUser("copilot-swe-agent[bot]", { id: 198982749 });
  world.addRepo("acme", ".github", { files: { ".agent-governance.yml": "version: 1\nrules: []\n" } });
  pr = world.openPullRequest({
    repo: "acme/widgets",
    author: "copilot-swe-agent[bot]",
    head: "copilot/fix-bug",
    title: "Fix the bug",
    body: "Fixes #1",
    commits: [
      { message: "Initial plan", author: { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com" } },
      {
        message: "Fix bug\n\nCo-authored-by: carol <carol@example.com>",
        author: { name: "Carol", email: "carol@example.com", login: "carol" },
        verified: true,
      },
    ],
    files: [{ path: "src/bug.ts", content: "export const fixed = true;\n" }],
    labels: [{ name: "ai-assisted", by: "carol" }],
  });
  world.requestReviewers(pr, { users: ["bob"], teams: ["seniors"] });
  world.addReview(pr, { user: "alice", state: "APPROVED" });
  longPr = world.openPullRequest({
    repo: "acme/widgets",
    author: "carol",
    head: "feature/long",
    commits: Array.from({ length: 250 }, (_, i) => ({ message: `step ${i + 1}` })),
  });
});
afterAll(() => f.sim.close());

describe("GraphQL over GitHub's schema", () => {
  it("answers the app's facts query with the world's pull request", async () => {
    const { status, body } = await f.graphql(FACTS_QUERY, { owner: "acme", name: "widgets", number: pr.number });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const repo = body.data.repository;
    const pull = repo.pullRequest;
    expect(repo.defaultBranchRef.name).toBe("main");
    expect(repo.policy).toEqual(expect.objectContaining({ text: "version: 1\n", byteSize: 11, isTruncated: false, isBinary: false }));
    expect(body.data.orgDefault.object.text).toBe("version: 1\nrules: []\n");
    expect(pull).toEqual(
      expect.objectContaining({ number: pr.number, title: "Fix the bug", isDraft: false, state: "OPEN", baseRefName: "main", headRefName: "copilot/fix-bug" }),
    );
    expect(pull.headRefOid).toBe(f.sim.world.headSha(pr));
    expect(pull.author).toEqual({ login: "copilot-swe-agent", __typename: "Bot", databaseId: 198982749 });
    expect(pull.labels.nodes).toEqual([{ name: "ai-assisted" }]);
    expect(pull.timelineItems.nodes).toEqual([{ label: { name: "ai-assisted" }, actor: { login: "carol", __typename: "User" } }]);
    expect(pull.commits.totalCount).toBe(2);
    expect(pull.commits.nodes[1].commit).toEqual(
      expect.objectContaining({
        message: "Fix bug\n\nCo-authored-by: carol <carol@example.com>",
        parents: { totalCount: 1 },
        author: { name: "Carol", email: "carol@example.com", user: { login: "carol", databaseId: f.sim.world.account("carol")!.id } },
        signature: { isValid: true },
      }),
    );
    expect(pull.commits.nodes[0].commit.signature).toBeNull();
    expect(pull.files.nodes).toEqual([{ path: "src/bug.ts", additions: 1, deletions: 0, changeType: "ADDED" }]);
    expect(pull.reviews.nodes).toEqual([
      expect.objectContaining({ author: { login: "alice", __typename: "User" }, state: "APPROVED", commit: { oid: pull.headRefOid }, authorCanPushToRepository: true }),
    ]);
    expect(pull.latestOpinionatedReviews.nodes).toEqual([{ author: { login: "alice" }, state: "APPROVED" }]);
    expect(pull.reviewRequests.nodes).toEqual([
      { requestedReviewer: { __typename: "User", login: "bob" } },
      { requestedReviewer: { __typename: "Team", slug: "seniors" } },
    ]);
    expect(body.data.rateLimit).toEqual({ cost: 1, remaining: expect.any(Number) });
  });

  it("lists at most 3 000 files of a pull request, while changedFiles counts them all", async () => {
    const wide = f.sim.world.openPullRequest({
      repo: "acme/widgets",
      author: "carol",
      head: "feature/wide",
      commits: [{ message: "Touch everything" }],
      files: Array.from({ length: 3006 }, (_, i) => ({ path: `gen/f${i}.txt`, additions: 1 })),
    });
    const query = `query($number: Int!, $after: String) { repository(owner: "acme", name: "widgets") { pullRequest(number: $number) {
      changedFiles files(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } } } } }`;
    const last = Buffer.from("cursor:2900").toString("base64");
    const { body } = await f.graphql(query, { number: wide.number, after: last });
    expect(body.data.repository.pullRequest).toEqual({ changedFiles: 3006, files: { totalCount: 3000, pageInfo: { hasNextPage: false, endCursor: expect.any(String) } } });
  });

  it("a bot's commit identity has no user (GitActor.user is a User)", async () => {
    const { body } = await f.graphql(FACTS_QUERY, { owner: "acme", name: "widgets", number: pr.number });
    expect(body.data.repository.pullRequest.commits.nodes[0].commit.author.user).toBeNull();
  });

  it("an unknown field is a 200 with GitHub's validation error", async () => {
    const { status, body } = await f.graphql(`query { repository(owner: "acme", name: "widgets") { nope } }`);
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({ message: "Field 'nope' doesn't exist on type 'Repository'", extensions: expect.objectContaining({ code: "undefinedField" }) }),
    ]);
  });

  it("a syntax error is a 200 with a parse error", async () => {
    const { status, body } = await f.graphql(`query { repository(owner: "acme" {`);
    expect(status).toBe(200);
    expect(body.errors[0].message).toMatch(/^Parse error/);
  });

  it("an unknown repository resolves to null with a NOT_FOUND error", async () => {
    const { body } = await f.graphql(`query { repository(owner: "acme", name: "missing") { name } }`);
    expect(body.data).toEqual({ repository: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ type: "NOT_FOUND", path: ["repository"], message: "Could not resolve to a Repository with the name 'acme/missing'." }),
    ]);
  });

  it("a missing policy file is a null object, not an error", async () => {
    const { body } = await f.graphql(`query { repository(owner: "acme", name: "widgets") { object(expression: "main:nope.yml") { ... on Blob { text } } } }`);
    expect(body).toEqual({ data: { repository: { object: null } } });
  });

  it("pages through 250 commits with cursors, 100 at a time", async () => {
    const query = `query($after: String) { repository(owner: "acme", name: "widgets") { pullRequest(number: ${longPr.number}) {
      commits(first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { commit { oid message } } } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    const pages: boolean[] = [];
    do {
      const { body } = await f.graphql(query, { after });
      const commits = body.data.repository.pullRequest.commits;
      expect(commits.totalCount).toBe(250);
      seen.push(...commits.nodes.map((n: { commit: { message: string } }) => n.commit.message));
      pages.push(commits.pageInfo.hasNextPage);
      after = commits.pageInfo.hasNextPage ? commits.pageInfo.endCursor : null;
    } while (after);
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `step ${i + 1}`));
  });

  it.each([
    ["without first or last", "commits { nodes { commit { oid } } }", "You must provide a `first` or `last` value to properly paginate the `commits` connection."],
    ["with more than 100", "commits(first: 101) { nodes { commit { oid } } }", "Requesting 101 records on the `commits` connection exceeds the `first` limit of 100 records."],
  ])("a connection asked %s fails like GitHub", async (_case, selection, message) => {
    const { body } = await f.graphql(`query { repository(owner: "acme", name: "widgets") { pullRequest(number: ${pr.number}) { ${selection} } } }`);
    expect(body.errors).toEqual([expect.objectContaining({ message })]);
  });

  it("lists team members with pagination", async () => {
    const query = `query($after: String) { organization(login: "acme") { team(slug: "seniors") { members(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { login } } } } }`;
    const first = await f.graphql(query);
    const members = first.body.data.organization.team.members;
    expect(members).toEqual(expect.objectContaining({ totalCount: 2, nodes: [{ login: "alice" }], pageInfo: expect.objectContaining({ hasNextPage: true }) }));
    const second = await f.graphql(query, { after: members.pageInfo.endCursor });
    expect(second.body.data.organization.team.members.nodes).toEqual([{ login: "bob" }]);
  });

  it("rolls up check runs and statuses on the head commit", async () => {
    const { world } = f.sim;
    const head = world.headSha(pr);
    world.addCheckRun("acme/widgets", { headSha: head, name: "build", conclusion: "success" });
    world.addCheckRun("acme/widgets", { headSha: head, name: "test", status: "in_progress" });
    world.setStatus("acme/widgets", head, { context: "ci/legacy", state: "success" });
    const { body } = await f.graphql(`query { repository(owner: "acme", name: "widgets") { object(expression: "${head}") { ... on Commit {
      statusCheckRollup { state contexts(first: 100) { nodes { __typename ... on CheckRun { name status conclusion } ... on StatusContext { context state } } } }
      checkSuites(first: 10) { nodes { app { slug } checkRuns(first: 10) { nodes { name status conclusion } } } }
      status { state contexts { context state } }
    } } } }`);
    expect(body.errors).toBeUndefined();
    const commit = body.data.repository.object;
    expect(commit.statusCheckRollup.state).toBe("PENDING");
    expect(commit.statusCheckRollup.contexts.nodes).toEqual([
      { __typename: "CheckRun", name: "build", status: "COMPLETED", conclusion: "SUCCESS" },
      { __typename: "CheckRun", name: "test", status: "IN_PROGRESS", conclusion: null },
      { __typename: "StatusContext", context: "ci/legacy", state: "SUCCESS" },
    ]);
    expect(commit.checkSuites.nodes[0].app.slug).toBe("github-actions");
    expect(commit.status).toEqual({ state: "SUCCESS", contexts: [{ context: "ci/legacy", state: "SUCCESS" }] });
  });

  it("records the operation name in the request log", async () => {
    await f.graphql(FACTS_QUERY, { owner: "acme", name: "widgets", number: pr.number });
    const logged = f.sim.requests({ route: "/graphql" }).pop();
    expect(logged).toEqual(expect.objectContaining({ method: "POST", path: "/api/graphql", status: 200, operationName: "PullRequestFacts", auth: "installation" }));
  });

  it("requires authentication", async () => {
    const res = await fetch(`${f.sim.url}/api/graphql`, { method: "POST", body: JSON.stringify({ query: "{ rateLimit { cost } }" }) });
    expect(res.status).toBe(401);
  });
});

import { afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import nock from "nock";
import {
  BASE_POLICY_OID,
  HEAD_POLICY_OID,
  HEAD_SHA,
  OLD_SHA,
  ORG_POLICY_OID,
  commitNode,
  pullRequestFactsResponse,
  withoutOrgRepository,
  type PullRequestFactsFixture,
} from "./fixtures/pull-request-facts.js";
import { loginDouble } from "./login-double.js";
import { API, graphqlOperation, testOctokit } from "./octokit.js";
import type { GqlPullRequest } from "../../src/github/facts-query.js";

jest.unstable_mockModule("../../src/detect/login.js", loginDouble);
const { gatherFacts, PullRequestNotFoundError } = await import("../../src/github/gather-facts.js");
const { MemoryHeadPages } = await import("../../src/github/head-pages.js");

const REF = { owner: "acme", repo: "api", number: 42 };

function answer(data: unknown, operation = "PullRequestFacts") {
  return nock(API)
    .post("/graphql", (body) => graphqlOperation(body) === operation)
    .reply(200, { data });
}

async function gather(data: PullRequestFactsFixture) {
  const scope = answer(data);
  const gathered = await gatherFacts(testOctokit(), REF);
  scope.done();
  return gathered;
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("gatherFacts: one query", () => {
  it("reads a PR of up to 100 commits, files and reviews in one GraphQL request", async () => {
    const gathered = await gather(pullRequestFactsResponse());
    expect(gathered.requests).toBe(1);
  });

  it("sends the owner, repo, number and policy path as variables", async () => {
    let variables: unknown;
    nock(API)
      .post("/graphql", (body) => {
        variables = body.variables;
        return true;
      })
      .reply(200, { data: pullRequestFactsResponse() });
    await gatherFacts(testOctokit(), REF);
    expect(variables).toEqual({ owner: "acme", repo: "api", number: 42, policyPath: ".agent-governance.yml", orgPolicy: "HEAD:.agent-governance.yml" });
  });

  it("reports on the PR's current head SHA from the query", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.headSha).toBe(HEAD_SHA);
  });

  it("maps the pull request itself", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts).toMatchObject({
      owner: "acme",
      repo: "api",
      number: 42,
      title: "Add a token-bucket rate limiter",
      body: "Fixes #41.\r\n\r\nCreated by Copilot.",
      draft: false,
      state: "OPEN",
      baseRef: "main",
      headRef: "copilot/add-rate-limiter",
      defaultBranch: "main",
      directory: { teams: {}, permissions: {} },
    });
  });

  it("marks a GraphQL Bot author as a bot, with its login lower-cased and its id", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.author).toEqual({ login: "copilot", id: 198982749, isBot: true });
  });

  it("maps commits with message bytes, identities, parents and verification", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.commits).toEqual([
      {
        sha: OLD_SHA,
        message: "Add token bucket\r\n\r\nCo-authored-by: alice <alice@acme.test>\r\n",
        author: { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com", user: null },
        committer: { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com", user: null },
        parentCount: 1,
        verified: false,
      },
      {
        sha: HEAD_SHA,
        message: "Tune defaults",
        author: { name: "Alice Example", email: "alice@acme.test", user: { login: "alice", id: 1001, isBot: false } },
        committer: { name: "GitHub", email: "noreply@github.com", user: null },
        parentCount: 1,
        verified: true,
      },
    ]);
  });

  it("maps changed files without a previous path (GraphQL has none)", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.files).toEqual([
      { path: "src/limiter.ts", additions: 120, deletions: 4, changeType: "MODIFIED" },
      { path: "test/limiter.test.ts", additions: 60, deletions: 0, changeType: "ADDED" },
    ]);
  });

  it("reads the old path of renamed files from the REST file list, only when something was renamed", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.files.nodes.push({ path: "ci/old-workflow.yml", additions: 0, deletions: 0, changeType: "RENAMED" });
    const rest = nock(API)
      .get("/repos/acme/api/pulls/42/files")
      .query({ per_page: "100", page: "1" })
      .reply(200, [
        { filename: "src/limiter.ts", status: "modified" },
        { filename: "ci/old-workflow.yml", previous_filename: ".github/workflows/deploy.yml", status: "renamed" },
      ]);
    const { facts, requests } = await gather(data);
    rest.done();
    expect(facts.files.find((file) => file.changeType === "RENAMED")).toEqual({
      path: "ci/old-workflow.yml",
      previousPath: ".github/workflows/deploy.yml",
      additions: 0,
      deletions: 0,
      changeType: "RENAMED",
    });
    expect(requests).toBe(2);
  });

  it("orders reviews by submission time and drops pending ones", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.reviews).toEqual([
      { id: "PRR_1", author: { login: "bob", id: 1002, isBot: false }, state: "APPROVED", commitId: OLD_SHA, submittedAt: "2025-05-01T10:30:00Z" },
      {
        id: "PRR_2",
        author: { login: "copilot-pull-request-reviewer", id: 175728472, isBot: true },
        state: "COMMENTED",
        commitId: OLD_SHA,
        submittedAt: "2025-05-01T10:31:00Z",
      },
      { id: "PRR_3", author: { login: "carol", id: 1003, isBot: false }, state: "CHANGES_REQUESTED", commitId: HEAD_SHA, submittedAt: "2025-05-01T12:00:00Z" },
    ]);
  });

  it("records who applied each label last, from the timeline", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.labels).toEqual([
      { name: "ai-assisted", appliedBy: { login: "agent-governance", id: 900001, isBot: true } },
      { name: "needs-senior", appliedBy: { login: "bob", id: 1002, isBot: false } },
      { name: "imported", appliedBy: null },
    ]);
  });

  it("maps check runs and statuses on the head commit, without the app's own check", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.checks).toEqual([
      { name: "build", kind: "check_run", status: "completed", conclusion: "success" },
      { name: "test", kind: "check_run", status: "pending", conclusion: null },
      { name: "ci/circleci", kind: "status", status: "completed", conclusion: "failure" },
      { name: "deploy/preview", kind: "status", status: "pending", conclusion: null },
    ]);
  });

  it("lists requested users by login and teams as org/slug, lower case", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.requestedReviewers).toEqual({ users: ["dave"], teams: ["acme/senior-engineers"] });
  });

  it("tells which reviewers GitHub says can push", async () => {
    const { reviewerCanPush } = await gather(pullRequestFactsResponse());
    expect(reviewerCanPush).toEqual({ carol: true, bob: true, "copilot-pull-request-reviewer": false, dave: false });
  });
});

describe("gatherFacts: the app's own check run on the head", () => {
  type Run = { databaseId: number | null; status: string; conclusion: string | null };
  function withOwnRuns(suites: Run[][] | null, oid = HEAD_SHA) {
    const data = pullRequestFactsResponse();
    const commit = data.repository.pullRequest.headCommit.nodes[0].commit as Record<string, unknown>;
    commit.oid = oid;
    commit.ownCheckSuites = suites === null ? null : { nodes: suites.map((nodes) => ({ checkRuns: { nodes } })) };
    return data;
  }

  async function gatherAsApp(data: unknown) {
    const variables: Record<string, unknown>[] = [];
    nock(API)
      .post("/graphql", (body) => variables.push(body.variables) > 0)
      .reply(200, { data });
    const gathered = await gatherFacts(testOctokit(), REF, { appId: 900001 });
    return { gathered, variables: variables[0] };
  }

  it("asks for it with the app id when the app id is known", async () => {
    const { variables } = await gatherAsApp(withOwnRuns([]));
    expect(variables).toMatchObject({ appId: 900001, withOwnCheckRun: true });
  });

  it("is unknown (undefined) when the app id is not known, so the writer looks it up", async () => {
    const gathered = await gather(pullRequestFactsResponse());
    expect(gathered.ownCheckRun).toBeUndefined();
  });

  it("is null when the app has no run on the head", async () => {
    const { gathered } = await gatherAsApp(withOwnRuns([[]]));
    expect(gathered.ownCheckRun).toBeNull();
  });

  it("is the newest run, with status and conclusion spelled as REST does", async () => {
    const { gathered } = await gatherAsApp(
      withOwnRuns([
        [{ databaseId: 7, status: "COMPLETED", conclusion: "ACTION_REQUIRED" }],
        [{ databaseId: 9, status: "IN_PROGRESS", conclusion: null }],
      ]),
    );
    expect(gathered.ownCheckRun).toEqual({ id: 9, status: "in_progress", conclusion: null });
  });

  it("is unknown when the head commit read is not the PR's head (it moved between the two fields)", async () => {
    const { gathered } = await gatherAsApp(withOwnRuns([[]], OLD_SHA));
    expect(gathered.ownCheckRun).toBeUndefined();
  });
});

describe("gatherFacts: policy blobs", () => {
  it("takes the repository policy from the base branch and the organisation default from .github", async () => {
    const { policyBlobs } = await gather(pullRequestFactsResponse());
    expect(policyBlobs).toEqual({
      repository: { path: ".agent-governance.yml", text: expect.stringContaining("senior approval"), byteSize: 76, oid: BASE_POLICY_OID },
      organization: { path: "acme/.github:.agent-governance.yml", text: "version: 1\nlabel: ai\n", byteSize: 21, oid: ORG_POLICY_OID },
    });
  });

  it("in the .github repository, judges PRs by the base-branch file as the organisation default", async () => {
    const scope = answer(pullRequestFactsResponse());
    const { policyBlobs } = await gatherFacts(testOctokit(), { owner: "acme", repo: ".github", number: 42 });
    scope.done();
    expect(policyBlobs.repository).toBeNull();
    expect(policyBlobs.organization?.oid).toBe(BASE_POLICY_OID);
  });

  it("never takes the policy from the PR's head, even when the head changes it", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.headCommit.nodes[0].commit.policy.object = {
      oid: HEAD_POLICY_OID, text: "version: 1\nrules: []\n", byteSize: 21, isTruncated: false, isBinary: false,
    };
    const { policyBlobs } = await gather(data);
    expect(policyBlobs.repository?.oid).toBe(BASE_POLICY_OID);
  });

  it("has no repository policy when the base branch has no file", async () => {
    const data = pullRequestFactsResponse();
    (data.repository.pullRequest.baseRef.target as { policy: unknown }).policy = null;
    const { policyBlobs } = await gather(data);
    expect(policyBlobs.repository).toBeNull();
  });

  it("gives a truncated or binary blob without text, so the loader reports it unreadable", async () => {
    const data = pullRequestFactsResponse();
    Object.assign(data.repository.pullRequest.baseRef.target.policy.object, { isTruncated: true, byteSize: 600_000 });
    const { policyBlobs } = await gather(data);
    expect(policyBlobs.repository).toEqual({ path: ".agent-governance.yml", text: null, byteSize: 600_000, oid: BASE_POLICY_OID });
  });

  it("treats a missing .github repository (NOT_FOUND on orgDefaults) as no organisation file", async () => {
    nock(API).post("/graphql").reply(200, withoutOrgRepository(pullRequestFactsResponse()));
    const gathered = await gatherFacts(testOctokit(), REF);
    expect(gathered.policyBlobs.organization).toBeNull();
    expect(gathered.facts.headSha).toBe(HEAD_SHA);
  });

  it("fails when the pull request itself is not found", async () => {
    nock(API)
      .post("/graphql")
      .reply(200, {
        data: { repository: { defaultBranchRef: { name: "main" }, pullRequest: null }, orgDefaults: null },
        errors: [
          { type: "NOT_FOUND", path: ["repository", "pullRequest"], message: "Could not resolve to a PullRequest with the number of 42." },
          { type: "NOT_FOUND", path: ["orgDefaults"], message: "Could not resolve to a Repository with the name 'acme/.github'." },
        ],
      });
    await expect(gatherFacts(testOctokit(), REF)).rejects.toThrow(/PullRequest with the number of 42/);
  });

  it("fails rather than fall back to a weaker policy when an open PR's base branch is gone", async () => {
    const data = pullRequestFactsResponse();
    (data.repository.pullRequest as { baseRef: unknown }).baseRef = null;
    answer(data);
    await expect(gatherFacts(testOctokit(), REF)).rejects.toBeInstanceOf(PullRequestNotFoundError);
  });
});

describe("gatherFacts: policy changes", () => {
  function changing(changeType: string, headPolicy: boolean) {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.files.nodes.push({ path: ".agent-governance.yml", additions: 3, deletions: 1, changeType });
    data.repository.pullRequest.headCommit.nodes[0].commit.policy = headPolicy
      ? { object: { oid: HEAD_POLICY_OID, text: "version: 2\n", byteSize: 11, isTruncated: false, isBinary: false } }
      : (null as never);
    return data;
  }

  it("carries the head version of a changed policy file for validation", async () => {
    const { facts } = await gather(changing("MODIFIED", true));
    expect(facts.policyChanges).toEqual([
      { path: ".agent-governance.yml", blob: { path: ".agent-governance.yml", text: "version: 2\n", byteSize: 11, oid: HEAD_POLICY_OID } },
    ]);
  });

  it("records a deleted policy file with a null blob", async () => {
    const { facts } = await gather(changing("DELETED", false));
    expect(facts.policyChanges).toEqual([{ path: ".agent-governance.yml", blob: null }]);
  });

  it("has no policy changes when the PR does not touch the file", async () => {
    const { facts } = await gather(pullRequestFactsResponse());
    expect(facts.policyChanges).toEqual([]);
  });

  it("treats a policy file renamed away (gone from the head, PR has renames) as deleted", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.files.nodes.push({ path: "old-policy.yml", additions: 0, deletions: 0, changeType: "RENAMED" });
    data.repository.pullRequest.headCommit.nodes[0].commit.policy = null as never;
    nock(API)
      .get("/repos/acme/api/pulls/42/files")
      .query(true)
      .reply(200, [{ filename: "old-policy.yml", previous_filename: ".agent-governance.yml", status: "renamed" }]);
    const { facts } = await gather(data);
    expect(facts.policyChanges).toEqual([{ path: ".agent-governance.yml", blob: null }]);
  });
});

describe("gatherFacts: paging beyond 100", () => {
  const commits = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => commitNode(String(from + i).padStart(40, "0"), `commit ${from + i}`, "alice"));

  it("follows commit pages of 100 with the commits page query, in order", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.commits = { totalCount: 250, pageInfo: { hasNextPage: true, endCursor: "c100" }, nodes: commits(0, 100) };
    const cursors: string[] = [];
    const scope = answer(data)
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestCommitsPage" && cursors.push(body.variables.after) > 0)
      .reply(200, { data: { repository: { pullRequest: { commits: { pageInfo: { hasNextPage: true, endCursor: "c200" }, nodes: commits(100, 100) } } } } })
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestCommitsPage" && cursors.push(body.variables.after) > 0)
      .reply(200, { data: { repository: { pullRequest: { commits: { pageInfo: { hasNextPage: false, endCursor: "c250" }, nodes: commits(200, 50) } } } } });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(3);
    expect(cursors).toEqual(["c100", "c200"]);
    expect(gathered.facts.commits.map((commit) => commit.message)).toEqual(Array.from({ length: 250 }, (_, i) => `commit ${i}`));
  });

  it("follows file pages with the files page query", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.files = {
      totalCount: 101,
      pageInfo: { hasNextPage: true, endCursor: "f100" },
      nodes: Array.from({ length: 100 }, (_, i) => ({ path: `src/f${i}.ts`, additions: 1, deletions: 0, changeType: "ADDED" })),
    };
    const scope = answer(data)
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestFilesPage" && body.variables.after === "f100")
      .reply(200, {
        data: { repository: { pullRequest: { files: { pageInfo: { hasNextPage: false, endCursor: "f101" }, nodes: [{ path: "src/last.ts", additions: 2, deletions: 2, changeType: "MODIFIED" }] } } } },
      });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(2);
    expect(gathered.facts.files).toHaveLength(101);
    expect(gathered.facts.files[100]).toEqual({ path: "src/last.ts", additions: 2, deletions: 2, changeType: "MODIFIED" });
  });

  it("follows review pages with the reviews page query", async () => {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.reviews.pageInfo = { hasNextPage: true, endCursor: "r100" };
    const late = {
      id: "PRR_9",
      state: "APPROVED",
      submittedAt: "2025-05-02T09:00:00Z",
      authorCanPushToRepository: true,
      commit: { oid: HEAD_SHA },
      author: { __typename: "User", login: "Erin", databaseId: 1005 },
    };
    const scope = answer(data)
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestReviewsPage" && body.variables.after === "r100")
      .reply(200, { data: { repository: { pullRequest: { reviews: { pageInfo: { hasNextPage: false, endCursor: "r101" }, nodes: [late] } } } } });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.facts.reviews.at(-1)).toMatchObject({ id: "PRR_9", author: { login: "erin" }, commitId: HEAD_SHA });
    expect(gathered.reviewerCanPush.erin).toBe(true);
  });
});

describe("gatherFacts: labels, label events, force pushes, review requests and checks beyond 100", () => {
  const people = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const user = (login: string) => ({ __typename: "User", login, databaseId: 5000 });
  const labeled = (name: string, login: string) => ({ createdAt: "2025-05-01T10:00:00Z", label: { name }, actor: user(login) });

  /** The facts answer, typed as the query's result so its first pages can be replaced. */
  function factsAnswer() {
    const data = pullRequestFactsResponse();
    return { data, pull: data.repository.pullRequest as unknown as GqlPullRequest };
  }

  /** Answers `operation` once, when its cursor variable is `cursor`, with `connection` under the pull request. */
  function page(scope: nock.Scope, operation: string, cursor: Record<string, string>, connection: Record<string, unknown>) {
    return scope
      .post("/graphql", (body) => graphqlOperation(body) === operation && Object.entries(cursor).every(([name, value]) => body.variables[name] === value))
      .reply(200, { data: { repository: { pullRequest: connection } } });
  }

  it("reads the 101st label, which may be the one that declares AI help", async () => {
    const { data, pull } = factsAnswer();
    const names = people("topic-", 100);
    pull.labels = { totalCount: 101, pageInfo: { hasNextPage: true, endCursor: "l100" }, nodes: names.map((name) => ({ name })) };
    pull.labelEvents = { pageInfo: { hasPreviousPage: false, startCursor: "e1" }, nodes: [...names, "ai-assisted"].map((name) => labeled(name, "alice")) };
    const scope = page(answer(data), "PullRequestLabelsPage", { after: "l100" }, {
      labels: { pageInfo: { hasNextPage: false, endCursor: "l101" }, nodes: [{ name: "ai-assisted" }] },
    });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(2);
    expect(gathered.facts.labels).toHaveLength(101);
    expect(gathered.facts.labels.at(-1)).toEqual({ name: "ai-assisted", appliedBy: { login: "alice", id: 5000, isBot: false } });
    expect(gathered.facts.totals?.labels).toBe(101);
  });

  it("reads earlier label events until it knows who applied each label, even beyond the last 100", async () => {
    const { data, pull } = factsAnswer();
    pull.labels = { totalCount: 2, pageInfo: { hasNextPage: false, endCursor: "l2" }, nodes: [{ name: "ai-assisted" }, { name: "override" }] };
    // 100 newer events toggle ai-assisted; the override label was applied before them all.
    pull.labelEvents = { pageInfo: { hasPreviousPage: true, startCursor: "e201" }, nodes: Array.from({ length: 100 }, () => labeled("ai-assisted", "mallory")) };
    const scope = answer(data);
    page(scope, "PullRequestLabelEventsPage", { before: "e201" }, {
      labelEvents: { pageInfo: { hasPreviousPage: true, startCursor: "e101" }, nodes: Array.from({ length: 100 }, () => labeled("ai-assisted", "mallory")) },
    });
    page(scope, "PullRequestLabelEventsPage", { before: "e101" }, {
      labelEvents: { pageInfo: { hasPreviousPage: true, startCursor: "e1" }, nodes: [labeled("override", "mallory"), labeled("override", "Alice")] },
    });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(3);
    expect(gathered.facts.labels).toEqual([
      { name: "ai-assisted", appliedBy: { login: "mallory", id: 5000, isBot: false } },
      { name: "override", appliedBy: { login: "alice", id: 5000, isBot: false } },
    ]);
  });

  it("reads no earlier label events when the last 100 name every label's applier", async () => {
    const { data, pull } = factsAnswer();
    pull.labelEvents = { pageInfo: { hasPreviousPage: true, startCursor: "e901" }, nodes: ["ai-assisted", "needs-senior", "imported"].map((name) => labeled(name, "alice")) };
    const gathered = await gather(data as PullRequestFactsFixture);
    expect(gathered.requests).toBe(1);
  });

  it("reads every force push, so an agent that force-pushed long ago is still a pusher", async () => {
    const { data, pull } = factsAnswer();
    pull.forcePushes = { pageInfo: { hasPreviousPage: true, startCursor: "p2" }, nodes: Array.from({ length: 100 }, () => ({ actor: user("alice") })) };
    const scope = page(answer(data), "PullRequestForcePushesPage", { before: "p2" }, {
      forcePushes: { pageInfo: { hasPreviousPage: false, startCursor: "p1" }, nodes: [{ actor: { __typename: "Bot", login: "Copilot", databaseId: 198982749 } }] },
    });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.facts.pushers?.map((pusher) => pusher.login)).toEqual(["copilot", "alice"]);
  });

  it("reads the 101st review request, so that reviewer is not asked again", async () => {
    const { data, pull } = factsAnswer();
    pull.reviewRequests = {
      pageInfo: { hasNextPage: true, endCursor: "q100" },
      nodes: people("reviewer-", 100).map((login) => ({ requestedReviewer: { __typename: "User", login } })),
    };
    const scope = page(answer(data), "PullRequestReviewRequestsPage", { after: "q100" }, {
      reviewRequests: {
        pageInfo: { hasNextPage: false, endCursor: "q102" },
        nodes: [
          { requestedReviewer: { __typename: "User", login: "Zed" } },
          { requestedReviewer: { __typename: "Team", slug: "seniors", organization: { login: "acme" } } },
        ],
      },
    });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.facts.requestedReviewers.users).toHaveLength(101);
    expect(gathered.facts.requestedReviewers.users.at(-1)).toBe("zed");
    expect(gathered.facts.requestedReviewers.teams).toEqual(["acme/seniors"]);
  });

  it("reads the head commit's 101st pull request, so an open sibling sharing its check run is known", async () => {
    const { data, pull } = factsAnswer();
    const merged = (number: number) => ({ number, state: "MERGED" as const, headRefOid: HEAD_SHA, repository: { nameWithOwner: "acme/api" } });
    pull.headCommit.nodes![0]!.commit.associatedPullRequests = {
      totalCount: 101,
      pageInfo: { hasNextPage: true, endCursor: "a100" },
      nodes: Array.from({ length: 100 }, (_, i) => merged(1000 + i)),
    };
    const scope = answer(data)
      .post("/graphql", (body) => graphqlOperation(body) === "HeadCommitPullRequestsPage" && body.variables.after === "a100" && body.variables.oid === HEAD_SHA)
      .reply(200, {
        data: {
          repository: {
            object: {
              associatedPullRequests: {
                pageInfo: { hasNextPage: false, endCursor: "a101" },
                nodes: [{ number: 43, state: "OPEN", headRefOid: HEAD_SHA, repository: { nameWithOwner: "acme/api" } }],
              },
            },
          },
        },
      });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(2);
    expect(gathered.siblingPullRequests).toEqual([43]);
  });

  it("reads the head commit's 101st check, by the SHA the facts query read, so a required check is seen", async () => {
    const { data, pull } = factsAnswer();
    pull.headCommit.nodes![0]!.commit.statusCheckRollup = {
      contexts: {
        pageInfo: { hasNextPage: true, endCursor: "k100" },
        nodes: people("lint-", 100).map((name) => ({ __typename: "CheckRun", name, status: "COMPLETED", conclusion: "SUCCESS" })),
      },
    };
    const scope = answer(data)
      .post("/graphql", (body) => graphqlOperation(body) === "HeadCommitCheckContextsPage" && body.variables.after === "k100" && body.variables.oid === HEAD_SHA)
      .reply(200, {
        data: {
          repository: {
            object: {
              statusCheckRollup: {
                contexts: { pageInfo: { hasNextPage: false, endCursor: "k101" }, nodes: [{ __typename: "CheckRun", name: "security-scan", status: "COMPLETED", conclusion: "FAILURE" }] },
              },
            },
          },
        },
      });

    const gathered = await gatherFacts(testOctokit(), REF);
    scope.done();
    expect(gathered.requests).toBe(2);
    expect(gathered.facts.checks).toHaveLength(101);
    expect(gathered.facts.checks.at(-1)).toEqual({ name: "security-scan", kind: "check_run", status: "completed", conclusion: "failure" });
  });
});

describe("gatherFacts: a head commit's pages are read once", () => {
  const files = (from: number, count: number, changeType = "ADDED") =>
    Array.from({ length: count }, (_, i) => ({ path: `src/f${from + i}.ts`, additions: 1, deletions: 0, changeType }));

  /** A 3 000-file pull request: the facts query, then 29 file pages. */
  function largePullRequest(headSha = HEAD_SHA, renamed = false) {
    const data = pullRequestFactsResponse();
    data.repository.pullRequest.headRefOid = headSha;
    data.repository.pullRequest.files = { totalCount: 3000, pageInfo: { hasNextPage: true, endCursor: "f100" }, nodes: files(0, 100, renamed ? "RENAMED" : "ADDED") };
    return data;
  }

  function filePages(scope: nock.Scope) {
    for (let page = 1; page < 30; page++) {
      scope
        .post("/graphql", (body) => graphqlOperation(body) === "PullRequestFilesPage" && body.variables.after === `f${page * 100}`)
        .reply(200, {
          data: { repository: { pullRequest: { files: { pageInfo: { hasNextPage: page < 29, endCursor: `f${(page + 1) * 100}` }, nodes: files(page * 100, 100) } } } },
        });
    }
    return scope;
  }

  it("costs the facts query alone on a second evaluation of the same head, with the same files", async () => {
    const headPages = new MemoryHeadPages();
    const first = filePages(answer(largePullRequest()));
    const firstRead = await gatherFacts(testOctokit(), REF, { headPages });
    first.done();
    expect(firstRead.requests).toBe(30);
    expect(firstRead.facts.files).toHaveLength(3000);

    const second = answer(largePullRequest());
    const secondRead = await gatherFacts(testOctokit(), REF, { headPages });
    second.done();
    expect(secondRead.requests).toBe(1);
    expect(secondRead.facts.files).toEqual(firstRead.facts.files);
  });

  it("reads the pages again when the head moves", async () => {
    const headPages = new MemoryHeadPages();
    const first = filePages(answer(largePullRequest()));
    await gatherFacts(testOctokit(), REF, { headPages });
    first.done();

    const moved = filePages(answer(largePullRequest(OLD_SHA)));
    const read = await gatherFacts(testOctokit(), REF, { headPages });
    moved.done();
    expect(read.requests).toBe(30);
  });

  it("keeps the renamed files' old paths with the pages, so a rename out of a forbidden path is still seen", async () => {
    const headPages = new MemoryHeadPages();
    const renames = () =>
      nock(API)
        .get("/repos/acme/api/pulls/42/files")
        .query({ per_page: "100", page: "1" })
        .reply(200, [{ filename: "src/f0.ts", previous_filename: ".github/workflows/ci.yml" }]);
    const first = renames();
    filePages(answer(largePullRequest(HEAD_SHA, true)));
    const firstRead = await gatherFacts(testOctokit(), REF, { headPages });
    first.done();
    expect(firstRead.requests).toBe(31);

    answer(largePullRequest(HEAD_SHA, true));
    const secondRead = await gatherFacts(testOctokit(), REF, { headPages });
    expect(secondRead.requests).toBe(1);
    expect(secondRead.facts.files[0]).toMatchObject({ path: "src/f0.ts", previousPath: ".github/workflows/ci.yml" });
  });

  it("does not keep a pull request that fits the facts query's first page", async () => {
    const headPages = new MemoryHeadPages();
    const kept = jest.spyOn(headPages, "set");
    answer(pullRequestFactsResponse());
    await gatherFacts(testOctokit(), REF, { headPages });
    expect(kept).not.toHaveBeenCalled();
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { Octokit } from "@octokit/rest";
import { openGitHubClient } from "../../src/github/cli-client.js";
import { refuseWrites, WriteRefusedError } from "../../src/github/read-only.js";
import { HEAD_SHA, pullRequestFactsResponse, type PullRequestFactsFixture } from "../github/fixtures/pull-request-facts.js";
import { daysAgo, runWith, workspace, type Workspace } from "./ledger-cli.js";
import { decisionTitle } from "../../src/report/reasons.js";

const API = "https://api.github.com";
const TOKEN = { GITHUB_TOKEN: "test-token" };

function answer(data: unknown, base = API, path = "/graphql") {
  return nock(base)
    .post(path, (body) => /query PullRequestFacts/.test((body as { query: string }).query))
    .reply(200, { data });
}

/** The fixture PR with Carol's change request replaced by Erin's approval of the head commit. */
function approved(): PullRequestFactsFixture {
  const data = pullRequestFactsResponse();
  const carol = data.repository.pullRequest.reviews.nodes[0];
  carol.state = "APPROVED";
  carol.author = { __typename: "User", login: "Erin", databaseId: 1005 };
  return data;
}

function withPolicy(data: PullRequestFactsFixture, text: string): PullRequestFactsFixture {
  const blob = data.repository.pullRequest.baseRef.target.policy.object;
  Object.assign(blob, { text, byteSize: Buffer.byteLength(text) });
  return data;
}

let ws: Workspace;
beforeAll(() => {
  nock.disableNetConnect();
  ws = workspace();
});
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => {
  nock.enableNetConnect();
  ws.remove();
});

const explain = (env: Record<string, string | undefined>, ...argv: string[]) => runWith({ ...ws.env, ...env }, ["explain", ...argv]);

describe("agent-governance explain", () => {
  it("prints the conclusion and title first, then the check run's summary, and exits 1 when the PR would be blocked", async () => {
    answer(pullRequestFactsResponse());
    const run = await explain(TOKEN, "acme/api#42");
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(`acme/api#42 @ ${HEAD_SHA.slice(0, 7)} — dry run, nothing was written to GitHub`);
    expect(lines[1]).toMatch(/^conclusion: (action_required|failure)$/);
    expect(lines[2]).toMatch(/^title: \S/);
    expect(run.stdout).toContain("senior approval");
  });

  it("exits 0 when the check would pass", async () => {
    answer(approved());
    const run = await explain(TOKEN, "acme/api#42");
    expect([run.code, run.stdout.split("\n")[1]]).toEqual([0, "conclusion: success"]);
  });

  it("prints the check run and the decision as JSON with --json", async () => {
    answer(pullRequestFactsResponse());
    const { check_run: checkRun, decision } = JSON.parse((await explain(TOKEN, "acme/api#42", "--json")).stdout);
    expect([checkRun.conclusion, checkRun.title, decision.headSha]).toEqual([decision.conclusion, decisionTitle(decision), HEAD_SHA]);
  });

  it("reads the agents' tiers from the ledger when the policy has autonomy", async () => {
    const ledger = await ws.ledger();
    for (const pr of [1, 2]) {
      await ledger.recordMerge({ owner: "acme", repo: "api", pr, headSha: `${pr}`.padStart(40, "0"), mergeCommitSha: null, agents: ["copilot"], mergedAt: daysAgo(pr) });
    }
    await ledger.close();
    const policy = "version: 1\nautonomy:\n  tiers:\n    - { name: established, min_merged: 2, max_revert_rate: 0 }\nrules:\n  - name: senior approval\n    require:\n      approvals: 1\n";
    answer(withPolicy(pullRequestFactsResponse(), policy));
    const { decision } = JSON.parse((await explain(TOKEN, "acme/api#42", "--json")).stdout);
    expect(decision.agents).toEqual([expect.objectContaining({ agent: "copilot", tier: "established", merged: 2 })]);
  });

  it("counts every agent as new, and says so, when there is no ledger", async () => {
    const policy = "version: 1\nautonomy:\n  tiers:\n    - { name: established, min_merged: 2, max_revert_rate: 0 }\n";
    answer(withPolicy(pullRequestFactsResponse(), policy));
    const run = await runWith({ ...TOKEN, GOVERNANCE_DATA_DIR: `${ws.dir}/nowhere` }, ["explain", "acme/api#42"]);
    expect(run.stdout).toMatch(/^note: no ledger at .*: every agent counts as new$/m);
  });

  it("talks to GitHub Enterprise Server (or the simulator) at GHE_HOST", async () => {
    // GHES serves REST under /api/v3 and GraphQL at /api/graphql.
    answer(pullRequestFactsResponse(), "http://ghe.example:8080", "/api/graphql");
    const run = await explain({ ...TOKEN, GHE_HOST: "ghe.example:8080", GHE_PROTOCOL: "http" }, "acme/api#42");
    expect(run.code).toBe(1);
  });

  it("exits 2 before any request when GHE_PROTOCOL is neither https nor http", async () => {
    const run = await explain({ ...TOKEN, GHE_HOST: "ghe.example", GHE_PROTOCOL: "ftp" }, "acme/api#42");
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining('GHE_PROTOCOL must be "https" or "http", got "ftp"') });
  });

  it("exits 2 and names GITHUB_TOKEN when there are no credentials", async () => {
    const run = await explain({ GITHUB_TOKEN: undefined, APP_ID: undefined }, "acme/api#42");
    expect(run).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining("GITHUB_TOKEN") });
  });

  it("exits 2 when the pull request does not exist", async () => {
    answer({ repository: { defaultBranchRef: { name: "main" }, pullRequest: null }, orgDefaults: null });
    const run = await explain(TOKEN, "acme/api#42");
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("not found") });
  });

  it.each([["acme/api"], ["acme#3"], ["acme/api#0"]])("exits 2 for %s, which is not OWNER/REPO#N", async (target) => {
    expect((await explain(TOKEN, target)).code).toBe(2);
  });
});

describe("the CLI's GitHub client never writes", () => {
  const client = () => {
    const octokit = new Octokit({ auth: "t", log: { debug() {}, info() {}, warn() {}, error() {} } });
    refuseWrites(octokit);
    return octokit;
  };

  it.each([
    ["a check run", "POST /repos/{owner}/{repo}/check-runs"],
    ["a label", "POST /repos/{owner}/{repo}/issues/{issue_number}/labels"],
    ["a review request", "POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers"],
    ["a check-run update", "PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}"],
    ["a label removal", "DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
  ])("refuses %s before it leaves the machine", async (_name, route) => {
    await expect(client().request(route, { owner: "acme", repo: "api", issue_number: 1, pull_number: 1, check_run_id: 1, name: "x" })).rejects.toBeInstanceOf(WriteRefusedError);
  });

  it("refuses a GraphQL mutation", async () => {
    const mutation = "# add a comment\nmutation { addComment(input: {subjectId: \"x\", body: \"y\"}) { clientMutationId } }";
    await expect(client().graphql(mutation)).rejects.toBeInstanceOf(WriteRefusedError);
  });

  it("lets GraphQL queries and GET requests through", async () => {
    nock(API).post("/graphql").reply(200, { data: { viewer: { login: "me" } } });
    nock(API).get("/repos/acme/api").reply(200, { default_branch: "main" });
    const octokit = client();
    expect(await octokit.graphql("query { viewer { login } }")).toEqual({ viewer: { login: "me" } });
    expect((await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "api" })).data).toEqual({ default_branch: "main" });
  });

  it("is how explain's client is built", async () => {
    const opened = await openGitHubClient(TOKEN, { owner: "acme", repo: "api" });
    if (!opened.ok) throw new Error(opened.message);
    await expect(opened.octokit.request("POST /repos/{owner}/{repo}/check-runs", { owner: "acme", repo: "api", name: "x", head_sha: HEAD_SHA })).rejects.toBeInstanceOf(WriteRefusedError);
  });
});

describe("agent-governance explain with the App's credentials", () => {
  // Generated per run: no key material in the repository.
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });

  it("authenticates as the repository's installation", async () => {
    nock(API).get("/repos/acme/api/installation").reply(200, { id: 77 });
    nock(API)
      .post("/app/installations/77/access_tokens")
      .reply(201, { token: "installation-token", expires_at: "2999-01-01T00:00:00Z", permissions: {}, repository_selection: "all" });
    nock(API, { reqheaders: { authorization: "token installation-token" } })
      .post("/graphql")
      .reply(200, { data: pullRequestFactsResponse() });
    const run = await explain({ GITHUB_TOKEN: undefined, APP_ID: "123", PRIVATE_KEY: privateKey }, "acme/api#42");
    expect([run.code, run.stderr]).toEqual([1, ""]);
  });

  it("exits 2 when the App is not installed on the repository", async () => {
    nock(API).get("/repos/acme/api/installation").reply(404, { message: "Not Found" });
    const run = await explain({ GITHUB_TOKEN: undefined, APP_ID: "123", PRIVATE_KEY: privateKey }, "acme/api#42");
    expect(run).toMatchObject({ code: 2, stderr: expect.stringContaining("not installed on acme/api") });
  });
});

describe("agent-governance explain --help", () => {
  it("documents every exit code", async () => {
    const run = await runWith({}, ["explain", "--help"]);
    expect(run.code).toBe(0);
    for (const code of ["0", "1", "2"]) expect(run.stdout).toMatch(new RegExp(`^  ${code} +\\S`, "m"));
  });
});

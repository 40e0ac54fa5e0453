import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { restRoutes, type PullRecord } from "../src/index.js";
import { appJwt, startFixture, type Fixture } from "./fixture.js";
import { componentValidator, describeErrors, openapi, responseValidator } from "./openapi.js";

let f: Fixture;
let pr: PullRecord;
let head: string;
let checkRunId: number;
let rulesetId: number;

beforeAll(async () => {
  f = await startFixture();
  const { world } = f.sim;
  pr = world.openPullRequest({
    repo: "acme/widgets",
    author: "carol",
    head: "feature/a",
    commits: [{ message: "Add a", files: [{ path: "src/a.ts", content: "export const a = 1;\n" }] }, { message: "Rename", files: [{ path: "src/b.ts", previousPath: "src/a.ts", content: "export const a = 2;\n" }] }],
    labels: ["ai-assisted"],
  });
  head = world.headSha(pr);
  world.addReview(pr, { user: "alice", state: "APPROVED" });
  world.setStatus("acme/widgets", head, { context: "ci/legacy", state: "pending" });
  checkRunId = world.addCheckRun("acme/widgets", {
    headSha: head,
    name: "build",
    conclusion: "failure",
    output: { title: "1 error", summary: "lint", annotations: [{ path: "src/b.ts", start_line: 1, end_line: 1, annotation_level: "failure", message: "unused" }] },
  }).id;
  f.sim.addPersonalToken("ghp_alice", "alice");
  rulesetId = (await f.api("/repos/acme/widgets/rulesets", { method: "POST", body: { name: "governance", enforcement: "active", target: "branch", rules: [] } })).body.id;
});
afterAll(() => f.sim.close());

interface Row {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  route: string;
  path: () => string;
  status: number;
  body?: () => unknown;
  jwt?: boolean;
  /** Validate against this component schema instead of the route's inline one. */
  schema?: string;
  /** A personal token instead of the installation token. */
  personal?: boolean;
}

const R = "/repos/acme/widgets";
const rows: Row[] = [
  { method: "GET", route: "/app", path: () => "/app", status: 200, jwt: true },
    // The spec's inline item schema for this route says allOf[simple-user, enterprise] for `account`,
  // which no real account satisfies; the installation component (anyOf) is what GitHub returns.
  { method: "GET", route: "/app/installations", path: () => "/app/installations", status: 200, jwt: true, schema: "installation[]" },
  { method: "GET", route: "/app/installations/{installation_id}", path: () => `/app/installations/${f.installationId}`, status: 200, jwt: true },
  { method: "POST", route: "/app/installations/{installation_id}/access_tokens", path: () => `/app/installations/${f.installationId}/access_tokens`, status: 201, jwt: true },
  { method: "GET", route: "/repos/{owner}/{repo}/installation", path: () => `${R}/installation`, status: 200, jwt: true },
  { method: "GET", route: "/orgs/{org}/installation", path: () => "/orgs/acme/installation", status: 200, jwt: true },
  { method: "GET", route: "/installation/repositories", path: () => "/installation/repositories", status: 200 },
  { method: "GET", route: "/rate_limit", path: () => "/rate_limit", status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}", path: () => R, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls", path: () => `${R}/pulls?state=all`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}", path: () => `${R}/pulls/${pr.number}`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/commits", path: () => `${R}/pulls/${pr.number}/commits`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/files", path: () => `${R}/pulls/${pr.number}/files`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews", path: () => `${R}/pulls/${pr.number}/reviews`, status: 200 },
  { method: "POST", route: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", path: () => `${R}/pulls/${pr.number}/requested_reviewers`, status: 201, body: () => ({ reviewers: ["bob"], team_reviewers: ["seniors"] }) },
  { method: "GET", route: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", path: () => `${R}/pulls/${pr.number}/requested_reviewers`, status: 200 },
  { method: "DELETE", route: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", path: () => `${R}/pulls/${pr.number}/requested_reviewers`, status: 200, body: () => ({ reviewers: ["bob"] }) },
  { method: "POST", route: "/repos/{owner}/{repo}/issues/{issue_number}/labels", path: () => `${R}/issues/${pr.number}/labels`, status: 200, body: () => ({ labels: ["needs-senior"] }) },
  { method: "GET", route: "/repos/{owner}/{repo}/issues/{issue_number}/labels", path: () => `${R}/issues/${pr.number}/labels`, status: 200 },
  { method: "DELETE", route: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", path: () => `${R}/issues/${pr.number}/labels/needs-senior`, status: 200 },
  { method: "POST", route: "/repos/{owner}/{repo}/check-runs", path: () => `${R}/check-runs`, status: 201, body: () => ({ name: "agent-governance", head_sha: head, status: "in_progress" }) },
  { method: "PATCH", route: "/repos/{owner}/{repo}/check-runs/{check_run_id}", path: () => `${R}/check-runs/${f.sim.world.checkRunsFor("acme/widgets", head).find((r) => r.name === "agent-governance")!.id}`, status: 200, body: () => ({ conclusion: "action_required", details_url: "https://example.com", output: { title: "Waiting", summary: "1 approval needed" } }) },
  { method: "GET", route: "/repos/{owner}/{repo}/check-runs/{check_run_id}", path: () => `${R}/check-runs/${checkRunId}`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations", path: () => `${R}/check-runs/${checkRunId}/annotations`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{ref}/check-runs", path: () => `${R}/commits/${head}/check-runs`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{ref}/check-suites", path: () => `${R}/commits/${head}/check-suites`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{ref}/status", path: () => `${R}/commits/${head}/status`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{ref}/statuses", path: () => `${R}/commits/${head}/statuses`, status: 200 },
  { method: "POST", route: "/repos/{owner}/{repo}/statuses/{sha}", path: () => `${R}/statuses/${head}`, status: 201, body: () => ({ state: "success", context: "ci/other" }), personal: true },
  { method: "GET", route: "/repos/{owner}/{repo}/commits", path: () => `${R}/commits?sha=feature/a`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{ref}", path: () => `${R}/commits/${head}`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls", path: () => `${R}/commits/${head}/pulls`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/contents/{path}", path: () => `${R}/contents/.agent-governance.yml`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/collaborators/{username}/permission", path: () => `${R}/collaborators/alice/permission`, status: 200 },
  { method: "GET", route: "/repos/{owner}/{repo}/rulesets", path: () => `${R}/rulesets`, status: 200 },
  { method: "POST", route: "/repos/{owner}/{repo}/rulesets", path: () => `${R}/rulesets`, status: 201, body: () => ({ name: "more", enforcement: "evaluate" }) },
  { method: "GET", route: "/repos/{owner}/{repo}/rulesets/{ruleset_id}", path: () => `${R}/rulesets/${rulesetId}`, status: 200 },
  { method: "PUT", route: "/repos/{owner}/{repo}/rulesets/{ruleset_id}", path: () => `${R}/rulesets/${rulesetId}`, status: 200, body: () => ({ enforcement: "disabled" }) },
  { method: "GET", route: "/orgs/{org}/teams/{team_slug}", path: () => "/orgs/acme/teams/seniors", status: 200 },
  { method: "GET", route: "/orgs/{org}/teams/{team_slug}/members", path: () => "/orgs/acme/teams/seniors/members", status: 200 },
  { method: "GET", route: "/orgs/{org}/teams/{team_slug}/memberships/{username}", path: () => "/orgs/acme/teams/seniors/memberships/alice", status: 200 },
  { method: "GET", route: "/user", path: () => "/user", status: 200, personal: true },
  { method: "GET", route: "/user/memberships/orgs/{org}", path: () => "/user/memberships/orgs/acme", status: 200, personal: true },
];

describe("every REST route exists in GitHub's OpenAPI description", () => {
  it.each(restRoutes.map((r) => [r.method, r.path]))("%s %s", (method, path) => {
    expect(openapi.paths[path]?.[method.toLowerCase()]).toBeDefined();
  });

  it("the conformance table below exercises every route", () => {
    const exercised = new Set(rows.map((r) => `${r.method} ${r.route}`));
    expect(restRoutes.map((r) => `${r.method} ${r.path}`).filter((r) => !exercised.has(r))).toEqual([]);
  });
});

describe("responses have GitHub's shapes (validated against the OpenAPI response schemas)", () => {
  it.each(rows.map((r) => [`${r.method} ${r.route}`, r] as const))("%s", async (_name, row) => {
    const res = await f.api(row.path(), {
      method: row.method,
      body: row.body?.(),
      ...(row.jwt ? { token: null, headers: { authorization: `Bearer ${appJwt()}` } } : {}),
      ...(row.personal ? { token: "ghp_alice" } : {}),
    });
    expect(res.status).toBe(row.status);
    const logged = f.sim.requests().pop()!;
    expect(logged.route).toBe(row.route);
    const validate = row.schema ? componentValidator(row.schema.replace("[]", "")) : responseValidator(row.method, row.route, row.status);
    const valid = row.schema?.endsWith("[]") ? (res.body as unknown[]).every((item) => validate(item)) : validate(res.body);
    expect(valid ? [] : describeErrors(validate)).toEqual([]);
  });
});

describe("errors look like GitHub's", () => {
  it("an unknown route is a 404 with message and documentation_url", async () => {
    const res = await f.api("/repos/acme/widgets/not-a-thing");
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ message: "Not Found", documentation_url: expect.stringMatching(/^https:\/\/docs\.github\.com\//), status: "404" });
  });

  it("a missing pull request is a basic-error 404", async () => {
    const res = await f.api(`${R}/pulls/999`);
    expect(res.status).toBe(404);
    expect(componentValidator("basic-error")(res.body)).toBe(true);
    expect(res.body).toEqual({ message: "Not Found", documentation_url: expect.any(String), status: "404" });
  });

  it("a check run without head_sha is a 422 with a message", async () => {
    const res = await f.api(`${R}/check-runs`, { method: "POST", body: { name: "x" } });
    expect(res.status).toBe(422);
    expect(res.body).toEqual(expect.objectContaining({ message: expect.stringContaining("head_sha"), documentation_url: expect.any(String) }));
  });

  it("a check run summary over 65535 characters is refused", async () => {
    const res = await f.api(`${R}/check-runs`, { method: "POST", body: { name: "x", head_sha: head, output: { title: "t", summary: "x".repeat(65536) } } });
    expect(res.status).toBe(422);
  });

  it("more than 50 annotations in one request are refused", async () => {
    const annotation = { path: "a", start_line: 1, end_line: 1, annotation_level: "failure", message: "m" };
    const res = await f.api(`${R}/check-runs`, { method: "POST", body: { name: "x", head_sha: head, output: { title: "t", summary: "s", annotations: Array(51).fill(annotation) } } });
    expect(res.status).toBe(422);
  });

  it("a review cannot be requested from the author", async () => {
    const res = await f.api(`${R}/pulls/${pr.number}/requested_reviewers`, { method: "POST", body: { reviewers: ["carol"] } });
    expect(res.status).toBe(422);
    expect(res.body.message).toBe("Review cannot be requested from pull request author.");
  });
});

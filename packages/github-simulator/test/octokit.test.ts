import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createAppAuth } from "@octokit/auth-app";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { APP_ID, PRIVATE_KEY, startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
let octokit: Octokit;

beforeAll(async () => {
  f = await startFixture();
  // The app's own client stack: app auth (JWT → installation token) against GHE-style URLs.
  octokit = new Octokit({
    baseUrl: `${f.sim.url}/api/v3`,
    authStrategy: createAppAuth,
    auth: { appId: APP_ID, privateKey: PRIVATE_KEY, installationId: f.installationId },
  });
});
afterAll(() => f.sim.close());

describe("@octokit/rest against the simulator", () => {
  it("creates and updates a check run", async () => {
    const head = f.sim.world.repo("acme/widgets").branches.get("main")!;
    const created = await octokit.rest.checks.create({ owner: "acme", repo: "widgets", name: "agent-governance", head_sha: head, status: "in_progress" });
    expect(created.status).toBe(201);
    const updated = await octokit.rest.checks.update({
      owner: "acme",
      repo: "widgets",
      check_run_id: created.data.id,
      conclusion: "action_required",
      details_url: "https://example.com/why",
      output: { title: "Waiting for 1 approval", summary: "senior approval: waiting" },
    });
    expect(updated.data).toEqual(expect.objectContaining({ id: created.data.id, status: "completed", conclusion: "action_required" }));
    expect(f.sim.world.checkRunsFor("acme/widgets", head)).toEqual([
      expect.objectContaining({ name: "agent-governance", conclusion: "action_required", appId: APP_ID, output: expect.objectContaining({ summary: "senior approval: waiting" }) }),
    ]);
    const tokenRequests = f.sim.requests({ route: "/app/installations/{installation_id}/access_tokens" });
    expect(tokenRequests.map((r) => [r.status, r.auth])).toContainEqual([201, "jwt"]);
  });

  it("pages a listing through Link headers", async () => {
    for (let i = 0; i < 5; i++) {
      f.sim.world.openPullRequest({ repo: "acme/widgets", author: "carol", head: `topic/${i}`, commits: [{ message: `change ${i}` }] });
    }
    const pulls = await octokit.paginate(octokit.rest.pulls.list, { owner: "acme", repo: "widgets", per_page: 2 });
    expect(pulls.map((p) => p.head.ref).sort()).toEqual(["topic/0", "topic/1", "topic/2", "topic/3", "topic/4"]);
    expect(f.sim.requests({ route: "/repos/{owner}/{repo}/pulls" })).toHaveLength(3);
  });

  it("reaches GraphQL at /api/graphql", async () => {
    const data = await octokit.graphql<{ repository: { defaultBranchRef: { name: string } } }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { defaultBranchRef { name } } }`,
      { owner: "acme", name: "widgets" },
    );
    expect(data.repository.defaultBranchRef.name).toBe("main");
  });

  it("the throttling plugin recognises the simulated secondary rate limit and retries", async () => {
    const Throttled = Octokit.plugin(throttling);
    const limited: number[] = [];
    const client = new Throttled({
      baseUrl: `${f.sim.url}/api/v3`,
      auth: f.token,
      log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} },
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          limited.push(retryAfter);
          return limited.length <= 1;
        },
      },
    });
    f.sim.faults.secondaryRateLimit("GET /repos/{owner}/{repo}", { times: 1, retryAfter: 1 });
    const repo = await client.rest.repos.get({ owner: "acme", repo: "widgets" });
    expect(repo.status).toBe(200);
    expect(limited).toEqual([1]);
  });
});

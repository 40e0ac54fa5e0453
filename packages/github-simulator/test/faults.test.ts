import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterEach(() => f.sim.faults.clear());
afterAll(() => f.sim.close());

const QUERY = "query RepoName { repository(owner: \"acme\", name: \"widgets\") { name } }";

describe("fault injection", () => {
  it("fails the next N matching requests, then serves normally", async () => {
    f.sim.faults.fail("GET /repos/{owner}/{repo}", { status: 502, times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await f.api("/repos/acme/widgets")).status);
    expect(statuses).toEqual([502, 502, 200]);
    expect(f.sim.requests().slice(-3).map((r) => r.fault ?? null)).toEqual(["fail", "fail", null]);
  });

  it("leaves requests that do not match alone", async () => {
    f.sim.faults.fail("POST /repos/{owner}/{repo}/check-runs", { times: 1 });
    expect((await f.api("/repos/acme/widgets")).status).toBe(200);
    expect(f.sim.faults.pending()).toBe(1);
  });

  it("answers a secondary rate limit with 403, retry-after and GitHub's message", async () => {
    f.sim.faults.secondaryRateLimit("/repos/acme/widgets", { times: 1, retryAfter: 7 });
    const res = await f.api("/repos/acme/widgets");
    expect(res.status).toBe(403);
    expect(res.headers.get("retry-after")).toBe("7");
    expect(res.body.message).toContain("You have exceeded a secondary rate limit");
  });

  it("matches GraphQL requests by operation name", async () => {
    f.sim.faults.fail("graphql:Other", { status: 500 });
    f.sim.faults.fail("graphql:RepoName", { status: 502 });
    const res = await f.graphql(QUERY);
    expect(res.status).toBe(502);
    expect(res.body.errors[0].message).toMatch(/Something went wrong/);
    expect(f.sim.faults.pending()).toBe(1);
  });

  it("delays matching requests", async () => {
    f.sim.faults.delay("graphql", 200, 1);
    const started = Date.now();
    const res = await f.graphql(QUERY);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("accepts a predicate", async () => {
    f.sim.faults.fail((t) => t.method === "GET" && t.path.endsWith("/widgets"), { status: 500, times: 1 });
    expect((await f.api("/repos/acme/widgets")).status).toBe(500);
  });
});

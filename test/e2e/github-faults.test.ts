/**
 * Done when (g) and the issue's fault cases, through the real server: GitHub 5xx answers and
 * secondary rate limits are retried and the final conclusion is the right one; a failure that
 * persists leaves a blocking check that says why — never success.
 */
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice"] });
});
afterEach(() => sandbox().sim.faults.clear());

/** A human-only PR: under the default policy it passes, so only a fault can keep it from success. */
function humanPullRequest(): PullRecord {
  const name = freshRepo("faults");
  sandbox().world.addRepo("acme", name);
  return sandbox().world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "fix/retry", commits: [{ message: "Retry the upload" }] });
}

/** Requests to `route` in the order the simulator answered them: status, and the fault if one was injected. */
function answers(route: string, operationName?: string): string[] {
  return sandbox()
    .sim.requests({ route, ...(operationName ? { operationName } : {}) })
    .map((r) => `${r.status}${r.fault ? ` ${r.fault}` : ""}`);
}

describe("transient GitHub failures", () => {
  it("retries a 502 on the facts query and concludes success", async () => {
    const pr = humanPullRequest();
    sandbox().sim.resetRequests();
    sandbox().sim.faults.fail("graphql:PullRequestFacts", { status: 502, times: 1 });

    await sandbox().deliver("pull_request", "opened", { pr });

    expect(answers("/graphql", "PullRequestFacts")).toEqual(["502 fail", "200"]);
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ runCount: 1, conclusion: "success" });
  });

  it("retries a 503 on the check-run write and concludes success", async () => {
    const pr = humanPullRequest();
    sandbox().sim.resetRequests();
    sandbox().sim.faults.fail("POST /repos/{owner}/{repo}/check-runs", { status: 503, times: 1 });

    await sandbox().deliver("pull_request", "opened", { pr });

    expect(answers("/repos/{owner}/{repo}/check-runs")).toEqual(["503 fail", "201"]);
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ runCount: 1, conclusion: "success" });
  });

  it("waits out two secondary rate limits and concludes action_required for an AI PR", async () => {
    const name = freshRepo("faults");
    sandbox().world.addRepo("acme", name);
    const pr = sandbox().world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "agent/x", commits: [{ message: aiMessage("Add x") }] });
    sandbox().sim.resetRequests();
    sandbox().sim.faults.secondaryRateLimit("graphql:PullRequestFacts", { times: 2, retryAfter: 1 });

    await sandbox().deliver("pull_request", "opened", { pr });

    expect(answers("/graphql", "PullRequestFacts")).toEqual(["403 secondary-rate-limit", "403 secondary-rate-limit", "200"]);
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ runCount: 1, conclusion: "action_required" });
  });
});

describe("persistent GitHub failures", () => {
  it("leaves a failure check that says GitHub is failing when the facts query keeps answering 502", async () => {
    const pr = humanPullRequest();
    sandbox().sim.resetRequests();
    sandbox().sim.faults.fail("graphql:PullRequestFacts", { status: 502, times: 1_000 });

    await sandbox().deliver("pull_request", "opened", { pr });

    // Retried with backoff before giving up.
    expect(answers("/graphql", "PullRequestFacts").length).toBeGreaterThan(1);
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toMatch(/GitHub is failing \(HTTP 502\)/);
    expect(verdict.summary).toMatch(/stays blocking/);
  });

  it("still writes a blocking check when every read fails and only writes work", async () => {
    const pr = humanPullRequest();
    sandbox().sim.resetRequests();
    sandbox().sim.faults.fail((request) => request.method === "GET" || request.route === "/graphql", { status: 502, times: 1_000 });

    await sandbox().deliver("pull_request", "opened", { pr });

    expect(answers("/repos/{owner}/{repo}/commits/{ref}/check-runs").every((answer) => answer === "502 fail")).toBe(true);
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict).toMatchObject({ runCount: 1, conclusion: "failure" });
    expect(verdict.title).toMatch(/GitHub is failing \(HTTP 502\)/);
    expect(verdict.summary).toMatch(/Re-evaluate/);
  });

  it("writes a blocking in_progress check while team reads keep failing, then the verdict", async () => {
    const name = freshRepo("faults");
    const policy = "version: 1\nrules:\n  - name: senior approval\n    require: { from: { teams: [senior-engineers] } }\n";
    sandbox().world.addRepo("acme", name, { files: { ".agent-governance.yml": policy } });
    const pr = sandbox().world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "agent/x", commits: [{ message: aiMessage("Add x") }] });
    sandbox().sim.resetRequests();
    sandbox().sim.faults.fail("GET /orgs/{org}/teams/{team_slug}/members", { status: 502, times: 1_000 });

    await sandbox().deliver("pull_request", "opened", { pr });

    const teamReads = sandbox().sim.requests({ route: "/orgs/{org}/teams/{team_slug}/members" });
    const [first, ...rest] = sandbox().sim.requests({ route: "/repos/{owner}/{repo}/check-runs", method: "POST" });
    expect(first?.body).toMatchObject({ status: "in_progress" });
    // The blocking run was there while the team reads were still being retried.
    expect(first!.seq).toBeLessThan(teamReads[teamReads.length - 1]!.seq);
    expect(rest).toEqual([]);
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ runCount: 1, conclusion: "failure" });
  });

  it("leaves a failure check that names the rate limit when secondary limits persist", async () => {
    const pr = humanPullRequest();
    sandbox().sim.faults.secondaryRateLimit("graphql:PullRequestFacts", { times: 1_000, retryAfter: 1 });

    await sandbox().deliver("pull_request", "opened", { pr });

    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toMatch(/rate limit/i);
  });

  it("recovers on the next event once GitHub answers again", async () => {
    const pr = humanPullRequest();
    sandbox().sim.faults.secondaryRateLimit("graphql:PullRequestFacts", { times: 1_000, retryAfter: 1 });
    await sandbox().deliver("pull_request", "opened", { pr });
    expect(verdictOf(sandbox().world, pr).conclusion).toBe("failure");

    sandbox().sim.faults.clear();
    await sandbox().deliver("check_run", "rerequested", { pr });

    expect(verdictOf(sandbox().world, pr).conclusion).toBe("success");
  });
});

/**
 * GitHub's secondary limits per installation, kept by the server's Octokit class: content-
 * creating requests one second apart, never more than 80 in a minute or 500 in an hour; reads
 * never wait behind them. A burst far larger than the limits goes through a real Octokit (the
 * server's class, its throttling plugin and the /metrics counter) on a virtual clock, and
 * every request GitHub would have received is checked against the limits.
 */
import { describe, expect, it } from "@jest/globals";
import { governanceOctokit } from "../../src/github/octokit.js";
import { chargesOf, MemoryBudgetStore, type BudgetCharge, type Clock } from "../../src/github/request-budget.js";
import { githubRequestCounter } from "../../src/github/request-counter.js";
import { createMetrics } from "../../src/observability/metrics.js";

/** Time stands still until every piece of real work has run, then jumps to the next sleeper. */
class VirtualClock implements Clock {
  private time = 0;
  private sleepers: Array<{ at: number; wake: () => void }> = [];

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((wake) => this.sleepers.push({ at: this.time + ms, wake }));
  }

  /** Time moves on only when `settled()` holds for a while: every request the budgets let go
   * has reached GitHub, so none is stamped later than it went out. */
  async runUntil(done: Promise<unknown>, settled: () => boolean): Promise<void> {
    let finished = false;
    void done.finally(() => (finished = true));
    let still = 0;
    while (!finished) {
      // Real time for the plugins' own timers and promise chains to run.
      await new Promise((resolve) => setTimeout(resolve, 1));
      still = settled() ? still + 1 : 0;
      if (finished || this.sleepers.length === 0 || still < 3) continue;
      const next = Math.min(...this.sleepers.map((s) => s.at));
      this.time = Math.max(this.time, next);
      const due = this.sleepers.filter((s) => s.at <= this.time);
      this.sleepers = this.sleepers.filter((s) => s.at > this.time);
      for (const sleeper of due) sleeper.wake();
    }
  }
}

/** Counts the requests the budgets let go. */
class CountingStore extends MemoryBudgetStore {
  granted = 0;

  override async claim(installation: string, charges: readonly BudgetCharge[]): Promise<number> {
    const wait = await super.claim(installation, charges);
    if (wait <= 0) this.granted++;
    return wait;
  }
}

interface Sent {
  at: number;
  method: string;
  url: string;
  body: string;
}

function githubDouble(clock: Clock, sent: Sent[]) {
  return async (url: string | URL, init: RequestInit = {}) => {
    sent.push({ at: clock.now(), method: init.method ?? "GET", url: String(url), body: String(init.body ?? "") });
    const body = String(url).endsWith("/graphql") ? { data: { viewer: { login: "app" } } } : { id: 1 };
    return new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } });
  };
}

function installationClient(clock: VirtualClock, sent: Sent[], installation: number) {
  const store = new CountingStore(clock);
  const Octokit = governanceOctokit({}, { clock, store });
  const metrics = createMetrics();
  const octokit = new Octokit({
    auth: { token: `token-${installation}` },
    // As Probot builds an installation's client: the installation id is the throttle id.
    throttle: { id: String(installation) },
    request: { fetch: githubDouble(clock, sent) },
  } as never);
  githubRequestCounter(metrics)(octokit, installation);
  return { octokit, metrics, settled: () => sent.length === store.granted };
}

const checkRun = (octokit: { request: (...args: never[]) => Promise<unknown> }, i: number) =>
  (octokit.request as (route: string, params: object) => Promise<unknown>)("POST /repos/{owner}/{repo}/check-runs", {
    owner: "acme",
    repo: "api",
    name: "agent-governance",
    head_sha: String(i).padStart(40, "0"),
  });

const mostWithin = (times: number[], windowMs: number) => Math.max(...times.map((t) => times.filter((u) => u >= t && u < t + windowMs).length));

describe("content-creating requests of one installation", () => {
  it("stay within 80 a minute, 500 an hour and a second apart under a burst of 620, and /metrics counts them", async () => {
    const clock = new VirtualClock();
    const sent: Sent[] = [];
    const { octokit, metrics, settled } = installationClient(clock, sent, 1001);
    const request = octokit.request as unknown as (route: string, params: object) => Promise<unknown>;
    const burst = Promise.all([
      ...Array.from({ length: 600 }, (_, i) => checkRun(octokit as never, i)),
      ...Array.from({ length: 20 }, (_, i) =>
        request("POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers", { owner: "acme", repo: "api", pull_number: i + 1, reviewers: ["carol"] }),
      ),
    ]);
    await clock.runUntil(burst, settled);

    const writes = sent.filter((r) => r.method !== "GET").map((r) => r.at);
    expect(writes).toHaveLength(620);
    expect(mostWithin(writes, 60_000)).toBeLessThanOrEqual(80);
    expect(mostWithin(writes, 3_600_000)).toBeLessThanOrEqual(500);
    const gaps = writes.slice(1).map((t, i) => t - writes[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1_000);
    // The hour's ceiling, not only the spacing, held the last 120 back.
    expect(writes[500]).toBeGreaterThanOrEqual(3_600_000);
    const reviewRequests = sent.filter((r) => r.url.endsWith("/requested_reviewers")).map((r) => r.at);
    expect(Math.min(...reviewRequests.slice(1).map((t, i) => t - reviewRequests[i]))).toBeGreaterThanOrEqual(3_000);

    const counted = (await metrics.githubContentWrites.get()).values.find((v) => v.labels.installation === "1001")?.value;
    expect(counted).toBe(620);
    expect(await metrics.registry.metrics()).toMatch(/agent_governance_github_content_writes_total\{installation="1001"\} 620/);
  }, 120_000);

  it("let GraphQL queries and REST reads through at once while writes wait their turn", async () => {
    const clock = new VirtualClock();
    const sent: Sent[] = [];
    const { octokit, settled } = installationClient(clock, sent, 1002);
    const request = octokit.request as unknown as (route: string, params?: object) => Promise<unknown>;
    const graphql = octokit.graphql as unknown as (query: string) => Promise<unknown>;
    const work = Promise.all([
      ...Array.from({ length: 10 }, (_, i) => checkRun(octokit as never, i)),
      ...Array.from({ length: 30 }, () => graphql("query Viewer { viewer { login } }")),
      ...Array.from({ length: 30 }, () => request("GET /repos/{owner}/{repo}/pulls", { owner: "acme", repo: "api" })),
    ]);
    await clock.runUntil(work, settled);
    const reads = sent.filter((r) => r.method === "GET" || r.url.endsWith("/graphql"));
    expect(reads).toHaveLength(60);
    expect(Math.max(...reads.map((r) => r.at))).toBe(0);
    expect(Math.max(...sent.filter((r) => r.url.endsWith("/check-runs")).map((r) => r.at))).toBeGreaterThanOrEqual(9_000);
  }, 30_000);

  it("are paced per installation: one installation's writes never wait for another's", async () => {
    const clock = new VirtualClock();
    const sent: Sent[] = [];
    const store = new CountingStore(clock);
    const Octokit = governanceOctokit({}, { clock, store });
    const client = (id: number) =>
      new Octokit({ auth: { token: `t${id}` }, throttle: { id: String(id) }, request: { fetch: githubDouble(clock, sent) } } as never);
    const [a, b] = [client(1), client(2)];
    await clock.runUntil(Promise.all([checkRun(a as never, 1), checkRun(a as never, 2), checkRun(b as never, 3)]), () => sent.length === store.granted);
    expect(sent.map((r) => r.at).sort((x, y) => x - y)).toEqual([0, 0, 1_000]);
  });
});

describe("what a request costs", () => {
  it.each([
    ["a REST read", { method: "GET", url: "/repos/acme/api/pulls" }, [{ budget: "rest", cost: 1 }]],
    ["a GraphQL query", { method: "POST", url: "/graphql", query: "query Facts { viewer { login } }" }, [{ budget: "graphql", cost: 1 }]],
    [
      "a GraphQL mutation",
      { method: "POST", url: "/graphql", query: "mutation { addComment(input: {}) { clientMutationId } }" },
      [
        { budget: "content", cost: 1 },
        { budget: "graphql", cost: 5 },
      ],
    ],
    [
      "a check-run write",
      { method: "PATCH", url: "/repos/acme/api/check-runs/7" },
      [
        { budget: "content", cost: 1 },
        { budget: "rest", cost: 5 },
      ],
    ],
    [
      "a review request (it notifies people)",
      { method: "POST", url: "/repos/acme/api/pulls/1/requested_reviewers" },
      [
        { budget: "notifications", cost: 1 },
        { budget: "content", cost: 1 },
        { budget: "rest", cost: 5 },
      ],
    ],
    ["an installation token (the app's, not the installation's)", { method: "POST", url: "/app/installations/1/access_tokens" }, []],
    ["a GitHub Enterprise write", { method: "POST", url: "https://ghe.example.com/api/v3/repos/acme/api/check-runs" }, [{ budget: "content", cost: 1 }, { budget: "rest", cost: 5 }]],
  ])("%s", (_name, request, charges) => {
    expect(chargesOf(request)).toEqual(charges);
  });
});

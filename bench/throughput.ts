/**
 * The real server under load on loopback (goal: ≥ 500 webhooks/s on 2 cores, peak RSS
 * under 150 MB): signed `pull_request_review` deliveries round-robin over many open AI PRs,
 * 1 and 32 at a time. A delivery's latency is the time to the server's HTTP answer (it
 * acknowledges, then evaluates in its queue); after the last answer the queue is drained and
 * the evaluations it ran are counted from its decision log lines. Every review flips the
 * verdict, so each evaluation reads GitHub and writes the check run. Bounded: a fixed number
 * of deliveries per run.
 */
import { Agent, request } from "node:http";
import { performance } from "node:perf_hooks";
import type { Sandbox } from "../tools/sandbox/sandbox.js";
import { signWebhook, type PullRecord } from "@agent-governance/github-simulator";
import { distribution, type Distribution } from "./stats.js";

const CLAUDE = "Co-Authored-By: Claude <noreply@anthropic.com>";

export interface LoadResult {
  concurrency: number;
  deliveries: number;
  /** Deliveries answered per second while sending. */
  perSecond: number;
  latency: Distribution;
  /** Errors (non-2xx answers). */
  failed: number;
  /** Time from the last answer until the queue was empty. */
  drainSeconds: number;
  /** Evaluations the server ran (coalescing folds queued events of one PR into one). */
  evaluations: number;
  evaluationsPerSecond: number;
  peakRssBytes: number | undefined;
}

/** Opens `count` AI PRs and lets the server evaluate each once. */
export async function openPullRequests(sandbox: Sandbox, count: number): Promise<PullRecord[]> {
  const { world } = sandbox;
  if (!world.orgs.has("load")) world.addOrg("load", { members: ["alice", "bob", "carol"] });
  const pulls: PullRecord[] = [];
  for (let i = 0; i < count; i++) {
    const name = `service-${i % 10}`;
    if (!world.findRepo("load", name)) {
      world.addRepo("load", name);
      for (const login of ["alice", "bob", "carol"]) world.setPermission(`load/${name}`, login, "write");
    }
    const pr = world.openPullRequest({
      repo: `load/${name}`,
      author: "alice",
      head: `agent/task-${i}`,
      commits: [{ message: `Task ${i}\n\n${CLAUDE}\n`, files: [{ path: `src/task-${i}.ts`, additions: 20 }] }],
    });
    pulls.push(pr);
    await sandbox.sim.deliver("pull_request", "opened", { pr });
  }
  await sandbox.settle();
  return pulls;
}

export async function loadServer(sandbox: Sandbox, pulls: PullRecord[], options: { concurrency: number; deliveries: number }): Promise<LoadResult> {
  const { world, sim, app } = sandbox;
  const decisionsBefore = decisions(sandbox);
  // Bodies are built and signed before the clock starts: the load generator shares the
  // machine (and this process) with the simulator, and must cost as little as possible.
  // The app reads the PR from GitHub, not from the body, so one body per PR is enough.
  const bodies = pulls.map((pr) => {
    world.addReview(pr, { user: "bob", state: "APPROVED" });
    const body = JSON.stringify(sim.payload("pull_request_review", "submitted", { pr, sender: "bob" }));
    return { body, signature: signWebhook(sandbox.webhookSecret, body) };
  });
  const target = new URL(app.webhookUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: options.concurrency });
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;

  const started = performance.now();
  const worker = async () => {
    while (next < options.deliveries) {
      const i = next++;
      const pr = pulls[i % pulls.length];
      // Each delivery changes the verdict: bob and carol alternate approving and requesting changes.
      const round = Math.floor(i / pulls.length);
      world.addReview(pr, { user: round % 2 === 0 ? "carol" : "bob", state: round % 4 < 2 ? "CHANGES_REQUESTED" : "APPROVED" });
      const sent = performance.now();
      const status = await post(agent, target, bodies[i % bodies.length], i);
      latencies.push(performance.now() - sent);
      if (status >= 300) failed++;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const sending = (performance.now() - started) / 1000;
  agent.destroy();
  await app.idle({ timeoutMs: 600_000 });
  const total = (performance.now() - started) / 1000;
  const evaluations = decisions(sandbox) - decisionsBefore;
  return {
    concurrency: options.concurrency,
    deliveries: options.deliveries,
    perSecond: options.deliveries / sending,
    latency: distribution(latencies),
    failed,
    drainSeconds: total - sending,
    evaluations,
    evaluationsPerSecond: evaluations / total,
    peakRssBytes: app.peakRssBytes(),
  };
}

/** One delivery over a kept-alive connection (node:http costs the sender less than fetch). */
function post(agent: Agent, url: URL, delivery: { body: string; signature: string }, n: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(delivery.body),
          "x-github-event": "pull_request_review",
          "x-github-delivery": `bench-${process.pid}-${n}`,
          "x-hub-signature-256": delivery.signature,
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(delivery.body);
  });
}

function decisions(sandbox: Sandbox): number {
  return sandbox.app.logs.filter((line) => line.json?.msg === "decision").length;
}

/**
 * The replica load test: replicas sharing Redis and PostgreSQL receive a stream of
 * webhooks for many pull requests — a share of them delivered twice, in shuffled order — while
 * the simulator answers some requests with 502 and some with 403 secondary rate limits;
 * optionally one replica is killed (SIGKILL) part-way. Afterwards every pull request's check
 * run is compared with a fresh evaluation of its final state (replica-verdicts.ts).
 *
 * Webhooks go out in windows: a few rounds of world changes (one step per pull request per
 * round) are applied, their webhooks built at that moment, then the window's webhooks (and
 * duplicates) are shuffled and delivered concurrently to random live replicas, as a load
 * balancer in front of them would. A delivery that fails because its replica was killed is
 * delivered again to a live one (GitHub's redelivery), and counted.
 */
import type { DeliveryResult } from "@agent-governance/github-simulator";
import { installationIdOf, type Cluster, type Replica } from "./replica-cluster.js";
import { nextStep, openPullRequest, orgName, seededRandom, setUpOrganisations, type ScenarioPull, type Webhook } from "./replica-scenario.js";
import { compareWithFreshEvaluations, type VerdictComparison } from "./replica-verdicts.js";

export interface LoadOptions {
  orgs: number;
  pullsPerOrg: number;
  /** Deliveries in total, duplicates included. */
  webhooks: number;
  /** Share of webhooks delivered twice. */
  duplicateShare: number;
  /** Share of GitHub requests answered 502. */
  failureRate: number;
  /** How many requests get a 403 secondary rate limit (spread at random over the run). */
  secondaryRateLimits: number;
  /** Kill the second replica once this share of the webhooks has been delivered; undefined = no kill. */
  killAfter?: number;
  /** Deliveries in flight at once. */
  concurrency: number;
  /** Rounds of world changes per delivery window (larger = more reordering). */
  windowRounds: number;
  seed: number;
  /** Settling time allowed after the last delivery. */
  settleTimeoutMs: number;
  progress?: (message: string) => void;
}

export interface LoadReport {
  pullRequests: number;
  organisations: number;
  webhooks: number;
  uniqueWebhooks: number;
  /** Deliveries refused or cut off by the killed replica, delivered again to a live one. */
  redelivered: number;
  /** Answers other than 2xx (not counting the killed replica's). */
  rejected: number;
  ackMs: { p50: number; p99: number; max: number };
  slowAcks: number;
  deliverySeconds: number;
  /** From the first delivery until the shared queue was empty. */
  totalSeconds: number;
  evaluations: number;
  perReplica: Array<{ webhooks: number; evaluations: number; killed: boolean; exitCode: number | undefined }>;
  githubRequests: number;
  injected502: number;
  injected403: number;
  errorLogs: number;
  crashed: number;
  comparison: VerdictComparison;
}

export async function runReplicaLoad(cluster: Cluster, options: LoadOptions): Promise<LoadReport> {
  const { sim } = cluster;
  const world = sim.world;
  const random = seededRandom(options.seed);
  const say = options.progress ?? (() => undefined);
  const total = options.orgs * options.pullsPerOrg;

  setUpOrganisations(world, options.orgs, (org) => installationIdOf(cluster.appId, org));
  const unique = Math.ceil(options.webhooks / (1 + options.duplicateShare));
  const duplicates = options.webhooks - unique;
  // Steps per pull request, spread so that they add up to `unique` exactly.
  const budget = Array.from({ length: total }, (_, n) => Math.floor(unique / total) + (n < unique % total ? 1 : 0));
  const duplicated = new Set<number>();
  while (duplicated.size < duplicates) duplicated.add(Math.floor(random() * unique));

  // Faults for the whole run: a share of all requests fails, a few hit secondary rate limits.
  const faultRandom = seededRandom(options.seed ^ 0x5bd1e995);
  sim.faults.fail(() => faultRandom() < options.failureRate, { status: 502, times: Number.POSITIVE_INFINITY });
  const writes = (t: { method: string }) => t.method !== "GET" && faultRandom() < 0.02;
  sim.faults.secondaryRateLimit(writes, { times: options.secondaryRateLimits, retryAfter: 1 });

  const appLogs = cluster.replicas.map(() => ({ evaluations: 0, webhooks: 0 }));
  const acks: number[] = [];
  let rejected = 0;
  let redelivered = 0;
  let delivered = 0;
  let killedOne = false;
  const build = (event: string, action: string | undefined, subject: object) => sim.payload(event, action, subject);

  // The last replica dies once its share of the webhooks is in and it has finished at least one
  // evaluation: it is then certainly in the middle of the work, not still starting up.
  const victim = cluster.replicas[cluster.replicas.length - 1];
  const victimEvaluations = () => victim.process.logs.filter((line) => line.json?.msg === "decision").length;
  const killIfDue = () => {
    if (options.killAfter === undefined || killedOne || delivered < options.killAfter * options.webhooks) return;
    if (victimEvaluations() === 0 || cluster.live().length < 2) return;
    killedOne = true;
    say(`killing replica ${victim.index} (pid ${victim.process.pid}) after ${delivered} webhooks and ${victimEvaluations()} of its evaluations`);
    cluster.kill(victim);
  };

  const deliverOne = async (hook: Webhook): Promise<void> => {
    for (;;) {
      const live = cluster.live();
      const replica: Replica = live[Math.floor(Math.random() * live.length)];
      let result: DeliveryResult;
      try {
        result = await cluster.deliver(replica, hook.event, hook.payload);
      } catch (error) {
        // Only the replica killed on purpose may drop a delivery; anything else is a failure.
        if (!replica.killed) throw error;
        redelivered++;
        continue;
      }
      if (replica.killed && result.status >= 500) {
        redelivered++;
        continue;
      }
      appLogs[replica.index].webhooks++;
      if (result.status >= 200 && result.status < 300) acks.push(result.durationMs);
      else rejected++;
      delivered++;
      killIfDue();
      return;
    }
  };

  const deliverAll = async (hooks: Webhook[]): Promise<void> => {
    let next = 0;
    const lanes = Array.from({ length: Math.min(options.concurrency, hooks.length) }, async () => {
      while (next < hooks.length) await deliverOne(hooks[next++]);
    });
    await Promise.all(lanes);
  };

  const started = performance.now();
  const pulls: ScenarioPull[] = [];
  const rounds = Math.max(...budget);
  let sequence = 0;
  let carried: Webhook[] = [];
  for (let first = 0; first < rounds || carried.length > 0; first += options.windowRounds) {
    const window: Webhook[] = carried;
    carried = [];
    for (let round = first; round < Math.min(first + options.windowRounds, rounds); round++) {
      for (let n = 0; n < total; n++) {
        if (round >= budget[n]) continue;
        let hook: Webhook;
        if (round === 0) {
          const opened = openPullRequest(world, orgName(Math.floor(n / options.pullsPerOrg)), n % options.pullsPerOrg, random, build);
          pulls[n] = opened.pull;
          hook = opened.hook;
        } else {
          hook = nextStep(world, pulls[n], random, build);
        }
        window.push(hook);
        // The second delivery of a duplicated webhook: in this window or the next one.
        if (duplicated.has(sequence++)) (random() < 0.5 || first + options.windowRounds >= rounds ? window : carried).push(hook);
      }
    }
    shuffle(window, random);
    await deliverAll(window);
    say(`${delivered}/${options.webhooks} webhooks delivered`);
  }
  const deliverySeconds = (performance.now() - started) / 1000;
  for (const deadline = Date.now() + 60_000; options.killAfter !== undefined && !killedOne && Date.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    killIfDue();
  }
  if (options.killAfter !== undefined && !killedOne) throw new Error(`replica ${victim.index} finished no evaluation within a minute: nothing to kill it in the middle of`);
  say(`all ${delivered} webhooks delivered in ${deliverySeconds.toFixed(1)} s; waiting for the queue to empty`);
  await cluster.idle(options.settleTimeoutMs);
  const totalSeconds = (performance.now() - started) / 1000;
  sim.faults.clear();

  const requests = sim.requests();
  for (const replica of cluster.replicas) {
    appLogs[replica.index].evaluations = replica.process.logs.filter((line) => line.json?.msg === "decision").length;
  }
  const errorLogs = cluster.replicas.reduce((n, r) => n + r.process.logs.filter((line) => (line.json?.level ?? 0) >= 50).length, 0);
  const crashed = cluster.replicas.filter((r) => !r.killed && r.process.exited()).length;

  say("comparing every check run with a fresh evaluation");
  const comparison = await compareWithFreshEvaluations(cluster, pulls.map((p) => p.pr));
  const sorted = [...acks].sort((a, b) => a - b);
  return {
    pullRequests: total,
    organisations: options.orgs,
    webhooks: delivered,
    uniqueWebhooks: unique,
    redelivered,
    rejected,
    ackMs: { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99), max: sorted[sorted.length - 1] ?? 0 },
    slowAcks: acks.filter((ms) => ms >= 10_000).length,
    deliverySeconds,
    totalSeconds,
    evaluations: appLogs.reduce((n, r) => n + r.evaluations, 0),
    perReplica: cluster.replicas.map((r) => ({ ...appLogs[r.index], killed: r.killed, exitCode: r.process.exitCode() })),
    githubRequests: requests.length,
    injected502: requests.filter((r) => r.fault === "fail").length,
    injected403: requests.filter((r) => r.fault === "secondary-rate-limit").length,
    errorLogs,
    crashed,
    comparison,
  };
}

/** The claims that a report breaks; empty when all hold. */
export function claimsBroken(name: string, report: LoadReport): string[] {
  const broken: string[] = [];
  const c = report.comparison;
  if (c.mismatches.length > 0) {
    broken.push(`${name}: ${c.mismatches.length} check runs differ from a fresh evaluation, e.g. ${JSON.stringify(c.mismatches[0])}`);
  }
  if (c.duplicateRuns.length > 0) broken.push(`${name}: ${c.duplicateRuns.length} head commits have two check runs, e.g. ${JSON.stringify(c.duplicateRuns[0])}`);
  if (report.crashed > 0) broken.push(`${name}: ${report.crashed} replicas crashed`);
  if (report.slowAcks > 0) broken.push(`${name}: ${report.slowAcks} webhooks took 10 s or more to acknowledge`);
  if (report.rejected > 0) broken.push(`${name}: ${report.rejected} webhooks were not acknowledged`);
  return broken;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)];
}

/**
 * The replica load test, small: two built servers sharing Redis and PostgreSQL take 600
 * webhooks for 40 pull requests (half delivered twice, shuffled) while the simulator fails 5 %
 * of requests with 502 and some with 403 secondary rate limits, and one replica is killed
 * part-way. `npm run bench:replicas` runs the full size (5 000 / 200). Needs `npm run build`,
 * Redis (REDIS_TEST_URL) and PostgreSQL (LEDGER_TEST_DATABASE_URL).
 */
import { afterAll, beforeAll, describe, expect, it, jest } from "@jest/globals";
import { startCluster, type Cluster } from "../../bench/replica-cluster.js";
import { claimsBroken, runReplicaLoad, type LoadReport } from "../../bench/replica-load.js";

jest.setTimeout(10 * 60_000);

let cluster: Cluster | undefined;
let report: LoadReport;

beforeAll(async () => {
  cluster = await startCluster({
    replicas: 2,
    redisUrl: process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379",
    postgresUrl: process.env.LEDGER_TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test",
  });
  report = await runReplicaLoad(cluster, {
    orgs: 10,
    pullsPerOrg: 4,
    webhooks: 600,
    duplicateShare: 0.5,
    failureRate: 0.05,
    secondaryRateLimits: 8,
    killAfter: 0.4,
    concurrency: 16,
    windowRounds: 3,
    seed: 7,
    settleTimeoutMs: 8 * 60_000,
  });
});

afterAll(async () => {
  await cluster?.close();
});

describe("two replicas under load, one of them killed", () => {
  it("acknowledges every webhook, each within 10 s", () => {
    expect(report.webhooks).toBe(600);
    expect(report.rejected).toBe(0);
    expect(report.slowAcks).toBe(0);
  });

  it("shows on every pull request what a fresh evaluation of its final state says", () => {
    expect(report.comparison.mismatches).toEqual([]);
    expect(report.comparison.checked).toBe(40);
  });

  it("never gives a head commit two check runs", () => {
    expect(report.comparison.duplicateRuns).toEqual([]);
  });

  it("keeps the surviving replica running, having shared the work before the kill", () => {
    expect(report.crashed).toBe(0);
    expect(report.perReplica.map((r) => r.killed)).toEqual([false, true]);
    expect(report.perReplica.every((r) => r.evaluations > 0)).toBe(true);
  });

  it("was tested under the faults it claims", () => {
    expect(report.injected502).toBeGreaterThan(0);
    expect(report.injected403).toBeGreaterThan(0);
    expect(claimsBroken("small", report)).toEqual([]);
  });
});

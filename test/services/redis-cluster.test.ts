/**
 * Everything the replicas share through Redis works on a Redis Cluster: the work queue
 * (BullMQ and the per-key claims), the check-run memo and its locks, membership invalidation,
 * the GitHub request budgets and the head pages. The test starts a real three-node cluster
 * itself (redis-server in cluster mode on local ports, in a temporary directory) and stops it
 * at the end; it needs only `redis-server` and `redis-cli` on the PATH.
 *
 * Without hash-tagged keys BullMQ's and the claims' scripts fail with CROSSSLOT on a cluster;
 * the keys are spread over three nodes here, so every multi-key script is put to the test.
 */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Cluster } from "ioredis";
import { DirectoryCache, MemoryDirectory } from "../../src/github/directory.js";
import { redisInvalidation, type DirectoryInvalidation } from "../../src/github/directory-invalidation.js";
import { SharedHeadPages } from "../../src/github/redis-head-pages.js";
import { RedisBudgetStore } from "../../src/github/redis-request-budget.js";
import { GITHUB_BUDGETS } from "../../src/github/request-budget.js";
import { SharedCheckRunMemo } from "../../src/github/shared-check-run-memo.js";
import { redisClient } from "../../src/queue/redis-connection.js";
import { RedisQueue } from "../../src/queue/redis-queue.js";
import { redisKeyPrefix } from "../../src/queue/redis-url.js";

const PORTS = [7101, 7102, 7103];
const URL = `redis+cluster://${PORTS.map((port) => `127.0.0.1:${port}`).join(",")}`;
const dir = mkdtempSync(join(tmpdir(), "agent-governance-cluster-"));
const servers: ChildProcess[] = [];
const closers: Array<() => Promise<unknown>> = [];
const errors: unknown[] = [];
const onError = (error: unknown) => errors.push(error);

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function cli(port: number, ...args: string[]): string {
  return execFileSync("redis-cli", ["-p", String(port), ...args], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

function answers(port: number): boolean {
  try {
    return cli(port, "ping").trim() === "PONG";
  } catch {
    return false;
  }
}

beforeAll(async () => {
  for (const port of PORTS) {
    if (answers(port)) throw new Error(`port ${port} is taken: the cluster test needs ports ${PORTS.join(", ")} free`);
    const server = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-config-file", `nodes-${port}.conf`, "--dir", dir, "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    servers.push(server);
  }
  await until(() => PORTS.every(answers));
  execFileSync("redis-cli", ["--cluster", "create", ...PORTS.map((port) => `127.0.0.1:${port}`), "--cluster-replicas", "0", "--cluster-yes"], {
    stdio: "ignore",
  });
  await until(() => PORTS.every((port) => /cluster_state:ok/.test(cli(port, "cluster", "info"))));
}, 60_000);

afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => undefined);
  for (const server of servers) server.kill("SIGKILL");
  await Promise.all(servers.map((server) => new Promise((resolve) => (server.exitCode !== null ? resolve(null) : server.once("exit", resolve)))));
  rmSync(dir, { recursive: true, force: true });
});

const prefix = () => redisKeyPrefix(URL, `agent-governance-${randomUUID().slice(0, 8)}`);

describe("a Redis Cluster behind redis+cluster://", () => {
  it("is reached as a cluster, with the key prefix as a hash tag", async () => {
    const client = redisClient(URL);
    closers.push(() => client.quit());
    expect(client).toBeInstanceOf(Cluster);
    expect(await client.ping()).toBe("PONG");
    expect(redisKeyPrefix(URL, "agent-governance")).toBe("{agent-governance}");
    expect(redisKeyPrefix("redis://127.0.0.1:6379", "agent-governance")).toBe("agent-governance");
  });

  it("runs the work queue: every job once, one run at a time per key, bursts folded into the latest", async () => {
    const namespace = prefix();
    const runs: Array<{ key: string; value: number }> = [];
    let running = 0;
    let overlapped = false;
    const replica = () => {
      const queue = new RedisQueue<{ key: string; value: number }>({
        url: URL,
        prefix: namespace,
        onError,
        lockMs: 2_000,
        stalledIntervalMs: 500,
        retryDelayMs: 20,
        run: async (job) => {
          running += 1;
          if (running > 2) overlapped = true;
          await new Promise((resolve) => setTimeout(resolve, 20));
          runs.push(job);
          running -= 1;
        },
      });
      closers.push(() => queue.close());
      return queue;
    };
    const [a, b] = [replica(), replica()];
    for (let value = 1; value <= 5; value++) {
      await a.submit({ key: "acme/api#1", group: "1", job: { key: "acme/api#1", value } });
      await b.submit({ key: "acme/api#2", group: "1", job: { key: "acme/api#2", value } });
    }
    await until(async () => (await a.stats()).running + (await a.stats()).waiting === 0 && runs.length > 0);
    await a.idle();
    for (const key of ["acme/api#1", "acme/api#2"]) {
      const values = runs.filter((run) => run.key === key).map((run) => run.value);
      expect(values.at(-1)).toBe(5);
      expect(values.length).toBeLessThanOrEqual(5);
    }
    expect(overlapped).toBe(false);
  }, 30_000);

  it("keeps the check-run memo, and its lock admits one writer at a time across replicas", async () => {
    const namespace = prefix();
    const [a, b] = await Promise.all([SharedCheckRunMemo.connect(URL, namespace, onError), SharedCheckRunMemo.connect(URL, namespace, onError)]);
    closers.push(() => a.close(), () => b.close());
    await a.set("acme/api@abc", { checkRunId: 7, outputHash: "h1", status: "completed", annotationKeys: new Set(["k"]) });
    expect(await b.get("acme/api@abc")).toMatchObject({ checkRunId: 7, outputHash: "h1", status: "completed" });

    let inside = 0;
    let most = 0;
    const write = (memo: SharedCheckRunMemo) =>
      memo.exclusive("acme/api@abc", async () => {
        inside += 1;
        most = Math.max(most, inside);
        await new Promise((resolve) => setTimeout(resolve, 30));
        inside -= 1;
      });
    await Promise.all([write(a), write(b), write(a), write(b)]);
    expect(most).toBe(1);
  });

  it("carries membership invalidations to every replica", async () => {
    const namespace = prefix();
    const replica = async (source: MemoryDirectory) => {
      const cache = new DirectoryCache({ ttlMs: 3_600_000 });
      const invalidation: DirectoryInvalidation = await redisInvalidation(cache, URL, namespace, onError);
      closers.push(() => invalidation.close());
      return { directory: cache.over(source), invalidation };
    };
    const sourceB = new MemoryDirectory({ teams: { "acme/seniors": ["carol"] } });
    const a = await replica(new MemoryDirectory({ teams: { "acme/seniors": ["carol"] } }));
    const b = await replica(sourceB);
    expect(await b.directory.teamMembers("acme", "seniors")).toEqual(["carol"]);
    sourceB.setTeam("acme/seniors", []);

    await a.invalidation.announce({ org: "acme", team: "seniors" });
    await until(async () => (await b.directory.teamMembers("acme", "seniors"))?.length === 0);
  });

  it("keeps the request budgets: writes of one installation a second apart across replicas", async () => {
    const namespace = prefix();
    const stores = [new RedisBudgetStore(redisClient(URL), namespace, onError), new RedisBudgetStore(redisClient(URL), namespace, onError)];
    closers.push(...stores.map((store) => () => store.close()));
    const write = [
      { budget: GITHUB_BUDGETS.content, cost: 1 },
      { budget: GITHUB_BUDGETS.rest, cost: 5 },
    ];
    expect(await stores[0].claim("1001", write)).toBe(0);
    const wait = await stores[1].claim("1001", write);
    expect(wait).toBeGreaterThan(500);
    expect(wait).toBeLessThanOrEqual(1_000);
    // Another installation does not wait, and reads never wait for writes.
    expect(await stores[1].claim("2002", write)).toBe(0);
    expect(await stores[1].claim("1001", [{ budget: GITHUB_BUDGETS.graphql, cost: 1 }])).toBe(0);
  });

  it("shares head pages between replicas", async () => {
    const namespace = prefix();
    const [a, b] = await Promise.all([SharedHeadPages.connect(URL, namespace, onError), SharedHeadPages.connect(URL, namespace, onError)]);
    closers.push(() => a.close(), () => b.close());
    const pages = { commits: [], files: [{ path: "src/a.ts", additions: 1, deletions: 0, changeType: "ADDED" as const }], previousPaths: [] };
    await a.set("acme/api@abc:1:1", pages);
    expect(await b.get("acme/api@abc:1:1")).toEqual(pages);
  });

  it("raised no Redis error on the way (no CROSSSLOT, no MOVED left unfollowed)", () => {
    expect(errors).toEqual([]);
  });
});

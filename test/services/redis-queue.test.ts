/**
 * The shared work queue against a real Redis (REDIS_TEST_URL, default redis://127.0.0.1:6379).
 * Two RedisQueue instances in one process, each with its own connections, play two replicas.
 * Every test uses its own key prefix, deleted at the end.
 */
import { afterAll, afterEach, describe, expect, it } from "@jest/globals";
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { RedisQueue, type RedisQueueOptions } from "../../src/queue/redis-queue.js";

const URL = process.env.REDIS_TEST_URL ?? "redis://127.0.0.1:6379";
const admin = new Redis(URL);
const prefixes: string[] = [];
const open: Array<RedisQueue<unknown>> = [];
const errors: unknown[] = [];

interface Step {
  key: string;
  value: number;
}

function replica<J>(prefix: string, run: (job: J) => Promise<void>, options: Partial<RedisQueueOptions<J>> = {}): RedisQueue<J> {
  const queue = new RedisQueue<J>({
    url: URL,
    prefix,
    run,
    onError: (error) => errors.push(error),
    lockMs: 1_000,
    stalledIntervalMs: 300,
    retryDelayMs: 20,
    ...options,
  });
  open.push(queue as RedisQueue<unknown>);
  return queue;
}

function freshPrefix(): string {
  const prefix = `agent-governance-test-${randomBytes(5).toString("hex")}`;
  prefixes.push(prefix);
  return prefix;
}

function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting for a condition");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
  await Promise.all(open.splice(0).map((queue) => queue.close().catch(() => undefined)));
  // Connection noise from a replica abandoned on purpose is expected; anything else is not.
  const unexpected = errors.splice(0).filter((error) => !/Connection is closed|closed|ECONNRESET/i.test(String(error)));
  expect(unexpected).toEqual([]);
});

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await admin.keys(`${prefix}:*`);
    if (keys.length) await admin.del(...keys);
  }
  await admin.quit();
});

describe("Redis work queue", () => {
  it("collapses a burst for one key into one follow-up run of the latest submission", async () => {
    const prefix = freshPrefix();
    const slow = gate();
    const runs: number[] = [];
    const queue = replica<Step>(prefix, async (step) => {
      runs.push(step.value);
      if (step.value === 0) await slow.wait;
    });

    await queue.submit({ key: "acme/api#1", group: "1", job: { key: "acme/api#1", value: 0 } });
    await until(() => runs.length === 1);
    for (let value = 1; value <= 10; value++) {
      await queue.submit({ key: "acme/api#1", group: "1", job: { key: "acme/api#1", value } });
    }
    slow.open();
    await queue.idle();

    expect(runs).toEqual([0, 10]);
  });

  it("never runs one key on two replicas at the same time", async () => {
    const prefix = freshPrefix();
    const running = new Map<string, number>();
    let overlaps = 0;
    const ranOn = new Set<string>();
    const last = new Map<string, number>();
    const runner = (name: string) => async (step: Step) => {
      const now = (running.get(step.key) ?? 0) + 1;
      running.set(step.key, now);
      if (now > 1) overlaps++;
      ranOn.add(name);
      await sleep(15 + Math.random() * 20);
      last.set(step.key, step.value);
      running.set(step.key, (running.get(step.key) ?? 1) - 1);
    };
    const a = replica<Step>(prefix, runner("a"), { concurrency: 8, concurrencyPerGroup: 8 });
    const b = replica<Step>(prefix, runner("b"), { concurrency: 8, concurrencyPerGroup: 8 });

    const keys = ["acme/api#1", "acme/api#2", "acme/web#3", "beta/app#4"];
    for (let value = 1; value <= 60; value++) {
      const key = keys[value % keys.length];
      await (value % 2 ? a : b).submit({ key, group: "1", job: { key, value } });
      if (value % 7 === 0) await sleep(20);
    }
    await a.idle();

    expect(overlaps).toBe(0);
    expect(ranOn).toEqual(new Set(["a", "b"]));
    // Each key's final run is of its last submission.
    expect(Object.fromEntries(last)).toEqual({ "acme/api#1": 60, "acme/api#2": 57, "acme/web#3": 58, "beta/app#4": 59 });
  });

  it("lets another replica finish the job of a replica that died while running it", async () => {
    const prefix = freshPrefix();
    const stuck = gate();
    const startedOnA: number[] = [];
    const a = replica<Step>(prefix, async (step) => {
      startedOnA.push(step.value);
      await stuck.wait; // dies before finishing
    });
    await a.submit({ key: "acme/api#7", group: "1", job: { key: "acme/api#7", value: 7 } });
    await until(() => startedOnA.length === 1);

    await a.abandon();
    const finishedOnB: number[] = [];
    const b = replica<Step>(prefix, async (step) => {
      finishedOnB.push(step.value);
    });
    await until(() => finishedOnB.length === 1, 15_000);
    await b.idle();
    stuck.open();

    expect(finishedOnB).toEqual([7]);
  });

  it("runs different keys at the same time", async () => {
    const prefix = freshPrefix();
    const release = gate();
    const started = new Set<string>();
    const queue = replica<Step>(prefix, async (step) => {
      started.add(step.key);
      await release.wait;
    });

    await queue.submit({ key: "acme/api#1", group: "1", job: { key: "acme/api#1", value: 1 } });
    await queue.submit({ key: "acme/api#2", group: "1", job: { key: "acme/api#2", value: 2 } });
    await until(() => started.size === 2);
    release.open();
    await queue.idle();

    expect(started).toEqual(new Set(["acme/api#1", "acme/api#2"]));
  });

  it("runs at most the group's limit at once across replicas, while other groups go on", async () => {
    const prefix = freshPrefix();
    const release = gate();
    const running = new Map<string, number>();
    let peakBusy = 0;
    const otherGroupDone: string[] = [];
    const runner = async (step: Step) => {
      const group = step.key.split("/")[0];
      running.set(group, (running.get(group) ?? 0) + 1);
      if (group === "busy") {
        peakBusy = Math.max(peakBusy, running.get("busy")!);
        await release.wait;
      } else {
        otherGroupDone.push(step.key);
      }
      running.set(group, running.get(group)! - 1);
    };
    const a = replica<Step>(prefix, runner, { concurrencyPerGroup: 2 });
    const b = replica<Step>(prefix, runner, { concurrencyPerGroup: 2 });

    for (let n = 1; n <= 5; n++) {
      await (n % 2 ? a : b).submit({ key: `busy/api#${n}`, group: "busy", job: { key: `busy/api#${n}`, value: n } });
    }
    await until(() => (running.get("busy") ?? 0) === 2);
    await a.submit({ key: "calm/api#1", group: "calm", job: { key: "calm/api#1", value: 1 } });
    await until(() => otherGroupDone.length === 1);
    await sleep(200);
    expect(peakBusy).toBe(2);
    release.open();
    await a.idle();
    expect(peakBusy).toBe(2);
  });

  it("answers a ping and counts waiting work", async () => {
    const prefix = freshPrefix();
    const producer = replica<Step>(prefix, async () => undefined, { worker: false });
    await producer.submit({ key: "acme/api#1", group: "1", job: { key: "acme/api#1", value: 1 } });

    expect(await producer.ping()).toBe(true);
    expect(await producer.stats()).toEqual({ running: 0, waiting: 1 });
  });
});

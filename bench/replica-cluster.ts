/**
 * Several replicas of the real server (child processes, `node dist/src/server.js`) sharing one
 * Redis and one PostgreSQL database, in front of the GitHub simulator — the production shape,
 * on loopback. The database is created fresh and dropped at the end; the replicas' Redis keys
 * live under a prefix of their own and are deleted too.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { startAppProcess, type AppProcess, type LogLine } from "../tools/sandbox/app-process.js";
import { startSimulator, type Simulator } from "@agent-governance/github-simulator";
import { deliverWebhook, type DeliveryResult } from "@agent-governance/github-simulator";

export interface ClusterOptions {
  replicas: number;
  redisUrl: string;
  /** A PostgreSQL server URL whose user may create databases (the database part is replaced). */
  postgresUrl: string;
  /** Extra variables for every replica. */
  env?: Record<string, string>;
  onLog?: (replica: number, line: LogLine) => void;
}

export interface Replica {
  index: number;
  process: AppProcess;
  /** Set once this replica was killed on purpose. */
  killed: boolean;
}

export interface Cluster {
  sim: Simulator;
  appId: number;
  privateKey: string;
  replicas: Replica[];
  /** Replicas not killed. */
  live(): Replica[];
  /** A signed delivery to one replica, as GitHub (or a load balancer in front of the replicas) sends it. */
  deliver(replica: Replica, event: string, payload: Record<string, unknown>): Promise<DeliveryResult>;
  /** SIGKILL: no shutdown, running jobs are left behind. */
  kill(replica: Replica): void;
  /** Until the shared queue is empty (asked of a live replica's /healthz). */
  idle(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const appId = 50_000 + Math.floor(Math.random() * 40_000);
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  const webhookSecret = randomBytes(20).toString("hex");
  const suffix = randomBytes(5).toString("hex");
  const prefix = `agent-governance-bench-${suffix}`;
  const database = `agent_governance_bench_${suffix}`;

  const adminUrl = new URL(options.postgresUrl);
  const admin = new pg.Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`create database ${database}`);
  const databaseUrl = new URL(options.postgresUrl);
  databaseUrl.pathname = `/${database}`;

  const sim = await startSimulator({ appId, privateKey, webhookSecret, recordBodies: false });
  const env: Record<string, string> = {
    APP_ID: String(appId),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: webhookSecret,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    ...sim.env,
    REDIS_URL: options.redisUrl,
    DATABASE_URL: databaseUrl.toString(),
    GOVERNANCE_QUEUE_PREFIX: prefix,
    ...options.env,
  };

  const replicas: Replica[] = [];
  const cleanup = async () => {
    await Promise.allSettled(replicas.map((r) => r.process.stop(10_000)));
    await sim.close().catch(() => undefined);
    await admin.query(`drop database if exists ${database} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
    const redis = new Redis(options.redisUrl);
    try {
      // The queue's keys, and Bottleneck's (Probot's shared throttling, keyed by installation:
      // the scenario numbers installations after the app id, see installationIdOf).
      for (const pattern of [`${prefix}:*`, `b_octokit-*-${appId}*`]) {
        let cursor = "0";
        do {
          const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== "0");
      }
    } finally {
      redis.disconnect();
    }
  };

  try {
    for (let index = 0; index < options.replicas; index++) {
      const app = await startAppProcess({
        launcher: "node",
        env,
        startTimeoutMs: 30_000,
        onLog: options.onLog ? (line) => options.onLog!(index, line) : undefined,
      });
      replicas.push({ index, process: app, killed: false });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }

  const live = () => replicas.filter((r) => !r.killed && !r.process.exited());
  return {
    sim,
    appId,
    privateKey,
    replicas,
    live,
    deliver: (replica, event, payload) =>
      deliverWebhook({ url: replica.process.webhookUrl, secret: webhookSecret, appId, hookId: appId }, event, payload),
    kill(replica) {
      replica.killed = true;
      process.kill(replica.process.pid, "SIGKILL");
    },
    async idle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      // Twice in a row: a job between "taken" and "delayed again" can look like an empty queue once.
      let quiet = 0;
      while (quiet < 2) {
        const replica = live()[0];
        if (!replica) throw new Error("no replica is left to ask");
        const { queue } = await replica.process.health();
        quiet = queue.running === 0 && queue.waiting === 0 ? quiet + 1 : 0;
        if (Date.now() > deadline) throw new Error(`the replicas are still busy after ${timeoutMs} ms: ${JSON.stringify(queue)}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close: cleanup,
  };
}

/** Installation ids unique to this run, so Probot's shared throttling state is not shared with another run. */
export function installationIdOf(appId: number, org: number): number {
  return appId * 1000 + org;
}

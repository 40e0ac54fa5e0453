/**
 * Probot wiring only. Every event is routed (events/route.ts) into data jobs on the work
 * queue — in this process, or in Redis shared by all replicas when REDIS_URL is set — and the
 * webhook is acknowledged as soon as its jobs are queued. The settings come from the
 * environment (settings.ts), the memos from pipeline/memos.ts, the endpoints from http/.
 */
import type { ApplicationFunction, Probot } from "probot";
import { ROUTED_EVENTS, routeEvent, type RoutedWork } from "./events/route.js";
import { serveEndpoints } from "./http/endpoints.js";
import { healthEndpoint } from "./http/health.js";
import { metricsEndpoint } from "./http/metrics.js";
import { openLedger, type Ledger } from "./ledger/index.js";
import { githubRequestCounter } from "./github/request-counter.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { countRejectedDeliveries } from "./observability/rejected-deliveries.js";
import { mountConsole } from "./console/mount.js";
import { createPipelineContext, type PipelineContext } from "./pipeline/context.js";
import { runJob, workOf, type Job } from "./pipeline/jobs.js";
import { openMemos } from "./pipeline/memos.js";
import { openWorkQueue } from "./queue/open-queue.js";
import type { WorkQueue } from "./queue/work-queue.js";
import { readSettings } from "./settings.js";

/** Overrides of the environment's settings (tests, benchmarks). */
export interface AgentGovernanceOptions {
  /** The ledger to use; `undefined` opens one from the environment (DATABASE_URL or GOVERNANCE_DATA_DIR); null = none. */
  ledger?: Ledger | null;
  appId?: number;
  now?: () => Date;
  concurrencyPerInstallation?: number;
  directoryTtlSeconds?: number;
  metrics?: Metrics;
}

export type AgentGovernanceApp = ApplicationFunction & {
  /** Resolves when no evaluation is running or queued (tests, shutdown). */
  idle(): Promise<void>;
  /** Finish queued work and close the ledger. */
  shutdown(): Promise<void>;
  /** Available once the app has been loaded. */
  pipeline(): PipelineContext;
};

export function agentGovernance(options: AgentGovernanceOptions = {}): AgentGovernanceApp {
  let loaded: { pipeline: PipelineContext; queue: WorkQueue<Job>; close(): Promise<void> } | null = null;

  const appFn: ApplicationFunction = async (app: Probot, { addHandler }) => {
    const settings = readSettings(process.env);
    const metrics = options.metrics ?? createMetrics({ defaultMetrics: true });
    const ledger = options.ledger === undefined ? await openLedger(settings.ledger) : options.ledger;
    const appId = options.appId ?? settings.appId;
    const queueSettings = { ...settings.queue, concurrencyPerInstallation: options.concurrencyPerInstallation ?? settings.queue.concurrencyPerInstallation };
    const { redisUrl, prefix } = queueSettings;
    const memos = await openMemos(
      {
        directoryTtlSeconds: options.directoryTtlSeconds ?? settings.directoryTtlSeconds,
        checkRunMemoMaxAgeMs: settings.checkRunMemoMaxAgeMs,
        redis: redisUrl ? { url: redisUrl, prefix } : null,
      },
      app.log,
    );
    const pipeline = createPipelineContext({ appId, ledger, metrics, now: options.now, log: app.log, memos: memos.memos });

    const countRequests = githubRequestCounter(metrics);
    const run = (job: Job) =>
      runJob(job, {
        pipeline,
        // Jobs are data, so the client is made where the job runs: any replica can run it.
        octokitFor: async (installationId) => {
          const octokit = await app.auth(installationId);
          countRequests(octokit, installationId);
          return octokit;
        },
        submit,
        evaluated: (target, outcome) => pipeline.labelEchoes.remember(target, outcome.decision?.label),
      });
    const queue = await openWorkQueue<Job>(queueSettings, run, (error, key) => app.log.error({ err: error, key }, "queued job failed"));
    async function submit(job: Job): Promise<void> {
      await queue.submit(workOf(job));
    }
    loaded = {
      pipeline,
      queue,
      close: async () => {
        // In-process: finish everything queued. Redis: finish what this replica is running;
        // the rest stays queued for the other replicas.
        await queue.close();
        await memos.close();
        if (options.ledger === undefined) await ledger?.close();
      },
    };

    /**
     * Ledger records (merges, reverts, pushers) must survive a crash once GitHub has its 200: GitHub does
     * not redeliver on its own. The Redis queue stores the job before the webhook is answered;
     * the in-process queue would lose it with the process, so there the record is written
     * before answering (idempotent, so a manual redelivery after a failure counts nothing twice).
     */
    const perform = async (work: RoutedWork): Promise<void> => {
      if (work.type === "directory-changed") return memos.membershipChanged(work);
      if ((work.type === "record-merge" || work.type === "record-push" || work.type === "record-pusher") && queue.kind !== "redis") return run(work);
      return submit(work);
    };

    app.onError(countRejectedDeliveries(metrics));
    app.on(ROUTED_EVENTS as unknown as Parameters<Probot["on"]>[0], async (context) => {
      const route = routeEvent(context.name, context.payload, { appId, recordsHistory: ledger !== null, ownLabelChanges: pipeline.labelEchoes });
      const action = (context.payload as { action?: string }).action;
      const event = action ? `${context.name}.${action}` : context.name;
      if ("ignored" in route) return void metrics.webhooks.inc({ event, outcome: "ignored" });
      for (const work of route) await perform(work);
      metrics.webhooks.inc({ event, outcome: "queued" });
    });

    try {
      addHandler(serveEndpoints({ "GET /healthz": healthEndpoint(ledger, queue), "GET /metrics": metricsEndpoint(metrics, queue) }));
      mountConsole({
        configured: settings.console,
        urls: settings.github,
        pipeline,
        appClient: () => app.auth(),
        installationClient: (installationId) => app.auth(installationId),
        enqueue: (target) => submit({ type: "evaluate", target }),
        addHandler,
        log: app.log,
      });
    } catch (error) {
      // `probot.load(app)` without a server (Probot's testing pattern) has nowhere to serve
      // them; webhooks still work, so this is not a reason to fail loading.
      app.log.debug({ err: error }, "no HTTP server: /healthz and /metrics are not served");
    }
  };

  return Object.assign(appFn, {
    idle: async () => {
      await loaded?.queue.idle();
    },
    shutdown: async () => {
      await loaded?.close();
    },
    pipeline: () => {
      if (!loaded) throw new Error("agent-governance: the app has not been loaded yet");
      return loaded.pipeline;
    },
  });
}

export default agentGovernance();

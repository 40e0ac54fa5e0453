/**
 * Probot wiring only: which events matter, which pull requests they concern, and the HTTP
 * endpoints beside the webhook path. Every event becomes a data job (pipeline/jobs.ts) on the
 * work queue — in this process, or in Redis shared by all replicas when REDIS_URL is set — and
 * the webhook is acknowledged as soon as its job is queued. Pull-request jobs coalesce per PR
 * into `evaluatePullRequest` (a merge group into `evaluateMergeGroup`).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunction, Context, Probot } from "probot";
import { POLICY_FILE } from "./config/policy.js";
import { targetFromPullRequest, targetKey, targetsFromCheckPayload, type PullRequestTarget } from "./events/targets.js";
import { RE_EVALUATE_ACTION } from "./github/index.js";
import { pullRequestFromQueueBranch } from "./github/merge-queue.js";
import { localInvalidation, redisInvalidation } from "./github/directory-invalidation.js";
import { SharedCheckRunMemo } from "./github/shared-check-run-memo.js";
import { ledgerOptionsFromEnv, openLedger, type Ledger } from "./ledger/index.js";
import { githubRequestCounter } from "./observability/github-requests.js";
import { createMetrics, type Metrics } from "./observability/metrics.js";
import { mountConsole } from "./console/mount.js";
import { createPipelineContext, type PipelineContext } from "./pipeline/context.js";
import { runJob, workOf, type Job, type RepositoryRef } from "./pipeline/jobs.js";
import { openWorkQueue, queueSettingsFromEnv } from "./queue/open-queue.js";
import type { WorkQueue } from "./queue/work-queue.js";

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

const PULL_REQUEST_ACTIONS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
  "pull_request.converted_to_draft",
  "pull_request.labeled",
  "pull_request.unlabeled",
] as const;

export function agentGovernance(options: AgentGovernanceOptions = {}): AgentGovernanceApp {
  let ctx: PipelineContext | null = null;
  let ownsLedger = false;
  let queue: WorkQueue<Job> | null = null;
  let sharedMemo: SharedCheckRunMemo | null = null;
  let closeInvalidation: () => Promise<void> = async () => undefined;

  const appFn: ApplicationFunction = async (app: Probot, { addHandler }) => {
    const metrics = options.metrics ?? createMetrics({ defaultMetrics: true });
    let ledger = options.ledger;
    if (ledger === undefined) {
      ledger = await openLedger(ledgerOptionsFromEnv(process.env));
      ownsLedger = true;
    }
    const appId = options.appId ?? (Number(process.env.APP_ID) || undefined);
    const settings = queueSettingsFromEnv(process.env, { concurrencyPerInstallation: options.concurrencyPerInstallation });
    // Replicas share the check-run memo too: otherwise one could skip, as "unchanged", a write
    // that another replica's later write made necessary.
    if (settings.redisUrl) {
      sharedMemo = await SharedCheckRunMemo.connect(settings.redisUrl, settings.prefix, (error) =>
        app.log.warn({ err: error }, "check-run memo: Redis unavailable, falling back to a lookup"),
      );
    }
    const pipeline = createPipelineContext({
      appId,
      ledger,
      metrics,
      now: options.now,
      log: app.log,
      directoryTtlSeconds: options.directoryTtlSeconds ?? envNumber("GOVERNANCE_DIRECTORY_TTL_SECONDS", 60),
      checkRunMemoMaxAgeMs: envNumber("GOVERNANCE_CHECK_RUN_MEMO_SECONDS", 0) * 1000 || undefined,
      checkRuns: sharedMemo ?? undefined,
    });
    ctx = pipeline;
    const invalidation = settings.redisUrl
      ? await redisInvalidation(pipeline.directoryCache, settings.redisUrl, settings.prefix, (error) =>
          app.log.warn({ err: error }, "directory invalidation: Redis unavailable"),
        )
      : localInvalidation(pipeline.directoryCache);
    closeInvalidation = () => invalidation.close();

    /** Labels this process itself changed, so their labeled/unlabeled echoes do not trigger work.
     * Per process: with replicas, an echo reaching another replica costs one evaluation that
     * finds nothing changed (no write). */
    const ownLabelChanges = new Map<string, Set<string>>();
    const rememberOwnLabels = (target: PullRequestTarget, label: { add?: string | null; remove?: string | null } | undefined) => {
      if (!label || !(label.add || label.remove)) return;
      const key = targetKey(target);
      const set = ownLabelChanges.get(key) ?? new Set<string>();
      if (label.add) set.add(label.add.toLowerCase());
      if (label.remove) set.add(label.remove.toLowerCase());
      ownLabelChanges.set(key, set);
      if (ownLabelChanges.size > 10_000) ownLabelChanges.delete(ownLabelChanges.keys().next().value!);
    };

    const installationOf = (context: Context): number | null => {
      const id = (context.payload as { installation?: { id?: number } }).installation?.id;
      return typeof id === "number" ? id : null;
    };

    const countRequests = githubRequestCounter(metrics);
    const run = (job: Job) =>
      runJob(job, {
        pipeline,
        // Jobs are data, so the client is made where the job runs: any replica can run it.
        // Its requests are counted for /metrics (githubRequests, rateLimitRemaining).
        octokitFor: async (installationId) => {
          const octokit = await app.auth(installationId);
          countRequests(octokit, installationId);
          return octokit;
        },
        submit,
        evaluated: (target, outcome) => rememberOwnLabels(target, outcome.decision?.label),
      });
    const work: WorkQueue<Job> = await openWorkQueue<Job>(settings, run, (error, key) =>
      app.log.error({ err: error, key }, "queued job failed"),
    );
    queue = work;

    async function submit(job: Job): Promise<void> {
      await work.submit(workOf(job));
    }
    /**
     * Ledger records (merges, reverts) must survive a crash once GitHub has its 200: GitHub does
     * not redeliver on its own. The Redis queue stores the job before the webhook is answered;
     * the in-process queue would lose it with the process, so there the record is written
     * before answering (idempotent, so a manual redelivery after a failure counts nothing twice).
     */
    async function record(job: Job): Promise<void> {
      if (work.kind === "redis") return submit(job);
      await run(job);
    }
    const enqueue = (target: PullRequestTarget) => submit({ type: "evaluate", target });

    const count = (context: Context, outcome: "queued" | "ignored") => {
      metrics.webhooks.inc({ event: `${context.name}.${(context.payload as { action?: string }).action ?? ""}`.replace(/\.$/, ""), outcome });
    };

    // A delivery whose signature does not match is refused (400) before any handler runs.
    app.onError((error) => {
      type Cause = { status?: number; message?: string; event?: { name?: string } } | null;
      const causes = ((error as { errors?: unknown[] }).errors ?? [error]) as Cause[];
      const refused = causes.find((cause) => cause?.status === 400 && /signature/i.test(cause.message ?? ""));
      if (refused) metrics.webhooks.inc({ event: refused.event?.name ?? "unknown", outcome: "rejected" });
    });

    app.on([...PULL_REQUEST_ACTIONS], async (context) => {
      const installationId = installationOf(context);
      if (installationId === null) return count(context, "ignored");
      const { payload } = context;
      if (payload.action === "labeled" || payload.action === "unlabeled") {
        const name = payload.label?.name?.toLowerCase();
        const own = ownLabelChanges.get(targetKey({ owner: payload.repository.owner.login, repo: payload.repository.name, number: payload.pull_request.number }));
        if (payload.sender.type === "Bot" && name && own?.has(name)) return count(context, "ignored");
      }
      await enqueue(targetFromPullRequest(installationId, payload.repository, payload.pull_request));
      count(context, "queued");
    });

    app.on("pull_request.edited", async (context) => {
      const installationId = installationOf(context);
      // Only a base-branch change alters the evaluation (the policy is read from the base).
      if (installationId === null || !context.payload.changes?.base) return count(context, "ignored");
      await enqueue(targetFromPullRequest(installationId, context.payload.repository, context.payload.pull_request));
      count(context, "queued");
    });

    app.on("pull_request.closed", async (context) => {
      const installationId = installationOf(context);
      const pr = context.payload.pull_request;
      if (installationId === null || !pr.merged || !pipeline.ledger) return count(context, "ignored");
      await record({
        type: "record-merge",
        target: targetFromPullRequest(installationId, context.payload.repository, pr),
        merged: {
          mergeCommitSha: pr.merge_commit_sha ?? null,
          mergedAt: new Date(pr.merged_at ?? Date.now()).toISOString(),
          title: pr.title,
          body: pr.body ?? "",
        },
      });
      count(context, "queued");
    });

    app.on(["pull_request_review.submitted", "pull_request_review.edited", "pull_request_review.dismissed"], async (context) => {
      const installationId = installationOf(context);
      if (installationId === null) return count(context, "ignored");
      await enqueue(targetFromPullRequest(installationId, context.payload.repository, context.payload.pull_request));
      count(context, "queued");
    });

    app.on(["check_run.rerequested", "check_run.requested_action"], async (context) => {
      const installationId = installationOf(context);
      const { payload } = context;
      if (installationId === null) return count(context, "ignored");
      if (payload.action === "requested_action" && payload.requested_action?.identifier !== RE_EVALUATE_ACTION.identifier) {
        return count(context, "ignored");
      }
      const targets = targetsFromCheckPayload(installationId, payload.repository, payload.check_run.pull_requests);
      for (const target of targets) await enqueue(target);
      // GitHub lists no PR when the head is in a fork: find the PRs through the commit.
      if (targets.length === 0) await enqueueByCommit(installationId, payload.repository, payload.check_run.head_sha);
      count(context, "queued");
    });

    app.on(["check_suite.rerequested", "check_suite.completed"], async (context) => {
      const installationId = installationOf(context);
      const { payload } = context;
      // Our own suite completing is our own output, not an input. A rerequest is always of our
      // own suite (GitHub sends it only to the suite's app): someone asked us to run again.
      const ownSuite = appId !== undefined && payload.check_suite.app?.id === appId;
      if (installationId === null || (payload.action === "completed" && ownSuite)) {
        return count(context, "ignored");
      }
      const targets = targetsFromCheckPayload(installationId, payload.repository, payload.check_suite.pull_requests);
      for (const target of targets) await enqueue(target);
      // An empty list is a fork's PR, or no PR at all. Suites completing on the default branch
      // or on a merge queue's branch are the common no-PR cases and would cost a lookup per
      // commit: skip those (a merge group is judged by its merge_group event).
      const headBranch = payload.check_suite.head_branch ?? "";
      const withoutPullRequests = headBranch === payload.repository.default_branch || pullRequestFromQueueBranch(headBranch) !== null;
      if (targets.length === 0 && !(payload.action === "completed" && withoutPullRequests)) {
        await enqueueByCommit(installationId, payload.repository, payload.check_suite.head_sha);
      } else if (targets.length === 0) {
        return count(context, "ignored");
      }
      count(context, "queued");
    });

    app.on("status", async (context) => {
      const installationId = installationOf(context);
      const { payload } = context;
      if (installationId === null) return count(context, "ignored");
      await enqueueByCommit(installationId, payload.repository, payload.sha);
      count(context, "queued");
    });

    app.on("push", async (context) => {
      const installationId = installationOf(context);
      const { payload } = context;
      const defaultRef = `refs/heads/${payload.repository.default_branch}`;
      if (installationId === null || payload.ref !== defaultRef) return count(context, "ignored");
      const repo = { owner: payload.repository.full_name.split("/")[0], repo: payload.repository.name };
      const commits = payload.commits ?? [];
      if (pipeline.ledger && commits.length) {
        await record({
          type: "record-push",
          installationId,
          repository: repo,
          after: payload.after,
          commits: commits.map((c) => ({ id: c.id, message: c.message, timestamp: c.timestamp })),
        });
      }
      const touchesPolicy = commits.some((c) =>
        [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])].includes(POLICY_FILE),
      );
      if (touchesPolicy) {
        // An organisation default changed: every repository of the installation may be affected.
        await submit({
          type: "open-pull-requests",
          installationId,
          repositories: repo.repo === ".github" ? "installation" : [repo],
          reason: "policy-changed",
        });
      }
      count(context, "queued");
    });

    app.on(["installation.created", "installation_repositories.added"], async (context) => {
      const installationId = installationOf(context);
      if (installationId === null) return count(context, "ignored");
      const payload = context.payload as {
        repositories?: Array<{ full_name: string }>;
        repositories_added?: Array<{ full_name: string }>;
      };
      const repos = (payload.repositories_added ?? payload.repositories ?? []).map((r): RepositoryRef => {
        const [owner, repo] = r.full_name.split("/");
        return { owner, repo };
      });
      for (const r of repos) await submit({ type: "open-pull-requests", installationId, repositories: [r], reason: "installed" });
      count(context, "queued");
    });

    // SPEC §6: the group's head commit gets one check run, success only if every PR in it passes.
    app.on("merge_group.checks_requested", async (context) => {
      const installationId = installationOf(context);
      if (installationId === null) return count(context, "ignored");
      const { merge_group: mergeGroup, repository } = context.payload;
      if (!repository) return count(context, "ignored");
      const group = {
        installationId,
        owner: repository.owner.login,
        repo: repository.name,
        headSha: mergeGroup.head_sha,
        headRef: mergeGroup.head_ref,
        baseRef: mergeGroup.base_ref,
      };
      await submit({ type: "merge-group", group });
      count(context, "queued");
    });

    // A group leaving the queue (merged, failed, dequeued): its check run is history.
    app.on("merge_group.destroyed", async (context) => count(context, "ignored"));

    app.on(["membership", "team"], async (context) => {
      const payload = context.payload as { organization?: { login: string }; team?: { slug?: string } };
      const org = payload.organization?.login;
      if (!org) return count(context, "ignored");
      await invalidation.announce({ org, team: payload.team?.slug });
      count(context, "queued");
    });

    /** The open PRs whose head is `sha`. The lookup is queued too: the webhook is
     * acknowledged without waiting for GitHub. */
    function enqueueByCommit(installationId: number, repository: { name: string; owner: { login: string } }, sha: string) {
      return submit({ type: "pulls-for-commit", installationId, repository: { owner: repository.owner.login, repo: repository.name }, sha });
    }

    /** null when the queue's store does not answer (Redis down). */
    const queueStats = () => work.stats().catch(() => null);

    const endpoints = async (req: IncomingMessage, res: ServerResponse) => {
      const path = (req.url ?? "").split("?")[0];
      if (req.method !== "GET") return false;
      if (path === "/healthz") {
        const [ledgerUp, redisUp] = await Promise.all([pipeline.ledger ? pipeline.ledger.ping() : null, work.ping()]);
        // With Redis configured, webhooks cannot be queued without it: the replica is down.
        const healthy = ledgerUp !== false && redisUp !== false;
        const body = {
          status: healthy ? "ok" : "unavailable",
          ledger: pipeline.ledger ? { driver: pipeline.ledger.driver, reachable: ledgerUp } : { configured: false },
          redis: redisUp === null ? { configured: false } : { configured: true, reachable: redisUp },
          queue: { kind: work.kind, ...(await queueStats()) },
        };
        res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
        return true;
      }
      if (path === "/metrics") {
        const stats = await queueStats();
        if (stats) {
          metrics.queueDepth.set({ state: "running" }, stats.running);
          metrics.queueDepth.set({ state: "waiting" }, stats.waiting);
        }
        res.writeHead(200, { "content-type": metrics.registry.contentType });
        res.end(await metrics.registry.metrics());
        return true;
      }
      return false;
    };
    try {
      addHandler(endpoints);
      mountConsole({
        env: process.env,
        pipeline,
        appClient: () => app.auth(),
        installationClient: (installationId) => app.auth(installationId),
        enqueue: (target) => enqueue(target),
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
      await queue?.idle();
    },
    shutdown: async () => {
      // In-process: finish everything queued. Redis: finish what this replica is running; the
      // rest stays queued for the other replicas.
      await queue?.close();
      await sharedMemo?.close();
      await closeInvalidation();
      if (ownsLedger && ctx?.ledger) await ctx.ledger.close();
    },
    pipeline: () => {
      if (!ctx) throw new Error("agent-governance: the app has not been loaded yet");
      return ctx;
    },
  });
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export default agentGovernance();

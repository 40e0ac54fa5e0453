/**
 * The process's environment, read once into a typed value, and the one list of every variable
 * the app, its server and its command line understand. README's environment table and
 * `.env.example` are checked against `ENVIRONMENT` (test/settings.test.ts).
 *
 * Some variables are read by Probot itself (credentials, logging, GitHub Enterprise); they are
 * listed here so that the documentation stays complete.
 */
import { consoleSettingsFromEnv, type ConsoleSettingsResult } from "./console/settings.js";
import { githubUrlsFromEnv, type GitHubUrls } from "./github/web-urls.js";
import type { LedgerOptions } from "./ledger/open.js";
import type { QueueSettings } from "./queue/open-queue.js";
import { DEFAULT_PREFIX, redisKeyPrefix } from "./queue/redis-url.js";

export interface EnvironmentVariable {
  /** Variables documented together (`PORT` / `HOST`) share one entry. */
  names: string[];
  /** As README shows it (Markdown). */
  default: string;
  meaning: string;
}

export const ENVIRONMENT: readonly EnvironmentVariable[] = [
  { names: ["APP_ID"], default: "—", meaning: "the GitHub App's id (required in production)" },
  { names: ["PRIVATE_KEY", "PRIVATE_KEY_PATH"], default: "—", meaning: "the app's private key (PEM, or base64 of it) / its file" },
  { names: ["WEBHOOK_SECRET"], default: "—", meaning: "webhook secret; deliveries with a bad signature are rejected with 400" },
  { names: ["PORT", "HOST"], default: "`3000` / all interfaces", meaning: "where the server listens" },
  { names: ["WEBHOOK_PATH"], default: "`/api/github/webhooks`", meaning: "webhook route" },
  { names: ["LOG_LEVEL", "LOG_FORMAT"], default: "`info` / pretty", meaning: "`LOG_FORMAT=json` for structured logs" },
  { names: ["GHE_HOST", "GHE_PROTOCOL"], default: "— / `https`", meaning: "GitHub Enterprise Server host (or a local simulator)" },
  {
    names: ["REDIS_URL"],
    default: "—",
    meaning:
      "state shared by replicas: work queue, GitHub request budgets, check-run memo, head pages, membership invalidation; `redis://host:6379` (one server, `rediss://` for TLS) or `redis+cluster://host-a:6379,host-b:6379` (a [Redis Cluster](#redis-cluster))",
  },
  { names: ["NODE_ENV"], default: "—", meaning: "`production`: refuse to start without credentials and secret" },
  {
    names: ["NODE_OPTIONS"],
    default: "`--max-semi-space-size=2` (set by `npm start` and the image)",
    meaning: "V8 options; the default keeps peak memory ≈ 50 MB lower under load; yours are appended and win",
  },
  { names: ["GOVERNANCE_DATA_DIR"], default: "`./data`", meaning: "SQLite ledger directory" },
  { names: ["DATABASE_URL"], default: "—", meaning: "PostgreSQL ledger instead of SQLite" },
  { names: ["GOVERNANCE_DIRECTORY_TTL_SECONDS"], default: "`60`", meaning: "cache lifetime of team rosters and repository permissions" },
  {
    names: ["GOVERNANCE_CONCURRENCY_PER_INSTALLATION"],
    default: "`4`",
    meaning: "evaluations running at once per installation (with `REDIS_URL`: across all replicas)",
  },
  {
    names: ["GOVERNANCE_CHECK_RUN_MEMO_SECONDS"],
    default: "unlimited",
    meaning: "with several replicas: how long this process trusts its memory of the last check-run write",
  },
  { names: ["GOVERNANCE_QUEUE_CONCURRENCY"], default: "`16`", meaning: "with `REDIS_URL`: jobs one replica runs at once" },
  {
    names: ["GOVERNANCE_QUEUE_LOCK_SECONDS"],
    default: "`15`",
    meaning: "with `REDIS_URL`: how long a silent replica keeps its jobs before another takes them over",
  },
  {
    names: ["GOVERNANCE_QUEUE_PREFIX"],
    default: "`agent-governance`",
    meaning: "with `REDIS_URL`: key prefix; the replicas of one deployment share it",
  },
  {
    names: ["GOVERNANCE_WRITE_INTERVAL_MS"],
    default: "GitHub's [pacing](#github-pacing)",
    meaning: "only for a local simulator (`0`): spacing of write requests per installation, with no other limit; ignored with `REDIS_URL`",
  },
  { names: ["GOVERNANCE_PUBLIC_URL"], default: "—", meaning: "the [console](#console)'s address (`https://…`); check runs link to it" },
  { names: ["GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET"], default: "—", meaning: "the GitHub App's OAuth client: \"Sign in with GitHub\" on the console" },
  { names: ["GOVERNANCE_SESSION_SECRET"], default: "—", meaning: "≥ 32 characters that seal the console's session cookies (`openssl rand -hex 32`); the console is off unless all four are set" },
  { names: ["GITHUB_TOKEN"], default: "—", meaning: "CLI `explain`, `backfill`, `trust` (or the app's credentials)" },
  { names: ["GITHUB_API_URL"], default: "—", meaning: "CLI: the REST API base (else from `GHE_HOST`, else api.github.com)" },
];

export interface Settings {
  appId?: number;
  /** NODE_ENV=production: missing credentials stop the server instead of starting the setup flow. */
  production: boolean;
  server: { port: number; host?: string; webhookPath: string };
  ledger: LedgerOptions;
  queue: QueueSettings;
  directoryTtlSeconds: number;
  /** Unset: the memo of the last check-run write is trusted for ever (one replica). */
  checkRunMemoMaxAgeMs?: number;
  /** Spacing of writes per installation; unset: GitHub's pacing (and always with Redis, where the budgets are shared). */
  writeIntervalMs?: number;
  /** The web console: on only when its four variables are set. */
  console: ConsoleSettingsResult;
  /** github.com, or the GitHub Enterprise Server of GHE_HOST. */
  github: GitHubUrls;
}

/** Invalid numbers fall back to the default, except the write interval, which only a test set-up sets. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const redisUrl = env.REDIS_URL || null;
  const memoSeconds = positive(env.GOVERNANCE_CHECK_RUN_MEMO_SECONDS, 0);
  return {
    appId: Number(env.APP_ID) || undefined,
    production: env.NODE_ENV === "production",
    server: { port: Number(env.PORT || 3000), host: env.HOST || undefined, webhookPath: env.WEBHOOK_PATH || "/api/github/webhooks" },
    ledger: ledgerSettings(env),
    queue: {
      redisUrl,
      prefix: redisKeyPrefix(redisUrl ?? "", env.GOVERNANCE_QUEUE_PREFIX || DEFAULT_PREFIX),
      concurrencyPerInstallation: positive(env.GOVERNANCE_CONCURRENCY_PER_INSTALLATION, 4),
      concurrencyPerReplica: positive(env.GOVERNANCE_QUEUE_CONCURRENCY, 16),
      lockMs: positive(env.GOVERNANCE_QUEUE_LOCK_SECONDS, 15) * 1000,
    },
    directoryTtlSeconds: positive(env.GOVERNANCE_DIRECTORY_TTL_SECONDS, 60),
    checkRunMemoMaxAgeMs: memoSeconds ? memoSeconds * 1000 : undefined,
    writeIntervalMs: redisUrl ? undefined : writeInterval(env.GOVERNANCE_WRITE_INTERVAL_MS),
    console: consoleSettingsFromEnv(env),
    github: githubUrlsFromEnv(env),
  };
}

/** The ledger a process uses (the command line reads the same one): DATABASE_URL, else GOVERNANCE_DATA_DIR. */
export function ledgerSettings(env: NodeJS.ProcessEnv): LedgerOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  const dataDir = env.GOVERNANCE_DATA_DIR?.trim();
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(dataDir ? { dataDir } : {}) };
}

function writeInterval(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  const ms = Number(value);
  if (!Number.isFinite(ms) || ms < 0) throw new Error(`GOVERNANCE_WRITE_INTERVAL_MS must be a number of milliseconds ≥ 0, got "${value}"`);
  return ms;
}

function positive(value: string | undefined, fallback: number): number {
  const number = Number(value);
  return Number.isFinite(number) && number > 0 ? number : fallback;
}

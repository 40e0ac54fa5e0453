/**
 * The process's environment, read once into a typed value, and the one list of every variable
 * the app, its server and its command line understand. README's environment table and
 * `.env.example` are checked against `ENVIRONMENT` (test/settings.test.ts).
 *
 * Some variables are read by Probot itself (credentials, logging, GitHub Enterprise); they are
 * listed here so that the documentation stays complete.
 */
import { consoleSettingsFromEnv, type ConsoleSettingsResult } from "./console/settings.js";
import { githubUrlsFromEnv, GitHubUrlsError, type GitHubUrls } from "./github/web-urls.js";
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
    default: "`--max-semi-space-size=2` (set by `npm start` and the image, which also run node with `--optimize-for-size`)",
    meaning: "V8 options; the defaults keep peak memory under load ≈ 70 MB lower; yours are appended and win",
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

/**
 * A variable whose value cannot be used. The server refuses to start rather than run on a
 * default the operator did not choose (a concurrency of "8 " is 8; of "eight" is an error).
 */
export class SettingsError extends Error {
  override name = "SettingsError";
}

/** Empty or unset variables take their default; anything else must be what `accepted` says. */
export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const redisUrl = env.REDIS_URL || null;
  const memoSeconds = numberSetting(env, "GOVERNANCE_CHECK_RUN_MEMO_SECONDS", POSITIVE_SECONDS);
  const writeIntervalMs = numberSetting(env, "GOVERNANCE_WRITE_INTERVAL_MS", MILLISECONDS);
  const github = githubUrls(env);
  return {
    appId: numberSetting(env, "APP_ID", APP_ID),
    production: env.NODE_ENV === "production",
    server: {
      port: numberSetting(env, "PORT", PORT) ?? 3000,
      host: env.HOST || undefined,
      webhookPath: env.WEBHOOK_PATH || "/api/github/webhooks",
    },
    ledger: ledgerSettings(env),
    queue: {
      redisUrl,
      prefix: redisKeyPrefix(redisUrl ?? "", env.GOVERNANCE_QUEUE_PREFIX || DEFAULT_PREFIX),
      concurrencyPerInstallation: numberSetting(env, "GOVERNANCE_CONCURRENCY_PER_INSTALLATION", COUNT) ?? 4,
      concurrencyPerReplica: numberSetting(env, "GOVERNANCE_QUEUE_CONCURRENCY", COUNT) ?? 16,
      lockMs: (numberSetting(env, "GOVERNANCE_QUEUE_LOCK_SECONDS", POSITIVE_SECONDS) ?? 15) * 1000,
    },
    directoryTtlSeconds: numberSetting(env, "GOVERNANCE_DIRECTORY_TTL_SECONDS", POSITIVE_SECONDS) ?? 60,
    checkRunMemoMaxAgeMs: memoSeconds === undefined ? undefined : memoSeconds * 1000,
    writeIntervalMs: redisUrl ? undefined : writeIntervalMs,
    console: consoleSettingsFromEnv(env),
    github,
  };
}

/** What a numeric variable accepts: digits only (no signs, exponents or hex), within bounds. */
interface NumberKind {
  fraction: boolean;
  min: number;
  max?: number;
  accepted: string;
}

const COUNT: NumberKind = { fraction: false, min: 1, accepted: "a whole number ≥ 1" };
const APP_ID: NumberKind = { fraction: false, min: 1, accepted: "the GitHub App's numeric id (a whole number ≥ 1)" };
const PORT: NumberKind = { fraction: false, min: 0, max: 65_535, accepted: "a port number from 0 to 65535" };
const POSITIVE_SECONDS: NumberKind = { fraction: true, min: Number.MIN_VALUE, accepted: "a number of seconds > 0 (such as 30 or 2.5)" };
const MILLISECONDS: NumberKind = { fraction: true, min: 0, accepted: "a number of milliseconds ≥ 0" };

function numberSetting(env: NodeJS.ProcessEnv, name: string, kind: NumberKind): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  const shaped = (kind.fraction ? /^\d+(\.\d+)?$/ : /^\d+$/).test(text);
  if (!shaped || value < kind.min || (kind.max !== undefined && value > kind.max)) {
    throw new SettingsError(`${name} must be ${kind.accepted}, got ${JSON.stringify(env[name])}`);
  }
  return value;
}

function githubUrls(env: NodeJS.ProcessEnv): GitHubUrls {
  try {
    return githubUrlsFromEnv(env);
  } catch (error) {
    throw error instanceof GitHubUrlsError ? new SettingsError(error.message) : error;
  }
}

/** The ledger a process uses (the command line reads the same one): DATABASE_URL, else GOVERNANCE_DATA_DIR. */
export function ledgerSettings(env: NodeJS.ProcessEnv): LedgerOptions {
  const databaseUrl = env.DATABASE_URL?.trim();
  const dataDir = env.GOVERNANCE_DATA_DIR?.trim();
  return { ...(databaseUrl ? { databaseUrl } : {}), ...(dataDir ? { dataDir } : {}) };
}

/**
 * The command line's GitHub client: `@octokit/rest` with `GITHUB_TOKEN`, or the App's own credentials
 * (APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH, through the repository's installation). The
 * API is github.com's unless GITHUB_API_URL or GHE_HOST/GHE_PROTOCOL (GitHub Enterprise
 * Server, or the project's simulator) say otherwise. Every client waits out rate limits, and
 * refuses writes unless the command that opens it exists to write (`protect`, which asks first).
 */
import { Octokit } from "@octokit/rest";
import { getPrivateKey } from "@probot/get-private-key";
import { Probot } from "probot";
import type { GitHubClient } from "./client.js";
import { retryRateLimits, type RetryHooks } from "./rate-limit.js";
import { githubUrlsFromEnv, GitHubUrlsError } from "./web-urls.js";
import { refuseWrites } from "./read-only.js";

const USER_AGENT = "agent-governance-cli";

type Env = Record<string, string | undefined>;

export function githubApiUrl(env: Env): string {
  const explicit = env.GITHUB_API_URL?.trim();
  if (explicit) return explicit.replace(/\/+$/, "");
  return githubUrlsFromEnv(env).api;
}

export type ClientOpening = { ok: true; octokit: GitHubClient; via: "GITHUB_TOKEN" | "app" } | { ok: false; message: string };

export const CREDENTIALS_MISSING = "set GITHUB_TOKEN (a token that can read the repository), or APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH";

const quiet = () => undefined;
/** Octokit logs every non-2xx response; a 404 for a missing policy file is an answer, not news. */
const SILENT = { debug: quiet, info: quiet, warn: quiet, error: quiet };

export function hasCredentials(env: Env): boolean {
  return Boolean(env.GITHUB_TOKEN?.trim() || env.APP_ID?.trim());
}

export interface ClientAccess {
  /** Let requests that change GitHub through. Default false: the client refuses them. */
  writes?: boolean;
}

export async function openGitHubClient(
  env: Env,
  target: { owner: string; repo?: string },
  hooks: RetryHooks = {},
  access: ClientAccess = {},
): Promise<ClientOpening> {
  const guard = (octokit: Pick<Octokit, "hook">) => guardClient(octokit, hooks, access.writes === true);
  let baseUrl: string;
  try {
    baseUrl = githubApiUrl(env);
  } catch (error) {
    if (error instanceof GitHubUrlsError) return { ok: false, message: error.message };
    throw error;
  }
  const request = hooks.signal ? { signal: hooks.signal } : {};
  const token = env.GITHUB_TOKEN?.trim();
  if (token) {
    const octokit = new Octokit({ auth: token, baseUrl, userAgent: USER_AGENT, log: SILENT, request });
    guard(octokit);
    return { ok: true, octokit, via: "GITHUB_TOKEN" };
  }
  const appId = env.APP_ID?.trim();
  if (!appId) return { ok: false, message: `no GitHub credentials: ${CREDENTIALS_MISSING}` };
  // Only asked when APP_ID is set: without `env` it would go looking for *.pem files.
  const privateKey = getPrivateKey({ env: { PRIVATE_KEY: env.PRIVATE_KEY, PRIVATE_KEY_PATH: env.PRIVATE_KEY_PATH } });
  if (!privateKey) return { ok: false, message: "APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is" };
  try {
    const probot = new Probot({ appId, privateKey, baseUrl, logLevel: "fatal", request });
    const app = await probot.auth();
    guard(app);
    const installation = target.repo
      ? await app.request("GET /repos/{owner}/{repo}/installation", { owner: target.owner, repo: target.repo })
      : await app.request("GET /orgs/{org}/installation", { org: target.owner });
    const octokit = await probot.auth(installation.data.id);
    guard(octokit);
    return { ok: true, octokit, via: "app" };
  } catch (error) {
    const status = (error as { status?: number }).status;
    const where = target.repo ? `${target.owner}/${target.repo}` : target.owner;
    if (status === 404) return { ok: false, message: `the App (APP_ID ${appId}) is not installed on ${where}` };
    return { ok: false, message: `cannot authenticate as the App: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function guardClient(octokit: Pick<Octokit, "hook">, hooks: RetryHooks, writes: boolean): void {
  // Refusal first, so a write is never retried either.
  if (!writes) refuseWrites(octokit);
  retryRateLimits(octokit, hooks);
}

/**
 * A repository's history as GitHub's REST API lists it, for the backfill tests: closed pull
 * requests (newest update first), their commits and reviews, and the default branch's commits, served by
 * nock with every request logged so tests can count what was fetched.
 */
import nock from "nock";
import type { RestCommit, RestPullRequest, RestReview } from "../../src/github/facts-from-rest.js";
import { daysAgo } from "./ledger-cli.js";

export const API = "https://api.github.com";
export const COPILOT = { login: "Copilot", id: 198982749, type: "Bot" };
export const ALICE = { login: "alice", id: 1001, type: "User" };

export function sha(seed: number | string): string {
  return String(seed).padStart(40, "0");
}

export function pull(number: number, fields: { mergedDaysAgo?: number | null; updatedDaysAgo?: number; user?: typeof ALICE; title?: string; body?: string | null; head?: string }): RestPullRequest {
  const merged = fields.mergedDaysAgo === undefined ? null : fields.mergedDaysAgo;
  return {
    number,
    title: fields.title ?? `Change ${number}`,
    body: fields.body ?? null,
    merged_at: merged === null ? null : daysAgo(merged).toISOString(),
    updated_at: daysAgo(fields.updatedDaysAgo ?? merged ?? 1).toISOString(),
    merge_commit_sha: merged === null ? null : sha(`${number}00`),
    user: fields.user ?? ALICE,
    labels: [],
    head: { ref: fields.head ?? `change-${number}`, sha: sha(number) },
  };
}

export function commit(id: string, message: string, who: "alice" | "copilot" = "alice", daysBack = 1): RestCommit {
  const person = who === "alice" ? { name: "Alice", email: "alice@acme.test" } : { name: "copilot-swe-agent[bot]", email: "198982749+Copilot@users.noreply.github.com" };
  const date = daysAgo(daysBack).toISOString();
  const account = who === "alice" ? ALICE : COPILOT;
  return { sha: id, commit: { message, author: { ...person, date }, committer: { ...person, date } }, author: account, committer: account, parents: [{ sha: sha("p") }] };
}

export interface History {
  /** Closed pull requests, newest update first. */
  pulls: RestPullRequest[];
  commitsOf: Record<number, RestCommit[]>;
  reviewsOf?: Record<number, RestReview[]>;
  defaultBranchCommits: RestCommit[];
}

/** Every request served, as "GET /path?query" without the host, in order. */
export const served: string[] = [];

function log(uri: string): void {
  served.push(decodeURIComponent(uri));
}

const PAGE = 100;

type Reply = [number, unknown] | [number, unknown, Record<string, string>];

/**
 * Serves `history` for acme/api (default branch main, no policy file) until `nock.cleanAll`.
 * `intercept` may answer a request itself (a rate limit, an error) or act on it (interrupt).
 */
export function serveHistory(history: History, intercept: (uri: string) => Reply | undefined = () => undefined): void {
  nock(API)
    .persist()
    .get(/.*/)
    .query(true)
    .reply(function (uri) {
      log(uri);
      return intercept(decodeURIComponent(uri)) ?? route(history, uri);
    });
}

function route(history: History, uri: string): Reply {
  const url = new URL(uri, API);
  const page = Number(url.searchParams.get("page") ?? 1);
  const paged = <T>(items: T[]): Reply => [200, items.slice((page - 1) * PAGE, page * PAGE)];
  if (url.pathname === "/repos/acme/api") return [200, { default_branch: "main" }];
  if (url.pathname.endsWith("/contents/.agent-governance.yml")) return [404, { message: "Not Found" }];
  if (url.pathname === "/repos/acme/api/pulls") return paged(history.pulls);
  const commits = /^\/repos\/acme\/api\/pulls\/(\d+)\/commits$/.exec(url.pathname);
  if (commits) return paged(history.commitsOf[Number(commits[1])] ?? []);
  const reviews = /^\/repos\/acme\/api\/pulls\/(\d+)\/reviews$/.exec(url.pathname);
  if (reviews) return paged(history.reviewsOf?.[Number(reviews[1])] ?? []);
  if (url.pathname === "/repos/acme/api/commits") return paged(history.defaultBranchCommits);
  return [404, { message: `no route for ${url.pathname}` }];
}

export function requestsTo(pattern: RegExp): string[] {
  return served.filter((uri) => pattern.test(uri));
}

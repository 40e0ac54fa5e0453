/**
 * The app through its real entry point: a fresh Probot per test with the app loaded, and
 * GitHub's REST and GraphQL API mocked with nock. Every request the app makes is recorded,
 * and any request no interceptor expected is collected, so a test can assert both what was
 * written and that nothing else was.
 */
import { generateKeyPairSync } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "@jest/globals";
import nock from "nock";
import { pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { agentGovernance, type AgentGovernanceApp, type AgentGovernanceOptions } from "../../src/app.js";
import { CHECK_NAME } from "../../src/github/check-name.js";
import type { Ledger } from "../../src/ledger/index.js";
import { createMetrics } from "../../src/observability/metrics.js";
import { APP_ID, INSTALLATION_ID, OWNER, PR_NUMBER, REPO, graphqlPullRequest, type PullRequestSpec } from "./fixtures.js";

// One nock vocabulary for every GitHub test double: the API root and GraphQL operation names.
import { API, graphqlOperation } from "../github/octokit.js";
export { API, graphqlOperation };

const PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  publicKeyEncoding: { type: "spki", format: "pem" },
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
}).privateKey;

export interface RecordedRequest {
  method: string;
  path: string;
  body: any;
}

function parse(body: string): unknown {
  if (!body) return undefined;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

/** GitHub's API as one test expects it to be called. */
export class GitHubApi {
  readonly requests: RecordedRequest[] = [];
  readonly unexpected: string[] = [];
  private readonly scopes: nock.Scope[] = [];
  private readonly onNoMatch = (req: { method?: string; path?: string; href?: string }) => {
    this.unexpected.push(`${req.method} ${req.path ?? req.href}`);
  };

  constructor() {
    nock.emitter.on("no match", this.onNoMatch);
  }

  scope(): nock.Scope {
    const scope = nock(API);
    scope.on("request", (req: { method: string; path: string }, _interceptor: unknown, body: string) => {
      this.requests.push({ method: req.method, path: req.path, body: parse(body) });
    });
    this.scopes.push(scope);
    return scope;
  }

  /** Installation tokens: Probot asks once per installation; not part of any budget. */
  token(installationId = INSTALLATION_ID): this {
    this.scope()
      .post(`/app/installations/${installationId}/access_tokens`)
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {}, repository_selection: "all" })
      .persist();
    return this;
  }

  /** The `PullRequestFacts` query for PR `number`, answered with `spec` (or a function of the moment). */
  facts(spec: PullRequestSpec | (() => PullRequestSpec), options: { times?: number } = {}): this {
    const number = typeof spec === "function" ? undefined : spec.number ?? PR_NUMBER;
    this.scope()
      .post(
        "/graphql",
        (body) =>
          graphqlOperation(body) === "PullRequestFacts" &&
          body.variables?.owner === OWNER &&
          (number === undefined || body.variables?.number === number),
      )
      .times(options.times ?? 1)
      .reply(200, () => graphqlPullRequest(typeof spec === "function" ? spec() : spec));
    return this;
  }

  /**
   * `PullRequestFacts` answered only when the test calls `release()`: the evaluation stays in
   * flight meanwhile. `requested` resolves once the app has asked.
   */
  factsHeld(spec: PullRequestSpec): { requested: Promise<void>; release(): void } {
    let arrived!: () => void;
    let release!: () => void;
    const requested = new Promise<void>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.scope()
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestFacts")
      .reply((_uri, _body, callback) => {
        arrived();
        void released.then(() => callback(null, [200, graphqlPullRequest(spec)]));
      });
    return { requested, release };
  }

  /** `PullRequestFacts` failing with an HTTP status. */
  factsFailing(status: number, options: { times?: number } = {}): this {
    this.scope()
      .post("/graphql", (body) => graphqlOperation(body) === "PullRequestFacts")
      .times(options.times ?? 1)
      .reply(status, { message: "Server Error" });
    return this;
  }

  /** The app's own runs for a head SHA (first sight of the SHA only). */
  listCheckRuns(sha: string, runs: unknown[] = []): this {
    this.scope()
      .get(`/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`)
      .query({ check_name: CHECK_NAME, filter: "latest", per_page: "100", app_id: String(APP_ID) })
      .reply(200, { total_count: runs.length, check_runs: runs });
    return this;
  }

  /** The app's own runs for a head SHA cannot be listed either (every read failing). */
  listCheckRunsFailing(sha: string, status: number, options: { times?: number } = {}): this {
    this.scope()
      .get(`/repos/${OWNER}/${REPO}/commits/${sha}/check-runs`)
      .query(true)
      .times(options.times ?? 1)
      .reply(status, { message: "Server Error" });
    return this;
  }

  createCheckRun(id: number): this {
    this.scope().post(`/repos/${OWNER}/${REPO}/check-runs`).reply(201, { id, name: CHECK_NAME });
    return this;
  }

  updateCheckRun(id: number): this {
    this.scope().patch(`/repos/${OWNER}/${REPO}/check-runs/${id}`).reply(200, { id, name: CHECK_NAME });
    return this;
  }

  addLabels(number = PR_NUMBER): this {
    this.scope()
      .post(`/repos/${OWNER}/${REPO}/issues/${number}/labels`)
      .reply(200, [{ id: 1, name: "ai-assisted" }]);
    return this;
  }

  removeLabel(name: string, number = PR_NUMBER): this {
    this.scope().delete(`/repos/${OWNER}/${REPO}/issues/${number}/labels/${encodeURIComponent(name)}`).reply(200, []);
    return this;
  }

  requestReviewers(number = PR_NUMBER): this {
    this.scope().post(`/repos/${OWNER}/${REPO}/pulls/${number}/requested_reviewers`).reply(201, { number });
    return this;
  }

  teamMembers(slug: string, logins: string[]): this {
    this.scope()
      .get(`/orgs/${OWNER}/teams/${slug}/members`)
      .query({ per_page: "100", page: "1" })
      .reply(
        200,
        logins.map((login, index) => ({ login, id: 6000 + index, type: "User" })),
      );
    return this;
  }

  permission(login: string, permission: "admin" | "maintain" | "write" | "triage" | "read"): this {
    const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
    this.scope()
      .get(`/repos/${OWNER}/${REPO}/collaborators/${login}/permission`)
      .reply(200, { permission: legacy, role_name: permission, user: { login } });
    return this;
  }

  openPulls(repo: string, pulls: unknown[]): this {
    this.scope().get(`/repos/${OWNER}/${repo}/pulls`).query({ state: "open", per_page: "100" }).reply(200, pulls);
    return this;
  }

  pullsOfCommit(sha: string, pulls: unknown[]): this {
    this.scope().get(`/repos/${OWNER}/${REPO}/commits/${sha}/pulls`).query({ per_page: "100" }).reply(200, pulls);
    return this;
  }

  /**
   * The look-up of the open PRs still on the head a `pull_request` event's PR left (the head a
   * `synchronize` pushed past, the head a `closed` PR had): they share its check run. `pulls`
   * answers it; none by default.
   */
  pullsLeftBehind(event: Record<string, any>, pulls: unknown[] = []): this {
    return this.pullsOfCommit(event.action === "synchronize" ? event.before : event.pull_request.head.sha, pulls);
  }

  /** The `MergeQueueEntries` query for `branch`, answered with the queue's entries (null: no queue). */
  mergeQueue(
    branch: string,
    entries: Array<{ position: number; number: number; headSha: string; groupHead: string }> | null,
  ): this {
    this.scope()
      .post("/graphql", (body) => graphqlOperation(body) === "MergeQueueEntries" && body.variables?.branch === branch)
      .reply(200, {
        data: {
          repository: {
            mergeQueue:
              entries === null
                ? null
                : {
                    entries: {
                      nodes: entries.map((entry) => ({
                        position: entry.position,
                        pullRequest: { number: entry.number, headRefOid: entry.headSha },
                        headCommit: { oid: entry.groupHead },
                      })),
                    },
                  },
          },
        },
      });
    return this;
  }

  /** Requests other than the installation token. */
  calls(): RecordedRequest[] {
    return this.requests.filter((request) => !request.path.includes("/access_tokens"));
  }

  graphqlCalls(): RecordedRequest[] {
    return this.calls().filter((request) => request.path === "/graphql");
  }

  /** POST/PATCH bodies sent to check runs, in order. */
  checkRunWrites(): RecordedRequest[] {
    return this.calls().filter((request) => request.path.includes("/check-runs") && request.method !== "GET");
  }

  lastCheckRun(): any {
    const writes = this.checkRunWrites();
    expect(writes.length).toBeGreaterThan(0);
    return writes[writes.length - 1].body;
  }

  /** Every interceptor was used and no request went unanswered. */
  verify(): void {
    expect(this.unexpected).toEqual([]);
    const pending = this.scopes.flatMap((scope) => scope.pendingMocks());
    expect(pending).toEqual([]);
    for (const scope of this.scopes) expect(scope.isDone()).toBe(true);
  }

  dispose(): void {
    nock.emitter.removeListener("no match", this.onNoMatch);
    nock.cleanAll();
  }
}

/**
 * nock patches Node's shared `http` module for the whole Jest worker; left active with net
 * connect disabled, it breaks later test files in the same worker that serve on loopback.
 */
export function releaseNock(): void {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
}

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface Harness {
  probot: Probot;
  app: AgentGovernanceApp;
  api: GitHubApi;
  handlers: Handler[];
  /** Deliver a webhook and wait until its queued work has finished. */
  deliver(name: string, payload: Record<string, unknown>): Promise<void>;
  /** Deliver without waiting for the queue. */
  receive(name: string, payload: Record<string, unknown>): Promise<void>;
}

export interface HarnessOptions {
  ledger?: Ledger | null;
  secret?: string;
  retry?: boolean;
  app?: Partial<AgentGovernanceOptions>;
}

let deliveries = 0;

export const silentLog = () => pino({ level: "silent" });

export function testProbot(options: { secret?: string; retry?: boolean } = {}): Probot {
  return new Probot({
    appId: APP_ID,
    privateKey: PRIVATE_KEY,
    secret: options.secret,
    log: silentLog(),
    // A function, not an object: Probot layers its own throttle options (without `enabled`)
    // over object defaults, which re-enables throttling and its 1 s gap between writes.
    Octokit: ProbotOctokit.defaults((instance: Record<string, any>) => ({
      ...instance,
      retry: options.retry ? { enabled: true, retryAfterBaseValue: 1 } : { enabled: false },
      throttle: { ...instance.throttle, enabled: false },
    })) as typeof ProbotOctokit,
  });
}

export async function startApp(options: HarnessOptions = {}): Promise<Harness> {
  const api = new GitHubApi();
  const probot = testProbot(options);
  const app = agentGovernance({
    ledger: options.ledger ?? null,
    appId: APP_ID,
    metrics: createMetrics(),
    ...options.app,
  });
  const handlers: Handler[] = [];
  await probot.load(app, { cwd: process.cwd(), addHandler: (handler) => void handlers.push(handler) });
  const receive = (name: string, payload: Record<string, unknown>) => {
    deliveries += 1;
    return probot.receive({ id: `delivery-${deliveries}`, name, payload } as Parameters<Probot["receive"]>[0]);
  };
  return {
    probot,
    app,
    api,
    handlers,
    receive,
    async deliver(name, payload) {
      await receive(name, payload);
      await app.idle();
    },
  };
}

/**
 * The usual lifecycle of an app test file: no real network, a fresh app and GitHub double per
 * test (with an installation token ready), every expected request checked after each test.
 */
export function useApp(set: (harness: Harness) => void, options: HarnessOptions = {}): void {
  let current: Harness | undefined;
  beforeAll(() => nock.disableNetConnect());
  afterAll(releaseNock);
  beforeEach(async () => {
    current = await startApp(options);
    current.api.token();
    set(current);
  });
  afterEach(() => current?.api.dispose());
}

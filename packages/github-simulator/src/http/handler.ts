/**
 * One HTTP request through the simulator: authenticate (app JWT / installation token), route
 * (`/api/v3/...` REST, `/api/graphql`), apply injected faults, answer with GitHub's headers and
 * error bodies (ETag/304 on GETs, rate-limit headers), and record the request in the world.
 */
import { createHash, randomBytes, type KeyObject } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GraphQLSchema } from "graphql";
import { executeGraphql, type GraphqlRequestBody } from "../graphql/execute.js";
import { GraphModel } from "../graphql/model.js";
import { rateKey } from "../rest/apps.js";
import { Representations } from "../rest/representations.js";
import { permits, type Auth, type RestRoute } from "../rest/route.js";
import { restRoutes } from "../rest/routes.js";
import { SimulatorError } from "../world/errors.js";
import type { RecordedRequest } from "../world/records.js";
import type { World } from "../world/world.js";
import { looksLikeJwt, verifyAppJwt } from "./app-jwt.js";
import type { Credentials } from "./credentials.js";
import type { FaultAction, Faults } from "./faults.js";
import { Router } from "./router.js";

const REST_PREFIX = "/api/v3";
const GRAPHQL_PATH = "/api/graphql";
const DOCS = "https://docs.github.com/rest";
const router = new Router(restRoutes);

interface Reply {
  status: number;
  body?: unknown;
  headers: Record<string, string>;
}

type AuthResult = Auth | { kind: "rejected"; message: string };

export interface HandlerDeps {
  world: World;
  credentials: Credentials;
  faults: Faults;
  schema: GraphQLSchema;
  publicKey: KeyObject;
  appId: number;
  /** Keep request bodies in the log (off for long benchmarks: check-run summaries are large). */
  recordBodies: boolean;
}

export function errorBody(status: number, message: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { message, ...extra, documentation_url: DOCS, status: String(status) };
}

const secondaryRateLimitMessage = (requestId: string): string =>
  `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`;

export class RequestHandler {
  private readonly rep: Representations;

  constructor(private readonly deps: HandlerDeps) {
    this.rep = new Representations(deps.world);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const requestId = randomBytes(8).toString("hex").toUpperCase();
    const url = new URL(req.url ?? "/", this.deps.world.baseUrl);
    const method = (req.method ?? "GET").toUpperCase();
    const raw = await readBody(req);
    let body: unknown;
    let reply: Reply;
    let route: string | null = null;
    let operationName: string | undefined;
    let fault: RecordedRequest["fault"];
    const auth = this.authenticate(req.headers.authorization);
    try {
      body = raw.length > 0 ? JSON.parse(raw) : undefined;
    } catch {
      body = undefined;
    }
    const isGraphql = url.pathname === GRAPHQL_PATH;
    const isRest = url.pathname === REST_PREFIX || url.pathname.startsWith(`${REST_PREFIX}/`);
    const matched = isRest ? router.match(method, url.pathname.slice(REST_PREFIX.length) || "/") : null;
    if (matched && "route" in matched) route = matched.template;
    if (isGraphql && method === "POST") {
      route = "/graphql";
      operationName = graphqlOperationName(body as GraphqlRequestBody | undefined);
    }

    const actions = this.deps.faults.take({ method, path: url.pathname, route, operationName });
    const failure = await applyDelays(actions);
    if (actions.some((a) => a.kind === "delay")) fault = "delay";

    if (raw.length > 0 && body === undefined) {
      reply = { status: 400, body: errorBody(400, "Problems parsing JSON"), headers: {} };
    } else if (failure) {
      fault = failure.kind === "fail" ? "fail" : "secondary-rate-limit";
      reply = faultReply(failure, requestId, isGraphql);
    } else if (auth.kind === "rejected") {
      reply = { status: 401, body: errorBody(401, auth.message), headers: {} };
    } else if (route === "/graphql") {
      reply = this.graphql(auth, body as GraphqlRequestBody | undefined);
    } else if (matched && "route" in matched) {
      reply = this.rest(matched.route, matched.params, auth, url, body, req);
    } else {
      reply = { status: 404, body: errorBody(404, "Not Found"), headers: {} };
    }

    this.send(req, res, reply, requestId, auth, isGraphql);
    this.deps.world.record({
      method,
      path: url.pathname,
      route,
      query: Object.fromEntries(url.searchParams),
      status: res.statusCode,
      ...(operationName ? { operationName } : {}),
      ...(body !== undefined && this.deps.recordBodies ? { body } : {}),
      auth: auth.kind === "rejected" ? "none" : auth.kind,
      ...(auth.kind === "installation" ? { installationId: auth.installation.id } : {}),
      ...(fault ? { fault } : {}),
      durationMs: performance.now() - started,
      at: new Date().toISOString(),
    });
  }

  private authenticate(header: string | undefined): AuthResult {
    if (!header) return { kind: "none" };
    const match = /^(?:bearer|token)\s+(\S+)$/i.exec(header.trim());
    if (!match) return { kind: "rejected", message: "Bad credentials" };
    const token = match[1];
    if (looksLikeJwt(token)) {
      const check = verifyAppJwt(token, this.deps.publicKey, this.deps.appId);
      return check.ok ? { kind: "jwt", appId: check.appId } : { kind: "rejected", message: check.message };
    }
    const found = this.deps.credentials.lookup(token);
    if (!found) return { kind: "rejected", message: "Bad credentials" };
    if (found.kind === "token") return { kind: "token", login: found.login };
    const installation = this.deps.world.installations.get(found.installationId);
    if (!installation) return { kind: "rejected", message: "Bad credentials" };
    return { kind: "installation", installation, permissions: found.permissions };
  }

  private rest(route: RestRoute, params: Record<string, string>, auth: Auth, url: URL, body: unknown, req: IncomingMessage): Reply {
    const denied = authorize(route, auth);
    if (denied) return { status: denied.status, body: errorBody(denied.status, denied.message), headers: {} };
    try {
      const result = route.handle({ world: this.deps.world, rep: this.rep, credentials: this.deps.credentials, params, query: url.searchParams, body, headers: req.headers, auth, url });
      return { status: result.status, body: result.body, headers: result.headers ?? {} };
    } catch (error) {
      if (error instanceof SimulatorError) {
        const extra = error.errors ? { errors: error.errors } : {};
        return { status: error.status, body: errorBody(error.status, error.message, extra), headers: {} };
      }
      throw error;
    }
  }

  private graphql(auth: Auth, body: GraphqlRequestBody | undefined): Reply {
    if (auth.kind === "none") {
      return {
        status: 401,
        body: { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql", status: "401" },
        headers: {},
      };
    }
    if (auth.kind === "jwt") return { status: 403, body: errorBody(403, "Resource not accessible by integration"), headers: {} };
    const installation = auth.kind === "installation" ? auth.installation : undefined;
    const viewer = auth.kind === "token" ? auth.login : undefined;
    const model = new GraphModel(this.deps.world, installation, viewer);
    const key = rateKey({ auth });
    const root = model.root(() => {
      const budget = this.deps.credentials.budget(key, "graphql");
      return { cost: 1, limit: budget.limit, remaining: budget.remaining, used: budget.used, resetAt: new Date(budget.reset * 1000).toISOString() };
    });
    const outcome = executeGraphql(this.deps.schema, model, body ?? {}, root);
    return { status: outcome.status, body: outcome.body, headers: {} };
  }

  private send(req: IncomingMessage, res: ServerResponse, reply: Reply, requestId: string, auth: AuthResult, isGraphql: boolean): void {
    const headers: Record<string, string> = {
      "x-github-request-id": requestId,
      "x-github-media-type": "github.v3; format=json",
      "x-github-api-version-selected": "2022-11-28",
      ...reply.headers,
    };
    const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
    let status = reply.status;
    if ((req.method ?? "GET").toUpperCase() === "GET" && status === 200) {
      const etag = `W/"${createHash("sha1").update(text).digest("hex")}"`;
      headers.etag = etag;
      if (etagMatches(req.headers["if-none-match"], etag)) status = 304;
    }
    if (auth.kind !== "rejected" && auth.kind !== "jwt") {
      // Conditional requests answered 304 do not count against the rate limit.
      Object.assign(headers, this.deps.credentials.spend(rateKey({ auth }), isGraphql ? "graphql" : "core", status === 304 ? 0 : 1));
    }
    if (status === 304 || status === 204 || text === "") {
      res.writeHead(status, headers);
      res.end();
      return;
    }
    headers["content-type"] = "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(text));
    res.writeHead(status, headers);
    res.end(text);
  }
}

function authorize(route: RestRoute, auth: Auth): { status: number; message: string } | null {
  if (route.auth === "any") return null;
  if (route.auth === "app") {
    return auth.kind === "jwt" ? null : { status: 401, message: "A JSON web token could not be decoded" };
  }
  if (auth.kind === "none") return { status: 401, message: "Requires authentication" };
  if (auth.kind === "jwt") return { status: 403, message: "Resource not accessible by integration" };
  if (auth.kind === "installation" && !permits(auth.permissions, route.permission)) {
    return { status: 403, message: "Resource not accessible by integration" };
  }
  return null;
}

function etagMatches(header: string | string[] | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string): string => tag.trim().replace(/^W\//, "");
  const list = (Array.isArray(header) ? header.join(",") : header).split(",");
  return list.some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

function graphqlOperationName(body: GraphqlRequestBody | undefined): string | undefined {
  if (!body) return undefined;
  if (typeof body.operationName === "string" && body.operationName !== "") return body.operationName;
  if (typeof body.query !== "string") return undefined;
  return /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(body.query.replace(/^\s*#.*$/gm, ""))?.[1];
}

async function applyDelays(actions: FaultAction[]): Promise<Exclude<FaultAction, { kind: "delay" }> | undefined> {
  let failure: Exclude<FaultAction, { kind: "delay" }> | undefined;
  for (const action of actions) {
    if (action.kind === "delay") await new Promise((resolve) => setTimeout(resolve, action.ms));
    else failure = action;
  }
  return failure;
}

function faultReply(fault: Exclude<FaultAction, { kind: "delay" }>, requestId: string, isGraphql: boolean): Reply {
  if (fault.kind === "secondary-rate-limit") {
    return {
      status: 403,
      body: {
        message: secondaryRateLimitMessage(requestId),
        documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
        status: "403",
      },
      headers: { "retry-after": String(fault.retryAfter) },
    };
  }
  if (isGraphql && fault.status >= 500) {
    return {
      status: fault.status,
      body: {
        data: null,
        errors: [{ message: "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug." }],
      },
      headers: {},
    };
  }
  return { status: fault.status, body: { message: fault.message, documentation_url: DOCS, status: String(fault.status) }, headers: {} };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

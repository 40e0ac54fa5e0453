/**
 * `startSimulator`: a GitHub Enterprise look-alike on loopback. Point the app at it with
 * GHE_HOST=`host:port` and GHE_PROTOCOL=http (see `env`); it serves /api/v3 and /api/graphql
 * over the returned `world`, and delivers signed webhooks to `appUrl`.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadGithubSchema } from "../graphql/schema.js";
import type { RecordedRequest } from "../world/records.js";
import { World } from "../world/world.js";
import { buildWebhookPayload, type WebhookSubject } from "../webhooks/payloads.js";
import { deliverWebhook, type DeliveryResult } from "../webhooks/delivery.js";
import { publicKeyOf } from "./app-jwt.js";
import { Credentials } from "./credentials.js";
import { Faults } from "./faults.js";
import { OAuthEndpoints, type OAuthClientCredentials } from "./oauth.js";
import { errorBody, RequestHandler } from "./handler.js";

/** GET: the simulated world as JSON (accounts, repositories, pull requests, check runs, requests). */
export const STATE_PATH = "/_simulator/state";

export interface SimulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  host?: string;
  appId: number;
  appSlug?: string;
  /** The app's key: the public key, or the private key (its public half is derived). */
  publicKey?: string;
  privateKey?: string;
  webhookSecret: string;
  /** Where webhooks go (default http://127.0.0.1:3000/api/github/webhooks); can be changed later. */
  appUrl?: string;
  /** A prepared world (its appId must match); default: a new empty one. */
  world?: World;
  /** Keep request bodies in the request log (default true; benchmarks may turn it off). */
  recordBodies?: boolean;
  /** The app's OAuth client: enables "Sign in with GitHub" (/login/oauth/authorize, /login/oauth/access_token). */
  oauth?: OAuthClientCredentials;
}

/** Either what the event is about (filled from the world), or a function that returns the whole payload. */
export type DeliveryInput = WebhookSubject | ((world: World) => Record<string, unknown>);

export interface Simulator {
  url: string;
  port: number;
  world: World;
  faults: Faults;
  /** GHE_HOST / GHE_PROTOCOL for the app under test. */
  env: { GHE_HOST: string; GHE_PROTOCOL: string };
  appUrl: string;
  /** Builds the payload as `deliver` would, without sending it. */
  payload(event: string, action: string | undefined, input?: DeliveryInput): Record<string, unknown>;
  deliver(event: string, action: string | undefined, input?: DeliveryInput): Promise<DeliveryResult>;
  deliveries(): DeliveryResult[];
  requests(filter?: Partial<Pick<RecordedRequest, "method" | "route" | "operationName" | "status">>): RecordedRequest[];
  resetRequests(): void;
  /** Accept `token` as a personal access token of `login` (CLI-style callers). */
  addPersonalToken(token: string, login: string): void;
  /** The OAuth client the simulator accepts, when sign-in is enabled. */
  oauth: OAuthClientCredentials | null;
  /** Make every issued installation token invalid (the app must fetch a new one). */
  expireInstallationTokens(): void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const key = options.publicKey ?? options.privateKey;
  if (!key) throw new Error("startSimulator needs the app's publicKey or privateKey to verify app JWTs");
  const world = options.world ?? new World({ appId: options.appId, appSlug: options.appSlug });
  if (world.appId !== options.appId) throw new Error(`world.appId ${world.appId} differs from appId ${options.appId}`);
  const schema = await loadGithubSchema();
  const credentials = new Credentials();
  const faults = new Faults();
  const handler = new RequestHandler({ world, credentials, faults, schema, publicKey: publicKeyOf(key), appId: options.appId, recordBodies: options.recordBodies ?? true });
  const deliveries: DeliveryResult[] = [];
  const oauth = new OAuthEndpoints(world, credentials, options.oauth);

  const server: Server = createServer((req, res) => {
    // The whole world as JSON, for a person looking around (`npm run demo -- --keep`); not a
    // GitHub route, so it is neither authenticated nor recorded in the request log.
    if (req.method === "GET" && req.url?.split("?")[0] === STATE_PATH) {
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify(world.toJSON(), null, 2));
      return;
    }
    const path = req.url?.split("?")[0] ?? "/";
    const work = oauth.handles(req.method ?? "GET", path) ? oauth.handle(req, res, new URL(req.url ?? "/", world.baseUrl)) : handler.handle(req, res);
    work.catch((error: unknown) => {
      // A simulator bug must look like a GitHub 500, not hang the app under test.
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(errorBody(500, `Simulator error: ${error instanceof Error ? error.message : String(error)}`)));
      }
    });
  });
  server.keepAliveTimeout = 30_000;
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host}:${port}`;
  world.baseUrl = url;

  const build = (event: string, action: string | undefined, input: DeliveryInput = {}): Record<string, unknown> =>
    typeof input === "function" ? input(world) : buildWebhookPayload(world, event, action, input);

  const sim: Simulator = {
    url,
    port,
    world,
    faults,
    env: { GHE_HOST: `${host}:${port}`, GHE_PROTOCOL: "http" },
    appUrl: options.appUrl ?? "http://127.0.0.1:3000/api/github/webhooks",
    payload: build,
    async deliver(event, action, input) {
      const payload = build(event, action, input);
      const result = await deliverWebhook({ url: sim.appUrl, secret: options.webhookSecret, appId: options.appId, hookId: options.appId }, event, payload);
      deliveries.push(result);
      return result;
    },
    deliveries: () => [...deliveries],
    requests(filter) {
      if (!filter) return [...world.requests];
      return world.requests.filter((r) => Object.entries(filter).every(([k, v]) => r[k as keyof RecordedRequest] === v));
    },
    resetRequests() {
      world.requests.length = 0;
    },
    addPersonalToken: (token, login) => {
      world.addUser(login);
      credentials.addPersonalToken(token, login);
    },
    oauth: options.oauth ?? null,
    expireInstallationTokens: () => credentials.expireInstallationTokens(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return sim;
}

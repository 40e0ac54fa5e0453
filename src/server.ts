/**
 * `npm start`: the production HTTP server. Probot's standard environment configures
 * it; the server itself is ours so that body limits, /healthz, /metrics and graceful shutdown
 * behave the same everywhere (Probot's `run` keeps none of these under our control).
 *
 * Without APP_ID/PRIVATE_KEY outside production, Probot's setup flow starts instead: it serves
 * the "register a GitHub App" page built from app.yml on http://localhost:PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createNodeMiddleware, createProbot, run } from "probot";
import { agentGovernance } from "./app.js";
import { governanceOctokit } from "./github/octokit.js";
import { readPrivateKey } from "./private-key.js";
import { payloadProblem } from "./events/payload-shape.js";
import { readSettings } from "./settings.js";
import { readSignedBody } from "./webhook-signature.js";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** What keeps the server from starting: variables not set, and values that are wrong. */
function configurationProblems(env: NodeJS.ProcessEnv): { missing: string[]; invalid: string[] } {
  const missing: string[] = [];
  const invalid: string[] = [];
  if (!env.APP_ID) missing.push("APP_ID");
  const key = readPrivateKey(env);
  if (!key.ok && key.missing) missing.push("PRIVATE_KEY or PRIVATE_KEY_PATH");
  if (!key.ok && !key.missing) invalid.push(key.problem);
  if (!env.WEBHOOK_SECRET) missing.push("WEBHOOK_SECRET");
  return { missing, invalid };
}

function describeProblems({ missing, invalid }: { missing: string[]; invalid: string[] }): string {
  return [...(missing.length > 0 ? [`${missing.join(", ")} not set`] : []), ...invalid].join("; ");
}

/** A signed body the handlers could not read: not JSON, or without the fields its event needs. */
function signedPayloadProblem(event: string, body: string): string | null {
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return "Invalid JSON: the payload is not a JSON document";
  }
  return payloadProblem(event, payload);
}

async function main(): Promise<void> {
  const env = process.env;
  const settings = readSettings(env);
  const problems = configurationProblems(env);
  if (problems.missing.length + problems.invalid.length > 0) {
    if (settings.production) {
      console.error(
        `agent-governance: cannot start: ${describeProblems(problems)}. ` +
          "Register the GitHub App (README.md, 'Register the app') and set these variables.",
      );
      process.exit(1);
    }
    if (!env.APP_ID) {
      // Development without an app yet: Probot's manifest flow registers one from app.yml.
      await run(agentGovernance());
      return;
    }
    console.error(`agent-governance: cannot start: ${describeProblems(problems)} (see .env.example).`);
    process.exit(1);
  }

  // Probot's own default level is `warn`, which would make a healthy server silent: without
  // LOG_LEVEL the server logs at `info` (start, shutdown, one line per decision).
  // No redisConfig: the request budgets share GitHub's limits through Redis themselves
  // (github/octokit.ts); Probot's own Redis throttling would space reads like writes.
  const probot = createProbot({
    env: { ...env, LOG_LEVEL: env.LOG_LEVEL || "info" },
    overrides: { Octokit: governanceOctokit(settings), redisConfig: undefined },
  });
  const app = agentGovernance();
  const { port, host, webhookPath: webhooksPath } = settings.server;
  const secret = env.WEBHOOK_SECRET!;
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.writeHead(413, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `Payload larger than ${MAX_BODY_BYTES} bytes` }));
      req.resume();
      return;
    }
    const notFound = () => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `Not found: ${req.method} ${req.url}` }));
    };
    if (req.method !== "POST" || new URL(req.url ?? "/", "http://localhost").pathname !== webhooksPath) {
      void middleware(req, res, notFound);
      return;
    }
    const event = req.headers["x-github-event"];
    const refuse = (status: number, reason: string) => {
      probot.log.warn({ delivery: req.headers["x-github-delivery"], event, reason }, "webhook rejected");
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: reason }));
    };
    void readSignedBody(req, secret, MAX_BODY_BYTES).then((signed) => {
      if (!signed.ok) return refuse(signed.status, signed.reason);
      const problem = signedPayloadProblem(typeof event === "string" ? event : "", signed.body);
      if (problem) return refuse(400, problem);
      // The body is read: Probot's middleware takes it from `req.body` instead of the stream.
      (req as IncomingMessage & { body?: string }).body = signed.body;
      void middleware(req, res, notFound);
    });
  });
  // Keep-alive sockets from GitHub's deliveries and load balancers must not outlive shutdown.
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const shownPort = typeof address === "object" && address ? address.port : port;
  probot.log.info({ port: shownPort, webhooksPath }, `agent-governance listening on port ${shownPort}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    probot.log.info({ signal }, "shutting down: finishing queued evaluations");
    server.close();
    server.closeIdleConnections();
    await app.shutdown();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  console.error("agent-governance: failed to start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

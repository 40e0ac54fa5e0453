/**
 * `npm start`: the production HTTP server. Probot's standard environment (SPEC §1) configures
 * it; the server itself is ours so that body limits, /healthz, /metrics and graceful shutdown
 * behave the same everywhere (Probot's `run` keeps none of these under our control).
 *
 * Without APP_ID/PRIVATE_KEY outside production, Probot's setup flow starts instead: it serves
 * the "register a GitHub App" page built from app.yml on http://localhost:PORT.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createNodeMiddleware, createProbot, run } from "probot";
import { getPrivateKey } from "@probot/get-private-key";
import { agentGovernance } from "./app.js";
import { governanceOctokit } from "./github/octokit.js";
import { readSettings } from "./settings.js";

/** GitHub caps webhook payloads at 25 MB; anything larger is not from GitHub. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

function missingConfiguration(env: NodeJS.ProcessEnv): string[] {
  const missing: string[] = [];
  if (!env.APP_ID) missing.push("APP_ID");
  let key: string | null = null;
  try {
    key = getPrivateKey({ env });
  } catch {
    key = null;
  }
  if (!key) missing.push("PRIVATE_KEY or PRIVATE_KEY_PATH");
  if (!env.WEBHOOK_SECRET) missing.push("WEBHOOK_SECRET");
  return missing;
}

async function main(): Promise<void> {
  const env = process.env;
  const settings = readSettings(env);
  const missing = missingConfiguration(env);
  if (missing.length > 0) {
    if (settings.production) {
      console.error(
        `agent-governance: cannot start: ${missing.join(", ")} not set. ` +
          "Register the GitHub App (README.md, 'Register the app') and set these variables.",
      );
      process.exit(1);
    }
    if (!env.APP_ID) {
      // Development without an app yet: Probot's manifest flow registers one from app.yml.
      await run(agentGovernance());
      return;
    }
    console.error(`agent-governance: cannot start: ${missing.join(", ")} not set (see .env.example).`);
    process.exit(1);
  }

  const probot = createProbot({ defaults: { logLevel: "info" }, overrides: { Octokit: governanceOctokit(settings) } });
  const app = agentGovernance();
  const { port, host, webhookPath: webhooksPath } = settings.server;
  const middleware = await createNodeMiddleware(app, { probot, webhooksPath });

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const length = Number(req.headers["content-length"] ?? 0);
    if (length > MAX_BODY_BYTES) {
      res.writeHead(413, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `Payload larger than ${MAX_BODY_BYTES} bytes` }));
      req.resume();
      return;
    }
    void middleware(req, res, () => {
      res.writeHead(404, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: `Not found: ${req.method} ${req.url}` }));
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

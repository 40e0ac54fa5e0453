/**
 * A sandbox: the project's GitHub simulator and the real app server (a child process),
 * wired together on loopback with a fresh app key, webhook secret and ledger directory.
 * The demo, the e2e tests and the benchmarks all start one; nothing is written outside a
 * temporary directory, and no .env file is ever created.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type AddressInfo } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startSimulator, type DeliveryInput, type DeliveryResult, type Simulator, type World } from "@agent-governance/github-simulator";
import { startAppProcess, type AppProcess, type Launcher, type LogLine } from "./app-process.js";

export interface SandboxOptions {
  appId?: number;
  /** Extra variables for the app (e.g. DATABASE_URL); they win over the sandbox's own. */
  env?: Record<string, string>;
  launcher?: Launcher;
  /** Extra node options for the `node` launcher (profiling). */
  nodeArgs?: string[];
  /** Keep request bodies in the simulator's log (default true). */
  recordBodies?: boolean;
  /** Turn the web console on (OAuth client on the simulator, the console's settings on the app). */
  console?: boolean;
  /** Simulator port (default: any free one). */
  simulatorPort?: number;
  /** App port (default: any free one). */
  appPort?: number;
  onLog?: (line: LogLine) => void;
}

export interface Sandbox {
  sim: Simulator;
  world: World;
  /** The running app process (replaced by restartApp). */
  readonly app: AppProcess;
  appId: number;
  webhookSecret: string;
  /** The console's address, when it is on (the app's own URL). */
  consoleUrl: string | null;
  /** The ledger's directory (SQLite), removed by close(). */
  dataDir: string;
  /** Delivers a signed webhook and waits until the app has finished the work it queued. */
  deliver(event: string, action: string | undefined, input?: DeliveryInput): Promise<DeliveryResult>;
  /** Waits until the app's queue is empty. */
  settle(): Promise<void>;
  /** Stops the app gracefully and starts a new process with the same configuration and ledger. */
  restartApp(): Promise<void>;
  /** Starts one more app process with the same configuration and ledger (a second replica);
   * webhooks still go to `app` unless posted to the replica's own URL. Stopped by close(). */
  startReplica(): Promise<AppProcess>;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const appId = options.appId ?? 4242;
  // A new key per run: nothing secret is stored anywhere.
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  const webhookSecret = randomBytes(20).toString("hex");
  const oauth = options.console ? { clientId: `Iv1.${randomBytes(8).toString("hex")}`, clientSecret: randomBytes(20).toString("hex") } : undefined;
  const sim = await startSimulator({ appId, privateKey, webhookSecret, port: options.simulatorPort, recordBodies: options.recordBodies, oauth });
  const dataDir = mkdtempSync(join(tmpdir(), "agent-governance-"));
  // The console's public URL names the app's port, so the port is chosen before the app starts.
  const appPort = options.appPort ?? (oauth ? await freePort() : 0);
  const consoleUrl = oauth ? `http://127.0.0.1:${appPort}` : null;
  const consoleEnv: Record<string, string> = oauth
    ? { GOVERNANCE_PUBLIC_URL: consoleUrl!, GITHUB_CLIENT_ID: oauth.clientId, GITHUB_CLIENT_SECRET: oauth.clientSecret, GOVERNANCE_SESSION_SECRET: randomBytes(32).toString("hex") }
    : {};
  const env = {
    APP_ID: String(appId),
    PRIVATE_KEY: privateKey,
    WEBHOOK_SECRET: webhookSecret,
    PORT: String(appPort),
    ...consoleEnv,
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    LOG_FORMAT: "json",
    LOG_LEVEL: "info",
    ...sim.env,
    GOVERNANCE_DATA_DIR: dataDir,
    // Probot spaces writes one second apart per installation (GitHub's guidance); the
    // simulator has no such limit, and each evaluation would take seconds.
    GOVERNANCE_WRITE_INTERVAL_MS: "0",
    ...options.env,
  };
  const start = () => startAppProcess({ launcher: options.launcher, nodeArgs: options.nodeArgs, onLog: options.onLog, env });
  let app: AppProcess;
  try {
    app = await start();
  } catch (error) {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  sim.appUrl = app.webhookUrl;
  const replicas: AppProcess[] = [];

  return {
    sim,
    world: sim.world,
    get app() {
      return app;
    },
    appId,
    webhookSecret,
    consoleUrl,
    dataDir,
    async deliver(event, action, input) {
      const result = await sim.deliver(event, action, input);
      // The app queued its work before answering; wait for that work to finish.
      await app.idle();
      return result;
    },
    settle: () => app.idle(),
    async restartApp() {
      await app.stop();
      app = await start();
      sim.appUrl = app.webhookUrl;
    },
    async startReplica() {
      const replica = await start();
      replicas.push(replica);
      return replica;
    },
    async close() {
      await Promise.all(replicas.map((replica) => replica.stop()));
      await app.stop();
      await sim.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A port free at this moment on loopback. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

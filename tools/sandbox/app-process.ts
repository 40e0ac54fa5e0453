/**
 * The app server as a child process, started the way production starts it (`npm start`,
 * or `node dist/src/server.js`, which is what `npm start` runs). Used by the demo, the e2e
 * tests and the benchmarks: they talk to it over HTTP only, read its JSON log lines, ask
 * /healthz whether its queue is idle, and read its peak memory from /proc.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export type Launcher = "npm" | "node";

/**
 * What `npm start` and the Docker image give node (test/deploy/production-image.test.ts keeps
 * them in step), for benchmarks that start `node dist/src/server.js` directly.
 */
export const PRODUCTION_NODE_OPTIONS = "--max-semi-space-size=2";
export const PRODUCTION_NODE_ARGS: readonly string[] = ["--optimize-for-size"];

export interface AppProcessOptions {
  /** Variables added to a cleaned copy of this process's environment. */
  env: Record<string, string>;
  /** `npm` runs `npm start` (production); `node` skips npm's start-up (benchmarks). Default npm. */
  launcher?: Launcher;
  /** Extra node options for the `node` launcher, e.g. ["--cpu-prof"] (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  /** How long to wait for "listening" (default 20 s). */
  startTimeoutMs?: number;
  /** Called with every line the process writes (parsed when it is JSON). */
  onLog?: (line: LogLine) => void;
}

/** One line of the server's output; pino's JSON fields when LOG_FORMAT=json. */
export interface LogLine {
  stream: "stdout" | "stderr";
  text: string;
  json?: Record<string, unknown> & { level?: number; msg?: string };
}

export interface Health {
  status: string;
  queue: { running: number; waiting: number };
  ledger?: Record<string, unknown>;
}

export interface AppProcess {
  /** The server's own process id (the node process, not npm's). */
  pid: number;
  url: string;
  webhookUrl: string;
  logs: LogLine[];
  health(): Promise<Health>;
  /** Resolves once the process has no evaluation running or queued. */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  /** Peak resident set size so far (VmHWM), in bytes; undefined where /proc is missing. */
  peakRssBytes(): number | undefined;
  exited(): boolean;
  /** The exit code once exited (-1 when ended by a signal); undefined while running. */
  exitCode(): number | undefined;
  /** SIGTERM (graceful: queued work finishes), then SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
}

/** Variables of the parent that must not leak into the app under test. */
const INHERITED_NOT = /^(APP_ID|PRIVATE_KEY.*|WEBHOOK_.*|GHE_.*|GITHUB_.*|DATABASE_URL|REDIS_URL|GOVERNANCE_.*|LOG_.*|PORT|HOST|NODE_OPTIONS|NODE_ENV|npm_.*)$/;

/** The project root: the nearest directory above this module with the project's package.json. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && /"name":\s*"agent-governance"/.test(readFileSync(manifest, "utf8"))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error("agent-governance: cannot find the project root (package.json)");
    dir = parent;
  }
}

export async function startAppProcess(options: AppProcessOptions): Promise<AppProcess> {
  const root = projectRoot();
  const server = join(root, "dist", "src", "server.js");
  if (!existsSync(server)) throw new Error(`${server} is missing: run \`npm run build\` first`);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!INHERITED_NOT.test(key)) env[key] = value;
  Object.assign(env, options.env);

  const launcher = options.launcher ?? "npm";
  const [command, args] = launcher === "npm" ? ["npm", ["start", "--silent"]] : [process.execPath, [...(options.nodeArgs ?? []), server]];
  // Its own process group, so that stop() also ends the node process npm started.
  const child = spawn(command, args, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const logs: LogLine[] = [];
  let exitCode: number | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitCode = code ?? (signal ? -1 : 0);
      resolve();
    }),
  );
  const killOnExit = () => killGroup(child, "SIGKILL");
  process.once("exit", killOnExit);

  const listening = new Promise<number>((resolve, reject) => {
    const read = (stream: NodeJS.ReadableStream, name: LogLine["stream"]) => {
      createInterface({ input: stream }).on("line", (text) => {
        const line: LogLine = { stream: name, text, json: parseJson(text) };
        logs.push(line);
        options.onLog?.(line);
        const port = line.json?.port;
        if (typeof port === "number" && /listening/.test(String(line.json?.msg))) resolve(port);
      });
    };
    read(child.stdout!, "stdout");
    read(child.stderr!, "stderr");
    void exit.then(() => reject(new Error(`the app exited (code ${exitCode}) before listening:\n${tail(logs)}`)));
  });
  const timeoutMs = options.startTimeoutMs ?? 20_000;
  let timer: NodeJS.Timeout | undefined;
  const port = await Promise.race([
    listening,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the app did not listen within ${timeoutMs} ms:\n${tail(logs)}`)), timeoutMs);
    }),
  ])
    .catch(async (error: unknown) => {
      killGroup(child, "SIGKILL");
      await exit;
      process.removeListener("exit", killOnExit);
      throw error;
    })
    .finally(() => clearTimeout(timer));

  const url = `http://127.0.0.1:${port}`;
  const pid = launcher === "node" ? child.pid! : (findServerPid(child.pid!) ?? child.pid!);
  const health = async (): Promise<Health> => {
    const response = await fetch(`${url}/healthz`);
    return (await response.json()) as Health;
  };

  return {
    pid,
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    logs,
    health,
    async idle({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { queue } = await health();
        if (queue.running === 0 && queue.waiting === 0) return;
        if (Date.now() > deadline) throw new Error(`the app is still busy after ${timeoutMs} ms: ${JSON.stringify(queue)}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    },
    peakRssBytes: () => peakRss(pid),
    exited: () => exitCode !== undefined,
    exitCode: () => exitCode,
    async stop(graceMs = 5_000) {
      if (exitCode === undefined) {
        // To the server itself, as a process manager would; npm exits with the server's code.
        try {
          process.kill(pid, "SIGTERM");
        } catch {
          // Already gone.
        }
        const forced = setTimeout(() => killGroup(child, "SIGKILL"), graceMs);
        await exit;
        clearTimeout(forced);
      }
      // Nothing started under this process group may outlive the sandbox.
      killGroup(child, "SIGKILL");
      process.removeListener("exit", killOnExit);
    },
  };
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-child.pid!, signal);
  } catch {
    // Already gone.
  }
}

function parseJson(text: string): LogLine["json"] {
  if (!text.startsWith("{")) return undefined;
  try {
    return JSON.parse(text) as LogLine["json"];
  } catch {
    return undefined;
  }
}

function tail(logs: LogLine[]): string {
  return logs
    .slice(-20)
    .map((l) => l.text)
    .join("\n");
}

/** The node process under `npm start`: the descendant of npm running dist/src/server.js. */
function findServerPid(root: number): number | undefined {
  const children = new Map<number, number[]>();
  for (const entry of safeReaddir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = safeRead(`/proc/${entry}/stat`);
    // "pid (comm) state ppid …": comm may contain spaces and parentheses.
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) : NaN;
    if (Number.isFinite(ppid)) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const queue = [root];
  while (queue.length > 0) {
    const pid = queue.shift()!;
    const cmdline = safeRead(`/proc/${pid}/cmdline`)?.split("\0") ?? [];
    if (pid !== root && cmdline.some((arg) => arg.endsWith("dist/src/server.js")) && /node$/.test(cmdline[0] ?? "")) return pid;
    queue.push(...(children.get(pid) ?? []));
  }
  return undefined;
}

function peakRss(pid: number): number | undefined {
  const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(safeRead(`/proc/${pid}/status`) ?? "");
  return match ? Number(match[1]) * 1024 : undefined;
}

function safeRead(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function safeReaddir(path: string): string[] {
  try {
    return readdirSync(path);
  } catch {
    return [];
  }
}

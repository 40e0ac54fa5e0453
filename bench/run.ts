/**
 * `npm run bench`: the performance goals, measured on this machine and
 * written to bench/RESULTS.md.
 *
 *   npm run bench                      # everything, then writes bench/RESULTS.md
 *   npm run bench -- engine requests   # only those sections (RESULTS.md is not written)
 *
 * - engine: the pure evaluate() on a 250-commit, 3 000-file PR under a 50-rule policy;
 * - requests: GitHub requests per evaluation, counted on the simulator, by scenario and size;
 * - throughput: webhooks/s, latency and peak RSS of the real server on loopback.
 * Every loop is bounded; nothing leaves 127.0.0.1.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PRODUCTION_NODE_ARGS, PRODUCTION_NODE_OPTIONS, projectRoot } from "../tools/sandbox/app-process.js";
import { startSandbox, type Sandbox } from "../tools/sandbox/sandbox.js";
import { benchEngine } from "./engine.js";
import { describeMachine } from "./machine.js";
import { benchRequests } from "./requests.js";
import { keptSections, renderResults, type BenchResults, type ThroughputRun } from "./results.js";
import { mib } from "./stats.js";
import { loadServer, openPullRequests, type LoadResult } from "./throughput.js";

const SECTIONS = ["engine", "requests", "throughput"] as const;
type Section = (typeof SECTIONS)[number];

const LOADS = [
  { concurrency: 1, deliveries: 500 },
  { concurrency: 32, deliveries: 3000 },
];
const OPEN_PULL_REQUESTS = 100;

async function withSandbox<T>(options: { nodeOptions?: string; nodeArgs?: readonly string[] }, work: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  const sandbox = await startSandbox({
    launcher: "node",
    recordBodies: false,
    env: options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {},
    nodeArgs: [...(options.nodeArgs ?? [])],
  });
  try {
    return await work(sandbox);
  } finally {
    await sandbox.close();
  }
}

async function throughput(label: string, nodeOptions = "", nodeArgs: readonly string[] = []): Promise<ThroughputRun> {
  return withSandbox({ nodeOptions, nodeArgs }, async (sandbox) => {
    const idleRssBytes = sandbox.app.peakRssBytes();
    const pulls = await openPullRequests(sandbox, OPEN_PULL_REQUESTS);
    const results: LoadResult[] = [];
    for (const load of LOADS) {
      const result = await loadServer(sandbox, pulls, load);
      log(
        `  ${label}, ${load.concurrency} at a time: ${result.perSecond.toFixed(0)} webhooks/s, p50 ${result.latency.median.toFixed(1)} ms, ` +
          `p99 ${result.latency.p99.toFixed(1)} ms, ${result.evaluations} evaluations, peak RSS ${mib(result.peakRssBytes)}`,
      );
      results.push(result);
    }
    return { label, nodeOptions, nodeArgs, results, idleRssBytes };
  });
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

async function main(argv: string[]): Promise<void> {
  const asked = argv.filter((arg) => !arg.startsWith("-"));
  const unknown = asked.filter((arg) => !SECTIONS.includes(arg as Section));
  if (unknown.length > 0) throw new Error(`unknown section ${unknown.join(", ")} (sections: ${SECTIONS.join(", ")})`);
  const sections = asked.length > 0 ? (asked as Section[]) : [...SECTIONS];
  const results: BenchResults = {
    date: new Date().toISOString(),
    machine: describeMachine(),
    command: `npm run bench${asked.length > 0 ? ` -- ${asked.join(" ")}` : ""}`,
  };
  log(`agent-governance benchmarks on ${results.machine}`);

  if (sections.includes("engine")) {
    log("engine: evaluate() on 250 commits, 3 000 files, 50 rules …");
    results.engine = benchEngine({ warmup: 50, runs: 300 });
    log(`  median ${results.engine.evaluate.median.toFixed(2)} ms, p95 ${results.engine.evaluate.p95.toFixed(2)} ms`);
  }
  if (sections.includes("requests")) {
    log("requests: GitHub requests per evaluation, counted on the simulator …");
    results.requests = await withSandbox({}, benchRequests);
    for (const row of [...results.requests.steady, ...results.requests.growth]) log(`  ${String(row.requests).padStart(3)}  ${row.scenario}`);
  }
  if (sections.includes("throughput")) {
    log("throughput: the real server under load on loopback …");
    results.throughput = [
      await throughput("`node dist/src/server.js`, no options", ""),
      await throughput(`npm start (NODE_OPTIONS=${PRODUCTION_NODE_OPTIONS}, ${PRODUCTION_NODE_ARGS.join(" ")})`, PRODUCTION_NODE_OPTIONS, PRODUCTION_NODE_ARGS),
    ];
  }

  const file = join(projectRoot(), "bench", "RESULTS.md");
  const markdown = renderResults(results, existsSync(file) ? keptSections(readFileSync(file, "utf8")) : []);
  if (asked.length === 0) {
    writeFileSync(file, markdown);
    log(`\nwrote ${file}`);
  } else {
    log(`\n${markdown}`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

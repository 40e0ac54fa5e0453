/**
 * `node dist-dev/bench/memory.js [NODE_OPTIONS] [node flag …]`: only the memory part of the throughput bench —
 * the server started exactly as `npm run bench` starts it, its idle VmHWM, then its peak
 * VmHWM after the 1- and 32-at-a-time loads. Quicker than the whole bench when tuning memory.
 */
import { startSandbox } from "../tools/sandbox/sandbox.js";
import { mib } from "./stats.js";
import { loadServer, openPullRequests } from "./throughput.js";

const LOADS = [
  { concurrency: 1, deliveries: 500 },
  { concurrency: 32, deliveries: 3000 },
];

async function main(nodeOptions: string, nodeArgs: string[]): Promise<void> {
  const env: Record<string, string> = nodeOptions ? { NODE_OPTIONS: nodeOptions } : {};
  const sandbox = await startSandbox({ launcher: "node", recordBodies: false, env, nodeArgs });
  try {
    process.stdout.write(`NODE_OPTIONS=${JSON.stringify(nodeOptions)} ${nodeArgs.join(" ")}: idle ${mib(sandbox.app.peakRssBytes())}\n`);
    const pulls = await openPullRequests(sandbox, 100);
    process.stdout.write(`  after opening 100 PRs: ${mib(sandbox.app.peakRssBytes())}\n`);
    for (const load of LOADS) {
      const result = await loadServer(sandbox, pulls, load);
      process.stdout.write(`  ${load.concurrency} at a time: ${result.perSecond.toFixed(0)} webhooks/s, ${result.failed} failed, peak ${mib(result.peakRssBytes)}\n`);
    }
    // Where the memory is now (prom-client's default metrics), to tell heap from native memory.
    const metrics = await (await fetch(`${sandbox.app.url}/metrics`)).text();
    const shown = /^agent_governance_(nodejs_heap_space_size_total_bytes|nodejs_heap_size_total_bytes|nodejs_external_memory_bytes|process_resident_memory_bytes)/;
    for (const line of metrics.split("\n")) if (shown.test(line)) process.stdout.write(`    ${line}\n`);
  } finally {
    await sandbox.close();
  }
}

main(process.argv[2] ?? "", process.argv.slice(3)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

import { startSandbox } from "./tools/sandbox/sandbox.js";
import { openPullRequests, loadServer } from "./bench/throughput.js";
const prof = process.argv[2] === "prof";
const s = await startSandbox({ launcher: "node", recordBodies: false, nodeArgs: prof ? ["--cpu-prof", "--cpu-prof-dir=/tmp/sprof"] : [] });
try {
  const pulls = await openPullRequests(s, 100);
  for (const [c, n] of [[1, 500], [32, 3000]]) {
    const r = await loadServer(s, pulls, { concurrency: c, deliveries: n });
    console.log(`c=${r.concurrency} ${r.perSecond.toFixed(0)}/s p50 ${r.latency.median.toFixed(1)} p99 ${r.latency.p99.toFixed(1)} evals ${r.evaluations} evals/s ${r.evaluationsPerSecond.toFixed(0)} drain ${r.drainSeconds.toFixed(1)} rss ${((r.peakRssBytes ?? 0) / 1e6).toFixed(0)}MB failed ${r.failed}`);
  }
} finally { await s.close(); }

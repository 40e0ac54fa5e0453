/**
 * `npm run bench:pacing [-- single burst policy-push]`: how long an installation waits for its
 * check runs under GitHub's real pacing — the server started as in production, without
 * GOVERNANCE_WRITE_INTERVAL_MS, against the simulator on loopback.
 *
 * - single: one `pull_request.opened` at a time on a quiet installation (1.5 s apart), time
 *   from sending the webhook to the check run being written;
 * - burst: 50 `pull_request.opened` sent at once in one installation, the same time per PR;
 * - policy-push: 500 open PRs in one repository, a push that changes the policy on the default
 *   branch, time until all 500 check runs are written.
 *
 * Each scenario gets a fresh server, so one scenario's writes never slow the next. Prints a
 * Markdown table; bench/RESULTS.md keeps the before/after by hand.
 */
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { startSandbox, type Sandbox } from "../tools/sandbox/sandbox.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { describeMachine } from "./machine.js";
import { distribution, type Distribution } from "./stats.js";

const SCENARIOS = ["single", "burst", "policy-push"] as const;
type Scenario = (typeof SCENARIOS)[number];

const ORG = "pace";
const HUMAN_COMMIT = { message: "Fix the parser\n", files: [{ path: "src/parser.ts", additions: 5 }] };

interface Row {
  scenario: string;
  latency?: Distribution;
  totalSeconds?: number;
  checkRunWrites: number;
}

async function withProductionPacing<T>(work: (sandbox: Sandbox) => Promise<T>): Promise<T> {
  // An empty GOVERNANCE_WRITE_INTERVAL_MS is "not set": the server paces as in production.
  const sandbox = await startSandbox({ launcher: "node", recordBodies: false, env: { GOVERNANCE_WRITE_INTERVAL_MS: "" } });
  sandbox.world.addOrg(ORG, { members: ["alice", "bob"] });
  try {
    return await work(sandbox);
  } finally {
    await sandbox.close();
  }
}

function addRepo(sandbox: Sandbox, name: string): string {
  sandbox.world.addRepo(ORG, name);
  for (const login of ["alice", "bob"]) sandbox.world.setPermission(`${ORG}/${name}`, login, "write");
  return `${ORG}/${name}`;
}

/** When the first check-run write on `repo` was answered (ms on performance's clock). */
function checkRunWrittenAt(sandbox: Sandbox, repo: string, clockOffset: number): number | undefined {
  const path = `/repos/${repo}/check-runs`;
  const write = sandbox.sim.requests().find((r) => r.method !== "GET" && r.path.includes(path) && r.status < 300);
  return write ? Date.parse(write.at) - clockOffset : undefined;
}

function checkRunWrites(sandbox: Sandbox): number {
  return sandbox.sim.requests().filter((r) => r.method !== "GET" && /\/check-runs/.test(r.path) && r.status < 300).length;
}

/** Date.now() − performance.now(), so the simulator's timestamps and ours share one clock. */
const offset = () => Date.now() - performance.now();

async function single(count = 20): Promise<Row> {
  return withProductionPacing(async (sandbox) => {
    const latencies: number[] = [];
    for (let i = 0; i < count; i++) {
      const repo = addRepo(sandbox, `single-${i}`);
      const pr = sandbox.world.openPullRequest({ repo, author: "alice", head: `fix-${i}`, commits: [HUMAN_COMMIT] });
      await sleep(1500);
      const sent = performance.now();
      await sandbox.deliver("pull_request", "opened", { pr });
      const written = checkRunWrittenAt(sandbox, repo, offset());
      if (written === undefined) throw new Error(`no check run written for ${repo}`);
      latencies.push(written - sent);
    }
    return { scenario: `single events, one at a time (${count}, 1.5 s apart)`, latency: distribution(latencies), checkRunWrites: checkRunWrites(sandbox) };
  });
}

async function burst(count = 50): Promise<Row> {
  return withProductionPacing(async (sandbox) => {
    const pulls: Array<{ repo: string; pr: PullRecord }> = [];
    for (let i = 0; i < count; i++) {
      const repo = addRepo(sandbox, `burst-${i}`);
      pulls.push({ repo, pr: sandbox.world.openPullRequest({ repo, author: "alice", head: `fix-${i}`, commits: [HUMAN_COMMIT] }) });
    }
    // Warm the installation token, so the burst measures pacing rather than authentication.
    const warm = addRepo(sandbox, "warm-up");
    await sandbox.deliver("pull_request", "opened", { pr: sandbox.world.openPullRequest({ repo: warm, author: "alice", head: "warm", commits: [HUMAN_COMMIT] }) });
    await sleep(1500);
    sandbox.sim.resetRequests();
    const started = performance.now();
    const sent = await Promise.all(
      pulls.map(async ({ pr }) => {
        const at = performance.now();
        await sandbox.sim.deliver("pull_request", "opened", { pr });
        return at;
      }),
    );
    await sandbox.app.idle({ timeoutMs: 30 * 60_000 });
    const total = (performance.now() - started) / 1000;
    const clock = offset();
    const latencies = pulls.map(({ repo }, i) => {
      const written = checkRunWrittenAt(sandbox, repo, clock);
      if (written === undefined) throw new Error(`no check run written for ${repo}`);
      return written - sent[i];
    });
    return { scenario: `burst: ${count} events at once, one installation`, latency: distribution(latencies), totalSeconds: total, checkRunWrites: checkRunWrites(sandbox) };
  });
}

async function policyPush(count = 500): Promise<Row> {
  return withProductionPacing(async (sandbox) => {
    const repo = addRepo(sandbox, "monorepo");
    for (let i = 0; i < count; i++) sandbox.world.openPullRequest({ repo, author: "alice", head: `fix-${i}`, commits: [HUMAN_COMMIT] });
    sandbox.world.setFile(repo, "main", ".agent-governance.yml", "version: 1\nrules:\n  - name: any change\n    when: { ai: any }\n    require: { approvals: 1 }\n", {
      message: "Every change needs a review",
    });
    sandbox.sim.resetRequests();
    const started = performance.now();
    await sandbox.sim.deliver("push", undefined, { repo, sender: "bob" });
    await sandbox.app.idle({ timeoutMs: 60 * 60_000 });
    const total = (performance.now() - started) / 1000;
    const writes = checkRunWrites(sandbox);
    if (writes < count) throw new Error(`only ${writes} of ${count} check runs were written`);
    return { scenario: `policy push re-evaluates ${count} open PRs of one installation`, totalSeconds: total, checkRunWrites: writes };
  });
}

function render(rows: Row[]): string {
  const cell = (value: number | undefined, unit: string, digits = 0) => (value === undefined ? "—" : `${value.toFixed(digits)} ${unit}`);
  return [
    "| scenario | p50 | p99 | max | all written after | check-run writes |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows.map(
      (row) =>
        `| ${row.scenario} | ${cell(row.latency?.median, "ms")} | ${cell(row.latency?.p99, "ms")} | ${cell(row.latency?.max, "ms")} | ` +
        `${cell(row.totalSeconds, "s", 1)} | ${row.checkRunWrites} |`,
    ),
  ].join("\n");
}

async function main(argv: string[]): Promise<void> {
  const unknown = argv.filter((arg) => !SCENARIOS.includes(arg as Scenario));
  if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(", ")} (scenarios: ${SCENARIOS.join(", ")})`);
  const asked = argv.length > 0 ? (argv as Scenario[]) : [...SCENARIOS];
  const run: Record<Scenario, () => Promise<Row>> = { single: () => single(), burst: () => burst(), "policy-push": () => policyPush() };
  process.stdout.write(`pacing on ${describeMachine()}, ${new Date().toISOString()}\n`);
  const rows: Row[] = [];
  for (const scenario of asked) {
    const row = await run[scenario]();
    process.stdout.write(`  ${render([row]).split("\n")[2]}\n`);
    rows.push(row);
  }
  process.stdout.write(`\n${render(rows)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

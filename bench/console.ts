/**
 * The console's benchmarks (`npm run bench:console`):
 *
 * - page times with 50 000 decisions in the ledger, SQLite and PostgreSQL: each page's ledger
 *   reads plus its rendering, as the server does them (GitHub's access answers are cached, so
 *   they are not part of a warm page);
 * - peak RSS of the real server, console on, under the webhook load of `npm run bench`, while a
 *   signed-in user keeps loading the organisation page.
 *
 * Writes its section of bench/RESULTS.md (between `console:start` and `console:end`).
 * PostgreSQL: BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test (skipped when
 * unreachable); a schema of its own, dropped afterwards.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect, SqliteDialect, sql } from "kysely";
import { auditCsv } from "../src/console/audit-export.js";
import { organisationView } from "../src/console/organisation-view.js";
import { agentPage } from "../src/console/pages/agent.js";
import { auditPage } from "../src/console/pages/audit.js";
import { organisationPage } from "../src/console/pages/organisation.js";
import { pullRequestPage } from "../src/console/pages/pull-request.js";
import { decisionRow } from "../src/ledger/decision-rows.js";
import { copyExistingDecisions } from "../src/ledger/migrations/0004-console-speed.js";
import { openLedger, scopeOf, type DecisionRecord, type Ledger } from "../src/ledger/index.js";
import type { LedgerDatabase } from "../src/ledger/schema.js";
import { signIn } from "../tools/sandbox/console-client.js";
import { PRODUCTION_NODE_ARGS, PRODUCTION_NODE_OPTIONS, projectRoot } from "../tools/sandbox/app-process.js";
import { startSandbox } from "../tools/sandbox/sandbox.js";
import { describeMachine } from "./machine.js";
import { distribution, mib, type Distribution } from "./stats.js";
import { loadServer, openPullRequests } from "./throughput.js";

const DECISIONS = 50_000;
const REPOS = 40;
const AGENTS = ["claude-code", "copilot", "cursor", "codex", "devin", "jules", "aider", "amp"];
const RUNS = 30;
const DAY = 24 * 3600 * 1000;
const PAGE_GOAL_MS = 200;

interface PageTimes {
  driver: string;
  pages: Array<{ page: string; times: Distribution }>;
}

function log(text: string): void {
  process.stdout.write(`${text}\n`);
}

/** 50 000 decisions over 90 days, 40 repositories, 8 agents; a merge (and sometimes a revert) for every fifth. */
async function seed(db: Kysely<LedgerDatabase>, ledger: Ledger): Promise<void> {
  const now = Date.now();
  const rows = [];
  for (let i = 0; i < DECISIONS; i++) {
    const pr = Math.floor(i / 4) + 1;
    const agent = AGENTS[pr % AGENTS.length];
    const waiting = i % 4 < 2;
    const record: DecisionRecord = {
      owner: "acme",
      repo: `repo-${pr % REPOS}`,
      pr,
      headSha: (pr * 7 + (i % 4 < 3 ? 0 : 1)).toString(16).padStart(40, "0"),
      policy: { kind: "repository", description: `acme/repo-${pr % REPOS}/.agent-governance.yml@main`, blobShas: ["b".repeat(40)] },
      conclusion: waiting ? "action_required" : "success",
      title: waiting ? "Waiting for 1 approval from @acme/senior-engineers" : "All rules met",
      aiAssisted: pr % 3 !== 0,
      tier: pr % 5 === 0 ? "established" : "new",
      agents: pr % 3 !== 0 ? [agent] : [],
      rules: [{ name: "senior approval", status: waiting ? "waiting" : "met" }],
      gates: [{ name: "max_changed_lines", status: "passed" }],
      counted: waiting ? [] : [{ rule: "senior approval", login: `senior-${pr % 7}`, commitId: null }],
      ignored: [],
      override: null,
      at: new Date(now - 90 * DAY + (i / DECISIONS) * 90 * DAY),
    };
    rows.push(decisionRow(record));
  }
  for (let i = 0; i < rows.length; i += 500) {
    await db.insertInto("decisions").values(rows.slice(i, i + 500)).onConflict((oc) => oc.doNothing()).execute();
  }
  // What recordDecision keeps beside each AI-assisted pull request's decisions: its approval wait.
  const waits = [];
  for (let pr = 1; pr <= DECISIONS / 4; pr++) {
    if (pr % 3 === 0) continue;
    const first = now - 90 * DAY + (((pr - 1) * 4) / DECISIONS) * 90 * DAY;
    const met = now - 90 * DAY + (((pr - 1) * 4 + 2) / DECISIONS) * 90 * DAY;
    waits.push({ owner: "acme", repo: `repo-${pr % REPOS}`, pr_number: pr, rule: "senior approval", waiting_since: new Date(first).toISOString(), met_at: new Date(met).toISOString(), teams: JSON.stringify(["acme/senior-engineers"]) });
  }
  for (let i = 0; i < waits.length; i += 500) await db.insertInto("approval_waits").values(waits.slice(i, i + 500)).execute();
  // And the console's summaries of the decisions, built as the migration builds them for an existing ledger.
  await copyExistingDecisions(db);
  for (let pr = 1; pr <= DECISIONS / 4; pr += 5) {
    const repo = `repo-${pr % REPOS}`;
    const mergedAt = new Date(now - 90 * DAY + ((pr * 4) / DECISIONS) * 90 * DAY + 3600_000);
    const ai = pr % 3 !== 0;
    await ledger.recordPullMerge({ owner: "acme", repo, pr, aiAssisted: ai, mergedAt });
    if (ai) await ledger.recordMerge({ owner: "acme", repo, pr, headSha: (pr * 7).toString(16).padStart(40, "0"), mergeCommitSha: null, agents: [AGENTS[pr % AGENTS.length]], mergedAt });
    if (ai && pr % 45 === 1) await ledger.recordRevert({ owner: "acme", repo, pr, revertCommitSha: null, revertPr: pr + 1, revertedAt: new Date(mergedAt.getTime() + 2 * DAY) });
  }
}

async function time(work: () => Promise<unknown>): Promise<Distribution> {
  for (let i = 0; i < 3; i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return distribution(samples);
}

async function pageTimes(driver: string, ledger: Ledger): Promise<PageTimes> {
  const reads = ledger.reads;
  const chrome = { login: "alice", csrf: "x" };
  // What the server does for each page once GitHub's access answers are cached.
  const readable = async () => scopeOf("acme", await reads.repositories("acme"));
  const now = new Date();
  const pages: PageTimes["pages"] = [];
  const measure = async (page: string, work: () => Promise<unknown>) => {
    const times = await time(work);
    pages.push({ page, times });
    log(`  ${driver} ${page}: median ${times.median.toFixed(1)} ms, p95 ${times.p95.toFixed(1)} ms`);
  };
  await measure("organisation `/acme`", async () => organisationPage(await organisationView(reads, await readable(), now), chrome));
  await measure("agent `/acme/agents/copilot`", async () => {
    const scope = await readable();
    const since = new Date(now.getTime() - 84 * DAY);
    const [summaries, tiers, merges] = await Promise.all([reads.agentSummaries(scope, since, { agent: "copilot" }), reads.agentTierHistory(scope, "copilot", since), reads.agentMerges(scope, "copilot")]);
    return agentPage({ owner: "acme", agent: "copilot", windowDays: 84, summary: summaries[0] ?? null, tiers, merges }, chrome);
  });
  await measure("audit `/acme/audit` (newest 100)", async () => {
    const scope = await readable();
    return auditPage({ owner: "acme", query: {}, repositories: [...scope.repos], records: await reads.audit(scope, { limit: 100 }), limit: 100, problem: null }, chrome);
  });
  await measure("audit filtered by agent and approver", async () => reads.audit(await readable(), { agent: "cursor", approver: "senior-3", limit: 100 }));
  await measure("audit export `/acme/audit.csv` (10 000 rows)", async () => auditCsv(await reads.audit(await readable(), { limit: 10_000 })));
  await measure("pull request timeline (ledger part of `/acme/repo-1/pull/N`)", async () => {
    const timeline = await reads.pullTimeline({ owner: "acme", repo: "repo-1" }, 6001);
    return pullRequestPage({ owner: "acme", repo: "repo-1", number: 6001, title: "t", author: "a", headRef: "h", baseRef: "main", state: "MERGED", decision: null, commits: [], outlook: {}, policyUrl: null, timeline, canReEvaluate: false, linkedSha: null }, chrome);
  });
  return { driver, pages };
}

async function sqliteTimes(): Promise<PageTimes> {
  const dir = mkdtempSync(join(tmpdir(), "console-bench-"));
  try {
    const ledger = await openLedger({ dataDir: dir });
    const { default: SQLite } = await import("better-sqlite3");
    const db = new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: new SQLite(join(dir, "ledger.sqlite")) }) });
    log(`seeding SQLite with ${DECISIONS} decisions …`);
    await seed(db, ledger);
    await db.destroy();
    try {
      return await pageTimes("SQLite", ledger);
    } finally {
      await ledger.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgresTimes(): Promise<PageTimes | string> {
  const server = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
  const { default: pg } = await import("pg");
  const admin = new pg.Pool({ connectionString: server, max: 1 });
  const schema = `console_bench_${process.pid}`;
  try {
    await admin.query(`create schema ${schema}`);
  } catch (error) {
    await admin.end();
    return `PostgreSQL not reachable at ${server}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const url = new URL(server);
  url.searchParams.set("options", `-c search_path=${schema}`);
  try {
    const ledger = await openLedger({ databaseUrl: url.toString() });
    const db = new Kysely<LedgerDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url.toString(), max: 2 }) }) });
    log(`seeding PostgreSQL with ${DECISIONS} decisions …`);
    await seed(db, ledger);
    // A ledger that grew to 50 000 decisions has been analysed by autovacuum many times over;
    // the bench's server may run without it, and planning on empty statistics is not what a
    // deployment sees.
    await sql`analyze`.execute(db);
    await db.destroy();
    try {
      return await pageTimes("PostgreSQL", ledger);
    } finally {
      await ledger.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
}

/** The webhook load of `npm run bench` (2 000 deliveries, 32 at a time) with the console on and a user browsing it. */
async function rssUnderLoad(): Promise<{ peakRssBytes: number | undefined; perSecond: number; pages: number }> {
  const sandbox = await startSandbox({
    launcher: "node",
    console: true,
    recordBodies: false,
    env: { NODE_OPTIONS: PRODUCTION_NODE_OPTIONS },
    nodeArgs: [...PRODUCTION_NODE_ARGS],
  });
  try {
    const pulls = await openPullRequests(sandbox, 100);
    const user = await signIn(sandbox.consoleUrl!, "bob");
    let browsing = true;
    let pages = 0;
    const browse = (async () => {
      while (browsing) {
        for (const path of ["/load", "/load/audit", `/${pulls[pages % pulls.length].repo}/pull/${pulls[pages % pulls.length].number}`]) {
          const page = await user.get(path);
          if (page.status !== 200) throw new Error(`${path}: ${page.status}`);
          pages += 1;
        }
      }
    })();
    const result = await loadServer(sandbox, pulls, { concurrency: 32, deliveries: 2000 });
    browsing = false;
    await browse;
    return { peakRssBytes: sandbox.app.peakRssBytes(), perSecond: result.perSecond, pages };
  } finally {
    await sandbox.close();
  }
}

function section(results: Array<PageTimes | string>, rss: Awaited<ReturnType<typeof rssUnderLoad>>): string {
  const lines = [
    "<!-- console:start -->",
    "## The console",
    "",
    `Measured ${new Date().toISOString()} on ${describeMachine()} with \`npm run bench:console\` (load average ${loadavg()[0].toFixed(1)}: other work shared the machine when it is above the core count).`,
    "",
    `Page times with ${DECISIONS.toLocaleString("en")} decisions in the ledger (${REPOS} repositories, ${AGENTS.length} agents, 90 days): the`,
    `page's ledger reads and its rendering, ${RUNS} runs after 3 warm-ups; GitHub's access answers are cached for a minute`,
    `and not part of a warm page; PostgreSQL's tables are analysed after seeding, as autovacuum does. Goal: < ${PAGE_GOAL_MS} ms.`,
    "",
    "| ledger | page | median | p95 | goal |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const result of results) {
    if (typeof result === "string") {
      lines.push(`| — | ${result} | | | |`);
      continue;
    }
    for (const page of result.pages) {
      lines.push(`| ${result.driver} | ${page.page} | ${page.times.median.toFixed(1)} ms | ${page.times.p95.toFixed(1)} ms | ${page.times.p95 < PAGE_GOAL_MS ? "✅ met" : "❌ missed"} |`);
    }
  }
  lines.push(
    "",
    `Peak RSS of the server (\`node ${PRODUCTION_NODE_ARGS.join(" ")} dist/src/server.js\`, \`NODE_OPTIONS=${PRODUCTION_NODE_OPTIONS}\`, console on) under 2 000 webhooks`,
    `(32 at a time, 100 pull requests) while a signed-in user loaded ${rss.pages} console pages: **${mib(rss.peakRssBytes)}**`,
    `(${((rss.peakRssBytes ?? 0) / 1e6).toFixed(0)} MB; goal 150 MB: ${(rss.peakRssBytes ?? Infinity) < 150e6 ? "✅ met" : "❌ missed"}), ${rss.perSecond.toFixed(0)} webhooks/s.`,
    "<!-- console:end -->",
  );
  return lines.join("\n");
}

async function main(): Promise<void> {
  const results: Array<PageTimes | string> = [await sqliteTimes(), await postgresTimes()];
  log("peak RSS under the webhook load, console on …");
  const rss = await rssUnderLoad();
  log(`  peak RSS ${mib(rss.peakRssBytes)}, ${rss.perSecond.toFixed(0)} webhooks/s, ${rss.pages} console pages`);
  const text = section(results, rss);
  const file = join(projectRoot(), "bench", "RESULTS.md");
  const previous = existsSync(file) ? readFileSync(file, "utf8") : "# Benchmark results\n";
  const updated = /<!-- console:start -->[\s\S]*?<!-- console:end -->/.test(previous)
    ? previous.replace(/<!-- console:start -->[\s\S]*?<!-- console:end -->/, text)
    : `${previous.trimEnd()}\n\n${text}\n`;
  writeFileSync(file, updated);
  log(`\n${text}\n\nwrote ${file}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:console: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);

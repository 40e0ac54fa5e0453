/** `agent-governance trust [OWNER[/REPO]]`: each agent's track record and tier. */
import type { Autonomy, LoadedPolicy } from "../config/policy.js";
import type { LedgerScope, TrackRecord } from "../ledger/index.js";
import { trustScope } from "../pipeline/trust.js";
import { agentTrust, nextTierChange, windowStart, type TierOutlook } from "../policy/autonomy.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { openCliLedger } from "./ledger-env.js";
import { policyInForce } from "./policy-in-force.js";
import { formatPolicyError } from "../report/policy-error.js";
import { describeTarget, parseTarget, targetFromRemote, type RepositoryTarget } from "./repository-target.js";
import { textTable } from "./table.js";

export const trustCommand: Command = {
  name: "trust",
  summary: "agents' merges, reverts and autonomy tiers from the ledger",
  help: `Usage: agent-governance trust [OWNER[/REPO]] [--policy FILE] [--json]

Reads the ledger and prints, per agent: its autonomy tier, merged AI-assisted pull
requests and reverts within the policy's window, the revert rate, and what changes its
tier next. Without OWNER/REPO, the repository of the 'origin' remote; OWNER
alone is the whole organisation.

Tiers need the policy's autonomy settings. They come from --policy FILE, else from the
repository's policy in force read through the GitHub API (default branch, then the
organisation's .github repository) when GITHUB_TOKEN (or APP_ID and PRIVATE_KEY) is set.
Without either, merges and reverts over all time are shown without tiers.

Options:
  --policy FILE  use this policy file's autonomy settings (no network)
  --json         print one JSON object: repository, scope, policy, window_days, since,
                 agents[] (agent, tier, merged, reverted, revert_rate, demoted_until, next)
  -h, --help     show this help

Environment:
  DATABASE_URL         PostgreSQL ledger; else the SQLite ledger in
  GOVERNANCE_DATA_DIR  (default ./data)
  GITHUB_TOKEN         read the repository's policy; GITHUB_API_URL or GHE_HOST and
                       GHE_PROTOCOL for GitHub Enterprise Server

Exit codes:
  0  agents listed
  1  no agent has a merge or revert in the ledger for this repository
  2  error: no ledger, unreadable or invalid policy, GitHub error, bad usage
`,
  options: {
    policy: { type: "string" },
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const parsed = positionals[0] === undefined ? await targetFromRemote(io.cwd) : parseTarget(positionals[0], { pr: "no", repo: "optional" });
    if (!parsed.ok) return fail(io, parsed.message);
    const target = parsed.target;

    const lookup = await policyInForce(io, target, values.policy as string | undefined);
    if (lookup.kind === "error") return fail(io, lookup.message);
    if (lookup.kind === "loaded" && !lookup.loaded.ok) return invalidPolicy(io, lookup.loaded);
    const loaded = lookup.kind === "loaded" && lookup.loaded.ok ? lookup.loaded : null;
    const autonomy = loaded?.policy.autonomy ?? null;

    const opened = await openCliLedger(io, { mustExist: true });
    if (!opened.ok) return fail(io, opened.message);
    const now = new Date();
    const scope = scopeOf(target, autonomy);
    // Autonomy off, or no policy: the window is all of history.
    const since = autonomy ? windowStart(autonomy, now) : new Date(0);
    let records: TrackRecord[];
    try {
      records = await opened.ledger.trackRecords(scope, since);
    } finally {
      await opened.ledger.close();
    }

    const rows = records.map((record) => agentRow(record, loaded === null ? undefined : autonomy, now)).sort(byMergesThenName);
    const report: TrustReport = {
      repository: describeTarget(target),
      scope: scope.repo === undefined ? "organization" : "repository",
      policy: loaded === null ? null : { source: loaded.source.description, blob_shas: loaded.source.blobShas },
      window_days: autonomy?.window_days ?? null,
      since: autonomy ? since.toISOString() : null,
      agents: rows,
    };
    if (values.json) io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else io.stdout.write(renderTrust(report, lookup.kind === "none" ? lookup.message : null));
    return rows.length > 0 ? EXIT.ok : EXIT.failed;
  },
};

export interface TrustRow {
  agent: string;
  /** null when the policy is unknown. */
  tier: string | null;
  merged: number;
  reverted: number;
  /** null when nothing was merged. */
  revert_rate: number | null;
  demoted_until: string | null;
  next: TierOutlook | null;
}

export interface TrustReport {
  repository: string;
  scope: "repository" | "organization";
  policy: { source: string; blob_shas: string[] } | null;
  window_days: number | null;
  since: string | null;
  agents: TrustRow[];
}

function scopeOf(target: RepositoryTarget, autonomy: Autonomy | null): LedgerScope {
  if (target.repo === undefined) return { owner: target.owner };
  const repo = { owner: target.owner, repo: target.repo };
  return autonomy ? trustScope(repo, autonomy) : repo;
}

/** `autonomy` undefined: the policy is unknown, so is the tier. */
function agentRow(record: TrackRecord, autonomy: Autonomy | null | undefined, now: Date): TrustRow {
  const counts = {
    agent: record.agent,
    merged: record.merged,
    reverted: record.reverted,
    revert_rate: record.merged === 0 ? null : record.reverted / record.merged,
  };
  if (autonomy === undefined) return { ...counts, tier: null, demoted_until: null, next: null };
  const trust = agentTrust(record, autonomy, now);
  return { ...counts, tier: trust.tier, demoted_until: trust.demotedUntil ?? null, next: nextTierChange(trust, autonomy) };
}

function byMergesThenName(a: TrustRow, b: TrustRow): number {
  return b.merged - a.merged || a.agent.localeCompare(b.agent);
}

export function renderTrust(report: TrustReport, note: string | null): string {
  const lines: string[] = [];
  if (report.policy === null) {
    lines.push(`${report.repository}: merged AI-assisted pull requests and reverts over all time (${note ?? "no policy"})`);
  } else {
    const window = report.window_days === null ? "autonomy off, all time" : `window ${report.window_days} days, since ${report.since!.slice(0, 10)}`;
    const blobs = report.policy.blob_shas.map((sha) => sha.slice(0, 7)).join(", ");
    lines.push(`${report.repository}: policy ${report.policy.source}${blobs ? ` (blob ${blobs})` : ""}; ${window}; ${report.scope} scope`);
  }
  if (report.agents.length === 0) return `${lines[0]}\nno agent has a merge or revert in the ledger\n`;
  const withTiers = report.policy !== null;
  const header = withTiers ? ["AGENT", "TIER", "MERGED", "REVERTED", "REVERT RATE", "NEXT CHANGE"] : ["AGENT", "MERGED", "REVERTED", "REVERT RATE"];
  const rows = report.agents.map((row) => {
    const counts = [String(row.merged), String(row.reverted), percent(row.revert_rate)];
    return withTiers ? [row.agent, row.tier ?? "new", ...counts, row.next?.message ?? ""] : [row.agent, ...counts];
  });
  return `${lines[0]}\n\n${textTable(header, rows)}`;
}

function percent(rate: number | null): string {
  if (rate === null) return "-";
  return `${Number((rate * 100).toFixed(1))}%`;
}

function invalidPolicy(io: CliIo, loaded: Extract<LoadedPolicy, { ok: false }>): number {
  io.stderr.write(`agent-governance trust: the policy in force (${loaded.source.description}) is invalid:\n`);
  for (const error of loaded.errors) io.stderr.write(`${formatPolicyError(error)}\n`);
  return EXIT.error;
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance trust: ${message}\n`);
  return EXIT.error;
}

/** `agent-governance audit OWNER/REPO[#N]`: the decisions the app took, newest first. */
import type { DecisionRecord } from "../ledger/index.js";
import { EXIT, type CliIo, type Command } from "./command.js";
import { openCliLedger } from "./ledger-env.js";
import { describeTarget, parseTarget, targetFromRemote } from "./repository-target.js";
import { parseSince } from "./since.js";
import { shortSha, shortTime, textTable } from "./table.js";

const DEFAULT_LIMIT = 100;

export const auditCommand: Command = {
  name: "audit",
  summary: "the decisions the app recorded: approvers, policy versions, outcomes",
  help: `Usage: agent-governance audit [OWNER[/REPO[#N]]] [--since DATE] [--limit N] [--json]

Reads the ledger's audit trail and prints each decision the app took, newest first:
time, pull request, head SHA, conclusion, the agents' tier, the policy in force and its
git blob SHA, the rules met, the approvers counted, and the approvals ignored with the
reason. Without an argument, the repository of the 'origin' remote; OWNER alone lists the
whole organisation; #N one pull request.

Options:
  --since DATE  only decisions at or after DATE (YYYY-MM-DD, or an ISO 8601 time)
  --limit N     at most N decisions (default ${DEFAULT_LIMIT})
  --json        print the records as a JSON array (owner, repo, pr, headSha, policy,
                conclusion, title, tier, agents, rules, gates, counted, ignored,
                override, at)
  -h, --help    show this help

Environment:
  DATABASE_URL         PostgreSQL ledger; else the SQLite ledger in
  GOVERNANCE_DATA_DIR  (default ./data)

Exit codes:
  0  decisions listed
  1  no decision matches
  2  error: no ledger, bad usage
`,
  options: {
    since: { type: "string" },
    limit: { type: "string" },
    json: { type: "boolean" },
  },
  maxPositionals: 1,
  async run({ values, positionals }, io) {
    const parsed = positionals[0] === undefined ? await targetFromRemote(io.cwd) : parseTarget(positionals[0], { pr: "optional", repo: "optional" });
    if (!parsed.ok) return fail(io, parsed.message);
    const since = parseSince(values.since);
    if (!since.ok) return fail(io, since.message);
    const limit = values.limit === undefined ? DEFAULT_LIMIT : Number(values.limit);
    if (!Number.isSafeInteger(limit) || limit < 1) return fail(io, `--limit '${String(values.limit)}' is not a positive whole number`);

    const opened = await openCliLedger(io, { mustExist: true });
    if (!opened.ok) return fail(io, opened.message);
    const { owner, repo, pr } = parsed.target;
    let records: DecisionRecord[];
    try {
      records = await opened.ledger.decisions({
        owner,
        ...(repo === undefined ? {} : { repo }),
        ...(pr === undefined ? {} : { pr }),
        ...(since.since === null ? {} : { since: since.since }),
        limit,
      });
    } finally {
      await opened.ledger.close();
    }
    if (values.json) io.stdout.write(`${JSON.stringify(records, null, 2)}\n`);
    else if (records.length === 0) io.stdout.write(`${describeTarget(parsed.target)}: no decisions in the ledger${since.since ? ` since ${since.since.toISOString()}` : ""}\n`);
    else io.stdout.write(renderAudit(records, repo === undefined));
    return records.length > 0 ? EXIT.ok : EXIT.failed;
  },
};

/** One row per decision; `withRepo` when several repositories are listed. */
export function renderAudit(records: readonly DecisionRecord[], withRepo: boolean): string {
  const header = ["TIME", "PR", "HEAD", "CONCLUSION", "TIER", "POLICY", "RULES MET", "APPROVED BY", "IGNORED"];
  const rows = records.map((record) => [
    shortTime(record.at),
    withRepo ? `${record.repo}#${record.pr}` : `#${record.pr}`,
    shortSha(record.headSha),
    conclusionCell(record),
    record.tier,
    policyCell(record),
    rulesCell(record),
    listCell(record.counted.map((approver) => `@${approver.login} (${approver.rule})`)),
    // Named per rule: "@carol (senior approval): not-in-team" is no contradiction when she counted for another rule.
    listCell(record.ignored.map((approver) => `@${approver.login} (${approver.rule}): ${approver.reason}`)),
  ]);
  return textTable(header, rows);
}

function conclusionCell(record: DecisionRecord): string {
  if (record.override === null) return record.conclusion;
  const by = record.override.by ? ` by @${record.override.by}` : "";
  return `${record.conclusion} (${record.override.applied ? "overridden" : "override refused"}${by})`;
}

/** "repository@b7e1c1a": which kind of policy, and the blob that pins its version. */
function policyCell(record: DecisionRecord): string {
  const blobs = record.policy.blobShas.map(shortSha).join("+");
  return blobs ? `${record.policy.kind}@${blobs}` : record.policy.kind;
}

function rulesCell(record: DecisionRecord): string {
  const applicable = record.rules.filter((rule) => rule.status !== "not-applicable");
  if (applicable.length === 0) return "-";
  const met = applicable.filter((rule) => rule.status === "met").map((rule) => rule.name);
  return `${met.length}/${applicable.length}${met.length > 0 ? ` ${met.join(", ")}` : ""}`;
}

function listCell(items: readonly string[]): string {
  return items.length === 0 ? "-" : [...new Set(items)].join(", ");
}

function fail(io: CliIo, message: string): number {
  io.stderr.write(`agent-governance audit: ${message}\n`);
  return EXIT.error;
}

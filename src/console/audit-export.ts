/**
 * The audit exports: JSON is exactly `agent-governance audit --json` (the ledger's records);
 * CSV flattens the same records one decision per row. Cells that a spreadsheet would run as a
 * formula (= + - @ at the start) are prefixed with a quote: titles and logins are user input.
 */
import type { DecisionRecord } from "../ledger/index.js";

const COLUMNS = ["time", "owner", "repo", "pr", "head_sha", "conclusion", "title", "ai_assisted", "tier", "agents", "policy_kind", "policy", "policy_blobs", "rules_met", "approved_by", "ignored", "override"] as const;

export function auditJson(records: readonly DecisionRecord[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

export function auditCsv(records: readonly DecisionRecord[]): string {
  const rows = records.map((r) => [
    r.at.toISOString(),
    r.owner,
    r.repo,
    String(r.pr),
    r.headSha,
    r.conclusion,
    r.title,
    r.aiAssisted ? "true" : "false",
    r.tier,
    r.agents.join(" "),
    r.policy.kind,
    r.policy.description,
    r.policy.blobShas.join(" "),
    r.rules.filter((rule) => rule.status === "met").map((rule) => rule.name).join("; "),
    [...new Set(r.counted.map((c) => c.login))].join(" "),
    r.ignored.map((i) => `${i.login}:${i.reason}`).join(" "),
    r.override ? `${r.override.applied ? "applied" : "refused"}${r.override.by ? ` by ${r.override.by}` : ""}` : "",
  ]);
  return [COLUMNS.join(","), ...rows.map((row) => row.map(csvCell).join(","))].join("\r\n") + "\r\n";
}

export function csvCell(value: string): string {
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}

/** The three renderings of a judged history (`agent-governance detect`): text, JSON, CSV. */
import type { HistorySummary, JudgedCommit } from "../detect/history.js";
import { textTable } from "./text-table.js";

const percent = (part: number, whole: number) => (whole === 0 ? "0%" : `${((part / whole) * 100).toFixed(1)}%`);

export function historyText(summary: HistorySummary, scope: string): string {
  const parts = [`${scope}: ${summary.aiCommits} of ${summary.commits} commits AI-assisted (${percent(summary.aiCommits, summary.commits)})`];
  if (summary.months.length > 0) {
    parts.push(
      "by month:\n" +
        indent(textTable(["month", "commits", "AI-assisted", "share"], summary.months.map((m) => [m.month, String(m.commits), String(m.aiCommits), percent(m.aiCommits, m.commits)]))),
    );
  }
  if (summary.agents.length > 0) {
    parts.push(
      "by agent:\n" +
        indent(
          textTable(
            ["agent", "commits", "rules"],
            summary.agents.map((a) => [a.agent, String(a.commits), Object.entries(a.rules).map(([rule, n]) => `${rule} ${n}`).join(", ")]),
          ),
        ),
    );
  }
  if (summary.rules.length > 0) {
    parts.push("by rule:\n" + indent(textTable(["rule", "confidence", "commits"], summary.rules.map((r) => [r.rule, r.confidence, String(r.commits)]))));
  }
  return `${parts.join("\n\n")}\n`;
}

function indent(text: string): string {
  return text.trimEnd().replace(/^(?=.)/gm, "  ");
}

export function historyJson(summary: HistorySummary): string {
  const { judged, ...totals } = summary;
  return `${JSON.stringify(
    {
      ...totals,
      ai_commits: judged.filter((entry) => entry.detection.aiAssisted).map((entry) => ({
        sha: entry.sha,
        authored_at: entry.authoredAt,
        subject: entry.subject,
        agents: entry.detection.agents,
        rules: [...new Set(entry.detection.signals.filter((s) => s.counted).map((s) => s.rule))],
      })),
    },
    null,
    2,
  )}\n`;
}

/** One row per commit; every field quoted as RFC 4180 says, so subjects cannot break columns. */
export function historyCsv(summary: HistorySummary): string {
  const rows = [["sha", "authored_at", "month", "ai_assisted", "agents", "rules", "confidences", "subject"]];
  for (const entry of summary.judged) rows.push(csvRow(entry));
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

function csvRow(entry: JudgedCommit): string[] {
  const counted = entry.detection.signals.filter((s) => s.counted);
  return [
    entry.sha,
    entry.authoredAt,
    entry.month,
    String(entry.detection.aiAssisted),
    entry.detection.agents.join(" "),
    [...new Set(counted.map((s) => s.rule))].join(" "),
    [...new Set(counted.map((s) => s.confidence))].join(" "),
    entry.subject,
  ];
}

function csvField(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets: commit subjects are hostile input.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function commitExplanation(entry: JudgedCommit): string {
  const lines = [`${entry.sha} ${entry.subject}`, `authored ${entry.authoredAt}: ${entry.detection.aiAssisted ? `AI-assisted (${entry.detection.agents.join(", ")})` : "no counted AI signal"}`];
  if (entry.detection.signals.length === 0) lines.push("  no signal");
  for (const signal of entry.detection.signals) {
    lines.push(`  ${signal.confidence} · ${signal.rule} · ${signal.agent}: ${signal.detail}${signal.counted ? "" : " (not counted)"}`);
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The few lines of a check run summary that explain its verdict in a terminal: the rules and
 * what they still need, approvals that did not count and why, failed gates, policy errors,
 * the agents' tiers and the signals that made the PR AI-assisted. Read back from the Markdown
 * the app wrote, so the demo shows exactly what a reviewer sees on GitHub. Pure.
 */

export interface ExplanationLine {
  kind: "rule" | "ignored" | "gate" | "policy-error" | "agent" | "signal";
  text: string;
}

/** Markdown and HTML of one summary fragment as plain text. */
export function plain(markdown: string): string {
  return markdown
    .replace(/<\/?code>/g, "")
    .replace(/\*\*/g, "")
    .replace(/\\([\\`*_[\]|])/g, "$1")
    .replace(/&#124;/g, "|")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** The Markdown under `### heading`, up to the next heading. */
function section(summary: string, heading: string): string[] {
  const lines = summary.split("\n");
  const start = lines.findIndex((line) => line.trim() === `### ${heading}`);
  if (start < 0) return [];
  const body: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (/^#{2,3} /.test(line)) break;
    body.push(line);
  }
  return body;
}

/** Cells of the data rows of the first table in `lines` (header and rule skipped). */
function tableRows(lines: string[]): string[][] {
  const rows = lines.filter((line) => line.startsWith("| ")).slice(2);
  return rows.map((row) =>
    row
      .slice(2, -2)
      .split(/(?<!\\) \| /)
      .map(plain),
  );
}

const bullets = (lines: string[]): string[] => lines.filter((line) => line.startsWith("- ")).map((line) => plain(line.slice(2)));

export function explain(summary: string): ExplanationLine[] {
  const out: ExplanationLine[] = [];
  for (const [rule, status, needs, , approvedBy] of tableRows(section(summary, "Rules"))) {
    const name = rule.replace(/^\S+\s/, "");
    const detail = status === "met" ? `met (${needs}${approvedBy && approvedBy !== "—" ? `, approved by ${approvedBy}` : ""})` : `${status}: ${needs}`;
    out.push({ kind: "rule", text: `${name} — ${detail}` });
  }
  for (const text of bullets(section(summary, "Approvals that did not count"))) out.push({ kind: "ignored", text });
  for (const [gate, status, detail] of tableRows(section(summary, "Gates"))) {
    if (status !== "passed") out.push({ kind: "gate", text: `${gate.replace(/^\S+\s/, "")} ${status}: ${detail}` });
  }
  for (const text of bullets(section(summary, "Policy errors"))) out.push({ kind: "policy-error", text });
  for (const text of bullets(section(summary, "Agents"))) out.push({ kind: "agent", text });
  const signals = tableRows(section(summary, "AI signals"));
  for (const [where, confidence, rule, agent, detail] of signals.slice(0, 3)) {
    out.push({ kind: "signal", text: `${where}: ${rule} (${confidence}, ${agent}) ${detail}` });
  }
  if (signals.length > 3) out.push({ kind: "signal", text: `… and ${signals.length - 3} more` });
  return out;
}

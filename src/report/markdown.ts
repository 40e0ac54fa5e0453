/**
 * Markdown building blocks for the check run summary. Everything that comes from a commit,
 * a file name or a policy is escaped: "Claude <noreply@anthropic.com>" would otherwise be
 * swallowed as an HTML tag, and a "|" would break a table.
 */
import type { Conclusion } from "../policy/decision.js";

/** How every rendering marks a conclusion. */
export const CONCLUSION_ICON: Record<Conclusion, string> = { success: "✅", action_required: "⏳", failure: "❌", in_progress: "🔄" };

/** Text safe inside a table cell or a list item. */
export function escape(text: string): string {
  return text
    .replace(/\r?\n|\r/g, " ")
    .replace(/([\\`*_[\]])/g, "\\$1")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|");
}

export function code(text: string): string {
  return `<code>${text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "&#124;")}</code>`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => " --- ").join("|")}|`];
  for (const row of rows) lines.push(`| ${row.join(" | ")} |`);
  return lines.join("\n");
}

export function details(summary: string, body: string): string {
  return `<details><summary>${summary}</summary>\n\n${body}\n\n</details>`;
}

/** The first `limit` items, with a line saying how many were left out. */
export function capped<T>(items: readonly T[], limit: number): { shown: readonly T[]; more: number } {
  return items.length > limit ? { shown: items.slice(0, limit), more: items.length - limit } : { shown: items, more: 0 };
}

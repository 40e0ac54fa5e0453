export { textTable } from "../report/text-table.js";

/** "2025-05-01 12:00Z": minutes are enough to find a decision, and fit a column. */
export function shortTime(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

export function shortSha(sha: string | null | undefined): string {
  return sha ? sha.slice(0, 7) : "-";
}

import { count } from "../../config/schema-parts.js";
import { type Gate, gate } from "./gate.js";

/** Additions + deletions over all files; a failure names the largest files. */
export const maxChangedLines: Gate<number> = ({ facts, changedLines }, limit) => {
  if (changedLines <= limit) {
    return { name: "max_changed_lines", status: "passed", reason: { code: "changed-lines-within", changed: changedLines, limit } };
  }
  const largest = [...facts.files]
    .sort((a, b) => b.additions + b.deletions - (a.additions + a.deletions))
    .slice(0, 5)
    .map(({ path, additions, deletions }) => ({ path, additions, deletions }));
  return { name: "max_changed_lines", status: "failed", reason: { code: "changed-lines-over", changed: changedLines, limit, largest } };
};

export const maxChangedLinesGate = gate(
  "max_changed_lines",
  count("Fail when the pull request changes more lines than this (additions + deletions).", 1),
  maxChangedLines,
);

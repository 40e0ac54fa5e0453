import { count } from "../../config/schema-parts.js";
import { condition, type Predicate } from "./predicate.js";

/** At least this many lines changed (additions + deletions). */
export const minChangedLines: Predicate<number> = ({ changedLines }, minimum) => ({
  holds: changedLines >= minimum,
  why: { code: "changed-lines", changed: changedLines, minimum },
});

export const minChangedLinesCondition = condition(
  "min_changed_lines",
  count("Holds when the pull request changes at least this many lines (additions + deletions).", 0),
  minChangedLines,
);

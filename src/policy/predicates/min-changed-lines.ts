import type { Predicate } from "./predicate.js";

/** At least this many lines changed (additions + deletions). */
export const minChangedLines: Predicate<number> = ({ changedLines }, minimum) => ({
  holds: changedLines >= minimum,
  why: { code: "changed-lines", changed: changedLines, minimum },
});

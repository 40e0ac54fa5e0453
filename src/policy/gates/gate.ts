import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";

/** A quality gate on AI-assisted PRs: `(context, its config) → result`. */
export type Gate<Config> = (context: EvaluationContext, config: Config) => GateResult;

/** "a, b, c and 4 more" for one-line details; the full list stays in `offenders`. */
export function named(items: readonly string[], limit = 3): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

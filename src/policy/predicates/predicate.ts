import type { EvaluationContext } from "../context.js";

/** One `when` condition's verdict, with a line for the summary saying why. */
export interface PredicateResult {
  holds: boolean;
  why: string;
}

export type Predicate<Arg> = (context: EvaluationContext, arg: Arg) => PredicateResult;

/** "a, b and c" for short lists in explanations. */
export function listed(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

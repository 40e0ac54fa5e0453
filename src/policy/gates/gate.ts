import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";
import { listed } from "../listing.js";

/** A quality gate on AI-assisted PRs: `(context, its config) → result`. */
export type Gate<Config> = (context: EvaluationContext, config: Config) => GateResult;

/** Gate details name at most three offenders; the full list stays in `offenders`. */
export const named = (items: readonly string[]): string => listed(items, 3);

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

import type { EvaluationContext } from "../context.js";
import type { ConditionReason } from "../reasons.js";

/** One `when` condition's verdict, with the reason the summary explains it by. */
export interface PredicateResult {
  holds: boolean;
  why: ConditionReason;
}

export type Predicate<Arg> = (context: EvaluationContext, arg: Arg) => PredicateResult;

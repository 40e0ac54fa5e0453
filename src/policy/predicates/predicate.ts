import type { EvaluationContext } from "../context.js";

/** One `when` condition's verdict, with a line for the summary saying why. */
export interface PredicateResult {
  holds: boolean;
  why: string;
}

export type Predicate<Arg> = (context: EvaluationContext, arg: Arg) => PredicateResult;

import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";

/** A quality gate on AI-assisted PRs: `(context, its config) → result`. */
export type Gate<Config> = (context: EvaluationContext, config: Config) => GateResult;

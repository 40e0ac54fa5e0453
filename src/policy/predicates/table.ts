/**
 * Every `when` condition, in the order the summary explains them. Adding a condition is one
 * new file and one row here (plus the schema in src/config).
 */
import type { RuleCondition } from "../../config/policy.js";
import type { EvaluationContext } from "../context.js";
import type { ConditionReason } from "../reasons.js";
import { agents } from "./agents.js";
import { ai } from "./ai.js";
import { base } from "./base.js";
import { labels } from "./labels.js";
import { minChangedLines } from "./min-changed-lines.js";
import { paths } from "./paths.js";
import type { Predicate, PredicateResult } from "./predicate.js";
import { tier } from "./tier.js";

type PredicateTable = { [Key in keyof RuleCondition]-?: Predicate<NonNullable<RuleCondition[Key]>> };

export const PREDICATES: PredicateTable = {
  ai,
  agents,
  paths,
  base,
  labels,
  tier,
  min_changed_lines: minChangedLines,
};

/** A rule applies when every condition present in `when` holds; each explains itself. */
export function judgeConditions(
  context: EvaluationContext,
  when: RuleCondition,
): { applies: boolean; why: ConditionReason[] } {
  let applies = true;
  const why: ConditionReason[] = [];
  for (const key of Object.keys(PREDICATES) as (keyof RuleCondition)[]) {
    const arg = when[key];
    if (arg === undefined || arg === null) continue;
    const predicate = PREDICATES[key] as Predicate<typeof arg>;
    const result: PredicateResult = predicate(context, arg);
    applies &&= result.holds;
    why.push(result.why);
  }
  return { applies, why };
}

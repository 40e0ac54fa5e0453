/**
 * Every `when` condition, in the order the summary explains them. This list is the one place
 * a condition is registered: the `when` part of the policy file's schema (and so its JSON
 * Schema and TypeScript types) is built from it. Adding a condition is one new file and one
 * line here.
 */
import { type Static, type TOptional, Type } from "@sinclair/typebox";
import { mapping } from "../../config/schema-parts.js";
import type { EvaluationContext } from "../context.js";
import type { ConditionReason } from "../reasons.js";
import { agentsCondition } from "./agents.js";
import { aiCondition } from "./ai.js";
import { baseCondition } from "./base.js";
import { labelsCondition } from "./labels.js";
import { minChangedLinesCondition } from "./min-changed-lines.js";
import { pathsCondition } from "./paths.js";
import type { Predicate, PredicateResult } from "./predicate.js";
import { tierCondition } from "./tier.js";

export const CONDITIONS = [
  aiCondition,
  agentsCondition,
  pathsCondition,
  baseCondition,
  labelsCondition,
  tierCondition,
  minChangedLinesCondition,
] as const;

type Declared = (typeof CONDITIONS)[number];
type WhenProperties = { [Entry in Declared as Entry["key"]]: TOptional<Entry["schema"]> };

export const WHEN_SCHEMA = mapping(
  "Conditions that select the pull requests this rule applies to. All present conditions must hold. Default: `{ai: true}`.",
  Object.fromEntries(CONDITIONS.map(({ key, schema }) => [key, Type.Optional(schema)])) as WhenProperties,
);

/** A rule's `when` as written: every condition optional. */
export type When = Static<typeof WHEN_SCHEMA>;

/** A rule applies when every condition present in `when` holds; each explains itself. */
export function judgeConditions(context: EvaluationContext, when: When): { applies: boolean; why: ConditionReason[] } {
  let applies = true;
  const why: ConditionReason[] = [];
  for (const { key, judge } of CONDITIONS) {
    const arg = when[key];
    if (arg === undefined || arg === null) continue;
    const result: PredicateResult = (judge as Predicate<typeof arg>)(context, arg);
    applies &&= result.holds;
    why.push(result.why);
  }
  return { applies, why };
}

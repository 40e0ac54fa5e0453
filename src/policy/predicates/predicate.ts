import type { Static, TSchema } from "@sinclair/typebox";
import type { EvaluationContext } from "../context.js";
import type { ConditionReason } from "../reasons.js";

/** One `when` condition's verdict, with the reason the summary explains it by. */
export interface PredicateResult {
  holds: boolean;
  why: ConditionReason;
}

export type Predicate<Arg> = (context: EvaluationContext, arg: Arg) => PredicateResult;

/**
 * A `when` condition as the policy file declares it: its key, the schema of its value (which
 * becomes part of the policy file's JSON Schema and types) and the predicate that judges it.
 * The compiler checks that the predicate accepts exactly what the schema lets through.
 */
export interface Condition<Key extends string = string, Schema extends TSchema = TSchema> {
  key: Key;
  schema: Schema;
  judge: Predicate<Static<Schema>>;
}

export function condition<const Key extends string, Schema extends TSchema>(
  key: Key,
  schema: Schema,
  judge: Predicate<Static<Schema>>,
): Condition<Key, Schema> {
  return { key, schema, judge };
}

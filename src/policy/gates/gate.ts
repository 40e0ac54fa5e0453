import type { Static, TSchema } from "@sinclair/typebox";
import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";
import { listed } from "../listing.js";

/** A quality gate on AI-assisted PRs: `(context, its config) → result`. */
export type Gate<Config> = (context: EvaluationContext, config: Config) => GateResult;

/**
 * A gate as the policy file declares it: its key under `gates`, the schema of its value (part
 * of the policy file's JSON Schema and types) and the gate itself, which the compiler checks
 * accepts exactly what the schema lets through.
 */
export interface GateDeclaration<Key extends string = string, Schema extends TSchema = TSchema> {
  key: Key;
  schema: Schema;
  run: Gate<Static<Schema>>;
}

export function gate<const Key extends string, Schema extends TSchema>(
  key: Key,
  schema: Schema,
  run: Gate<Static<Schema>>,
): GateDeclaration<Key, Schema> {
  return { key, schema, run };
}

/** Gate details name at most three offenders; the full list stays in `offenders`. */
export const named = (items: readonly string[]): string => listed(items, 3);

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

import { type Static, type TObject, type TOptional, type TProperties, type TSchema, Type } from "@sinclair/typebox";
import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";

/** A quality gate on AI-assisted PRs: `(context, its config) → result`. */
export type Gate<Config> = (context: EvaluationContext, config: Config) => GateResult;

/**
 * A gate as the policy file declares it: the keys it reads under `gates` with their schemas
 * (part of the policy file's JSON Schema and types), how those settings turn into the gate's
 * configuration (undefined: the gate is off), and the gate itself. The compiler checks that
 * the three agree.
 */
export interface GateDeclaration<Properties extends TProperties = TProperties, Config = never> {
  properties: Properties;
  configured: (settings: Static<TObject<Properties>>) => Config | undefined;
  run: Gate<Config>;
}

export function gateOf<Properties extends TProperties, Config>(
  properties: Properties,
  configured: (settings: Static<TObject<Properties>>) => Config | undefined,
  run: Gate<Config>,
): GateDeclaration<Properties, Config> {
  return { properties, configured, run };
}

/** `false`, an empty list or nothing at all leaves a gate off: an empty gate would only ever pass. */
function isOn(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0);
}

/** The usual gate: one key under `gates`, whose value is the gate's configuration. */
export function gate<const Key extends string, Schema extends TSchema>(
  key: Key,
  schema: Schema,
  run: Gate<Static<Schema>>,
): GateDeclaration<{ [Name in Key]: TOptional<Schema> }, Static<Schema>> {
  const properties = { [key]: Type.Optional(schema) } as unknown as { [Name in Key]: TOptional<Schema> };
  const configured = (settings: Record<string, unknown>) => (isOn(settings[key]) ? (settings[key] as Static<Schema>) : undefined);
  return { properties, configured, run };
}


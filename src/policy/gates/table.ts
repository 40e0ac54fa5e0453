/**
 * Every gate, in the order they run and the summary lists them. This list is the one place a
 * gate is registered: the `gates` part of the policy file's schema (and so its JSON Schema
 * and TypeScript types) is built from it. Adding a gate is one new file and one line here.
 */
import { type Static, type TOptional, Type } from "@sinclair/typebox";
import { mapping } from "../../config/schema-parts.js";
import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";
import { forbidAgentSignoffGate } from "./forbid-agent-signoff.js";
import { forbiddenPathsGate } from "./forbidden-paths.js";
import type { Gate } from "./gate.js";
import { maxChangedFilesGate } from "./max-changed-files.js";
import { maxChangedLinesGate } from "./max-changed-lines.js";
import { requiredChecksGate } from "./required-checks.js";
import { testsGate } from "./tests.js";

export const GATES = [
  maxChangedLinesGate,
  maxChangedFilesGate,
  forbiddenPathsGate,
  testsGate,
  forbidAgentSignoffGate,
  requiredChecksGate,
] as const;

type Declared = (typeof GATES)[number];
type GatesProperties = { [Entry in Declared as Entry["key"]]: TOptional<Entry["schema"]> };

export const GATES_SCHEMA = mapping(
  "Automated quality gates on AI-assisted pull requests.",
  Object.fromEntries(GATES.map(({ key, schema }) => [key, Type.Optional(schema)])) as GatesProperties,
);

/** The `gates` section as written: every gate optional. */
export type GatesSettings = Static<typeof GATES_SCHEMA>;

/** `false`, an empty list or nothing at all leaves a gate off: an empty gate would only ever pass. */
function configured(value: unknown): boolean {
  return value !== undefined && value !== null && value !== false && !(Array.isArray(value) && value.length === 0);
}

export function runGates(context: EvaluationContext, gates: GatesSettings): GateResult[] {
  const results: GateResult[] = [];
  for (const { key, run } of GATES) {
    const config = gates[key];
    if (configured(config)) results.push((run as Gate<typeof config>)(context, config));
  }
  return results;
}

/**
 * Every gate, in the order they run and the summary lists them. This list is the one place a
 * gate is registered: the `gates` part of the policy file's schema (and so its JSON Schema
 * and TypeScript types) is built from it. Adding a gate is one new file and one line here.
 */
import type { Static } from "@sinclair/typebox";
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
type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer All) => void ? All : never;
type GatesProperties = { [Key in keyof Intersection<Declared["properties"]>]: Intersection<Declared["properties"]>[Key] };

export const GATES_SCHEMA = mapping(
  "Automated quality gates on AI-assisted pull requests.",
  Object.assign({}, ...GATES.map((declared) => declared.properties)) as GatesProperties,
);

/** The `gates` section as written: every setting optional. */
export type GatesSettings = Static<typeof GATES_SCHEMA>;

export function runGates(context: EvaluationContext, gates: GatesSettings): GateResult[] {
  const results: GateResult[] = [];
  for (const declared of GATES) {
    const config = (declared.configured as (settings: GatesSettings) => unknown)(gates);
    if (config !== undefined) results.push((declared.run as Gate<unknown>)(context, config));
  }
  return results;
}

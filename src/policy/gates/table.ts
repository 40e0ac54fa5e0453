/** Every gate, in the order the summary lists them; a gate runs only when configured. */
import type { Gates } from "../../config/policy.js";
import type { EvaluationContext } from "../context.js";
import type { GateResult } from "../decision.js";
import { forbidAgentSignoff } from "./forbid-agent-signoff.js";
import { forbiddenPaths } from "./forbidden-paths.js";
import type { Gate } from "./gate.js";
import { maxChangedFiles } from "./max-changed-files.js";
import { maxChangedLines } from "./max-changed-lines.js";
import { requiredChecks } from "./required-checks.js";
import { tests } from "./tests.js";

interface GateRow<Config> {
  configured: (gates: Gates) => Config | undefined;
  run: Gate<Config>;
}

function row<Config>(configured: (gates: Gates) => Config | undefined, run: Gate<Config>): GateRow<unknown> {
  return { configured, run } as GateRow<unknown>;
}

const nonEmpty = (list: string[]) => (list.length > 0 ? list : undefined);

export const GATES: GateRow<unknown>[] = [
  row((gates) => gates.max_changed_lines, maxChangedLines),
  row((gates) => gates.max_changed_files, maxChangedFiles),
  row(
    (gates) =>
      nonEmpty(gates.forbidden_paths) && { patterns: gates.forbidden_paths, caseSensitive: gates.forbidden_paths_case_sensitive === true },
    forbiddenPaths,
  ),
  row((gates) => gates.tests, tests),
  row((gates) => (gates.forbid_agent_signoff ? true : undefined), forbidAgentSignoff),
  row((gates) => nonEmpty(gates.required_checks), requiredChecks),
];

export function runGates(context: EvaluationContext, gates: Gates): GateResult[] {
  const results: GateResult[] = [];
  for (const gate of GATES) {
    const config = gate.configured(gates);
    if (config !== undefined && config !== null) results.push(gate.run(context, config));
  }
  return results;
}

/**
 * The pure engine: (policy, facts, trust) → decision. No I/O, never throws for user input.
 * See `engine.ts` for the evaluation and SPEC §4–§5 for what it implements.
 */
import type { LoadedPolicy } from "../config/policy.js";
import { DEFAULT_POLICY, validatePolicyBlob } from "../config/load.js";
import { agentSignOffs, detectCommit, detectPullRequest } from "../detect/detect.js";
import type { PullRequestFacts } from "../facts.js";
import type { Decision, Trust } from "./decision.js";
import { evaluateWith } from "./engine.js";

export { directoryQuestions } from "./directory-questions.js";

const engine = evaluateWith({
  detectPullRequest,
  detectCommit,
  agentSignOffs,
  validatePolicyBlob,
  fallbackPolicy: () => DEFAULT_POLICY,
});

export function evaluate(loaded: LoadedPolicy, facts: PullRequestFacts, trust: Trust): Decision {
  return engine(loaded, facts, trust);
}

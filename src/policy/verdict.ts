/**
 * The conclusion and its headline. Precedence: failure (a pull request GitHub did not list
 * in full, invalid policy, failed gate, changes requested) > in_progress (required checks
 * pending) > action_required (waiting for approvals) > success. An applied override turns anything into success, loudly.
 */
import type { PolicyError } from "../config/policy.js";
import type { Detection } from "../detect/types.js";
import type { Conclusion, Decision, GateResult, RuleResult, Unread } from "./decision.js";
import type { Headline, Problem } from "./reasons.js";

export interface VerdictInput {
  baseErrors: readonly PolicyError[];
  newPolicyErrors: readonly PolicyError[];
  rules: readonly RuleResult[];
  gates: readonly GateResult[];
  override: Decision["override"];
  detection: Detection;
  unread?: readonly Unread[];
}

export function verdict(input: VerdictInput): { conclusion: Conclusion; headline: Headline } {
  if (input.override?.applied) return { conclusion: "success", headline: { code: "overridden", by: input.override.by } };

  const problems: Problem[] = [];
  for (const part of input.unread ?? []) problems.push({ code: "unread", ...part });
  if (input.baseErrors.length > 0) problems.push({ code: "policy-invalid", errors: input.baseErrors.length });
  if (input.newPolicyErrors.length > 0) problems.push({ code: "new-policy-invalid", errors: input.newPolicyErrors.length });
  for (const gate of input.gates) if (gate.status === "failed") problems.push({ code: "gate-failed", gate: gate.reason });
  for (const rule of input.rules) {
    if (rule.status === "failed" && rule.needs?.code === "changes-requested") {
      problems.push({ code: "changes-requested", by: rule.needs.by, rule: rule.name });
    }
  }
  if (problems.length > 0) return { conclusion: "failure", headline: { code: "problems", problems } };

  const pending = input.gates.flatMap((gate) => (gate.status === "pending" && gate.reason.code === "required-checks-pending" ? gate.reason.checks : []));
  if (pending.length > 0) return { conclusion: "in_progress", headline: { code: "checks-pending", checks: pending } };

  const waiting = input.rules.filter((rule) => rule.status === "waiting");
  if (waiting.length > 0) {
    const first = waiting[0];
    return {
      conclusion: "action_required",
      headline: { code: "approvals-waiting", missing: first.required - first.counted.length, from: first.eligible, otherRules: waiting.length - 1 },
    };
  }

  const approvers = [...new Set(input.rules.filter((rule) => rule.required > 0).flatMap((rule) => rule.counted.map((r) => r.login)))];
  if (approvers.length > 0) return { conclusion: "success", headline: { code: "approved", by: approvers } };
  return { conclusion: "success", headline: { code: input.detection.aiAssisted ? "passed-ai-assisted" : "passed-no-ai" } };
}

/**
 * The conclusion and its one-line title. Precedence: failure (invalid policy, failed gate,
 * changes requested) > in_progress (required checks pending) > action_required (waiting for
 * approvals) > success. An applied override turns anything into success, loudly.
 */
import type { PolicyError } from "../config/policy.js";
import type { Detection } from "../detect/types.js";
import type { Conclusion, Decision, GateResult, RuleResult, Unread } from "./decision.js";

export interface VerdictInput {
  baseErrors: readonly PolicyError[];
  newPolicyErrors: readonly PolicyError[];
  rules: readonly RuleResult[];
  gates: readonly GateResult[];
  override: Decision["override"];
  detection: Detection;
  unread?: readonly Unread[];
}

const TITLE_LIMIT = 200;

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > TITLE_LIMIT ? `${flat.slice(0, TITLE_LIMIT - 1)}…` : flat;
}

function withMore(first: string, others: number, noun: string): string {
  return others > 0 ? `${first} (and ${count(others, noun)})` : first;
}

/** "GitHub listed 3000 of 3006 files". */
export function describeUnread({ what, read, total }: Unread): string {
  return `GitHub listed ${read} of ${total} ${what}`;
}

export function verdict(input: VerdictInput): { conclusion: Conclusion; title: string } {
  const { conclusion, title } = rawVerdict(input);
  return { conclusion, title: oneLine(title) };
}

function rawVerdict(input: VerdictInput): { conclusion: Conclusion; title: string } {
  if (input.override?.applied) return { conclusion: "success", title: `Overridden by @${input.override.by}` };

  const problems: string[] = [];
  for (const part of input.unread ?? []) problems.push(`Could not read the whole pull request: ${describeUnread(part)}`);
  if (input.baseErrors.length > 0) problems.push(`Policy is invalid — ${count(input.baseErrors.length, "error")}`);
  if (input.newPolicyErrors.length > 0) {
    problems.push(`The new policy is invalid — ${count(input.newPolicyErrors.length, "error")}`);
  }
  for (const gate of input.gates) if (gate.status === "failed") problems.push(`Gate failed: ${gate.detail}`);
  for (const rule of input.rules) {
    if (rule.status === "failed") problems.push(`${rule.needs.replace(/^c/, "C")} (${rule.name})`);
  }
  if (problems.length > 0) {
    return { conclusion: "failure", title: withMore(problems[0], problems.length - 1, "more problem") };
  }

  const pending = input.gates.filter((gate) => gate.status === "pending");
  if (pending.length > 0) {
    return { conclusion: "in_progress", title: `Waiting for required checks: ${pending.map((gate) => gate.offenders.join(", ")).join(", ")}` };
  }

  const waiting = input.rules.filter((rule) => rule.status === "waiting");
  if (waiting.length > 0) {
    const first = waiting[0];
    const missing = first.required - first.counted.length;
    const title = `Waiting for ${count(missing, "approval")} from ${first.eligible.join(" or ")}`;
    return { conclusion: "action_required", title: withMore(title, waiting.length - 1, "more rule") };
  }

  const approvers = [...new Set(input.rules.filter((rule) => rule.required > 0).flatMap((rule) => rule.counted.map((r) => r.login)))];
  if (approvers.length > 0) {
    return { conclusion: "success", title: `Passed: approved by ${approvers.map((login) => `@${login}`).join(", ")}` };
  }
  if (input.detection.aiAssisted) {
    return { conclusion: "success", title: "Passed: AI-assisted, no rule requires an approval" };
  }
  return { conclusion: "success", title: "Passed: no AI involvement detected" };
}

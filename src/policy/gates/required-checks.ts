/**
 * Other check runs and statuses that must succeed on the head commit: pending while any is
 * running or has not reported yet, failed as soon as one finished without success.
 */
import { strings } from "../../config/schema-parts.js";
import type { CheckFacts } from "../../facts.js";
import { type Gate, gate } from "./gate.js";
import type { CheckState } from "../reasons.js";

const PASSING = new Set(["success", "neutral", "skipped"]);

export const requiredChecks: Gate<string[]> = ({ facts }, names) => {
  const byName = new Map<string, CheckFacts[]>();
  for (const check of facts.checks) byName.set(check.name, [...(byName.get(check.name) ?? []), check]);
  const failed: CheckState[] = [];
  const pending: CheckState[] = [];
  for (const name of names) {
    const runs = byName.get(name) ?? [];
    const bad = runs.find((run) => run.status === "completed" && !PASSING.has(run.conclusion ?? ""));
    if (bad) failed.push({ name, state: "failed", conclusion: bad.conclusion ?? null });
    else if (runs.length === 0) pending.push({ name, state: "not-reported", conclusion: null });
    else if (runs.some((run) => run.status === "pending")) pending.push({ name, state: "pending", conclusion: null });
  }
  if (failed.length > 0) return { name: "required_checks", status: "failed", reason: { code: "required-checks-failed", checks: failed } };
  if (pending.length > 0) return { name: "required_checks", status: "pending", reason: { code: "required-checks-pending", checks: pending } };
  return { name: "required_checks", status: "passed", reason: { code: "required-checks-passed", names } };
};

export const requiredChecksGate = gate(
  "required_checks",
  strings("Other check runs or commit statuses that must succeed on the head commit.", { default: [], examples: [["build", "test"]] }),
  requiredChecks,
);

/**
 * One pull request's result as its check run would show it: the rendered output, or the
 * blocking failure that an evaluation error becomes. Siblings sharing a head commit and the
 * members of a merge group are combined from these (pure: no I/O).
 */
import type { Conclusion } from "../policy/decision.js";
import type { CheckRunOutput } from "./check-run.js";

export interface PullRequestResult {
  number: number;
  output: CheckRunOutput;
}

/** What the output tells a required status check; a completed run without one fails closed. */
export function conclusionOf(output: CheckRunOutput): Conclusion {
  return output.status === "in_progress" ? "in_progress" : (output.conclusion ?? "failure");
}

/** Strictest first: a failure blocks, in_progress waits on checks, action_required on people. */
const STRICTNESS: Record<Conclusion, number> = { failure: 3, in_progress: 2, action_required: 1, success: 0 };

export function stricter(a: Conclusion, b: Conclusion): boolean {
  return STRICTNESS[a] > STRICTNESS[b];
}

/**
 * The strictest result; among equals the lowest PR number, so every PR of a shared head
 * computes the same answer whichever of them was evaluated first.
 */
export function strictest(results: readonly PullRequestResult[]): PullRequestResult {
  if (results.length === 0) throw new Error("strictest: no results");
  return [...results].sort(
    (a, b) => STRICTNESS[conclusionOf(b.output)] - STRICTNESS[conclusionOf(a.output)] || a.number - b.number,
  )[0];
}

/** A blocking result for a PR that could not be evaluated. */
export function failedResult(number: number, problem: { title: string; summary: string }): PullRequestResult {
  return {
    number,
    output: { status: "completed", conclusion: "failure", title: problem.title, summary: problem.summary, annotations: [] },
  };
}

/**
 * The check run: a rendering of the decision within GitHub's limits. The
 * adapter sends the annotations 50 per request.
 */
import type { Decision, PolicyAnnotation } from "../policy/decision.js";
import type { Annotation, CheckRunOutput } from "../check-run-output.js";
import { decisionTitle } from "./reasons.js";
import { summarySections } from "./summary.js";

export type { Annotation, CheckRunOutput };

const ANNOTATION_TITLE: Record<PolicyAnnotation["about"], string> = {
  policy: "Policy is invalid",
  proposal: "The new policy is invalid",
};

function annotationOf({ about, ...place }: PolicyAnnotation): Annotation {
  return { ...place, annotation_level: "failure", title: ANNOTATION_TITLE[about] };
}

export const SUMMARY_LIMIT = 65_535;

export function renderCheckRun(decision: Decision): CheckRunOutput {
  const summary = fitSummary(summarySections(decision).join("\n\n"));
  const annotations = decision.annotations.map(annotationOf);
  const output: CheckRunOutput =
    decision.conclusion === "in_progress"
      ? { status: "in_progress", title: decisionTitle(decision), summary, annotations }
      : { status: "completed", conclusion: decision.conclusion, title: decisionTitle(decision), summary, annotations };
  return output;
}

/** Cut at a line boundary, close an open <details>, and say what was left out. */
export function fitSummary(markdown: string, limit = SUMMARY_LIMIT): string {
  if (markdown.length <= limit) return markdown;
  const note = (omitted: number) =>
    `\n\n---\n**Summary truncated**: ${omitted} characters left out (GitHub allows ${limit}). ` +
    "`agent-governance explain` prints the whole evaluation.";
  const room = limit - note(markdown.length).length - "\n\n</details>".length;
  const cut = Math.max(0, markdown.lastIndexOf("\n", room));
  let head = markdown.slice(0, cut);
  const opened = head.split("<details>").length - 1;
  const closed = head.split("</details>").length - 1;
  if (opened > closed) head += "\n\n</details>";
  return head + note(markdown.length - cut);
}

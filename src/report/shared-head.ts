/**
 * Several open pull requests with one head commit share one check run: it shows
 * the strictest of their results, and says which PR that came from. Pure, and independent
 * of which PR was evaluated first, so every sibling writes the same output and the check-run
 * memo keeps the second write from happening at all.
 */
import { fitSummary, type CheckRunOutput } from "./check-run.js";
import { CONCLUSION_ICON, escape, table } from "./markdown.js";
import { conclusionOf, strictest, type PullRequestResult } from "./pull-request-result.js";

const ICON = CONCLUSION_ICON;

/** `results` holds every open PR of the head, the evaluated one included. */
export function renderSharedHead(results: readonly PullRequestResult[]): CheckRunOutput {
  const shown = strictest(results);
  if (results.length === 1) return shown.output;
  const ordered = [...results].sort((a, b) => a.number - b.number);
  const rows = ordered.map((result) => {
    const conclusion = conclusionOf(result.output);
    const mark = result === shown ? " ← shown" : "";
    return [`#${result.number}`, `${ICON[conclusion]} ${conclusion}${mark}`, escape(result.output.title)];
  });
  const preface = [
    `**${results.length} open pull requests share this head commit** (${ordered.map((r) => `#${r.number}`).join(", ")}). ` +
      `One check run serves them all, so it shows the strictest of their results: **#${shown.number}**'s.`,
    table(["Pull request", "Result", "Title"], rows),
    "---",
  ].join("\n\n");
  return {
    ...shown.output,
    title: `#${shown.number}: ${shown.output.title}`,
    summary: fitSummary(`${preface}\n\n${shown.output.summary}`),
  };
}

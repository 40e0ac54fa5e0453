/**
 * The check run on a merge group's head commit: `success` only when every pull
 * request in the group passes on its own; otherwise `failure`, naming the PRs that do not.
 * A group whose members could not be found fails closed. Pure: results in, output out.
 */
import { fitSummary, type CheckRunOutput } from "./check-run.js";
import { CONCLUSION_ICON, code, details, escape, table } from "./markdown.js";
import { conclusionOf, type PullRequestResult } from "./pull-request-result.js";

const ICON = CONCLUSION_ICON;

export interface MergeGroupResults {
  /** The branch the group merges into. */
  base: string;
  /** One per pull request of the group, in queue order. */
  results: readonly PullRequestResult[];
  /** "head-ref": the queue no longer listed the group; its branch name gave its last PR only. */
  source: "merge-queue" | "head-ref";
}

const RULE =
  "Every pull request in a merge group must pass agent-governance on its own; each was evaluated " +
  "at its current head, exactly as its own check run shows it.";

export function renderMergeGroup(group: MergeGroupResults): CheckRunOutput {
  if (group.results.length === 0) {
    const title = "Merge group blocked: could not tell which pull requests it contains";
    return {
      status: "completed",
      conclusion: "failure",
      title,
      summary: [
        `## ❌ ${title}`,
        "Neither the merge queue nor the group's branch name identified its pull requests, so agent-governance " +
          "cannot vouch for them (it fails closed). Remove the pull requests from the queue and add them again.",
      ].join("\n\n"),
      annotations: [],
    };
  }
  const blocked = group.results.filter((result) => conclusionOf(result.output) !== "success");
  const names = (results: readonly PullRequestResult[]) => listed(results.map((result) => `#${result.number}`));
  const title =
    blocked.length === 0
      ? group.results.length === 1
        ? `Merge group passes: ${names(group.results)} passes on its own`
        : `Merge group passes: all ${group.results.length} pull requests pass on their own`
      : `Merge group blocked by ${names(blocked)}`;
  const rows = group.results.map((result) => {
    const conclusion = conclusionOf(result.output);
    return [`#${result.number}`, `${ICON[conclusion]} ${conclusion}`, escape(result.output.title)];
  });
  const sections = [
    `## ${blocked.length === 0 ? "✅" : "❌"} ${escape(title)}`,
    `${RULE} Merging into ${code(group.base)}.`,
    table(["Pull request", "Result", "Title"], rows),
  ];
  if (group.source === "head-ref") {
    sections.push(
      `_The merge queue no longer lists this group; its branch name names ${names(group.results)}, the only pull request evaluated._`,
    );
  }
  for (const result of blocked) {
    sections.push(details(`#${result.number}: ${escape(result.output.title)}`, result.output.summary));
  }
  return {
    status: "completed",
    conclusion: blocked.length === 0 ? "success" : "failure",
    title,
    summary: fitSummary(sections.join("\n\n")),
    annotations: [],
  };
}

/** "#1", "#1 and #2", "#1, #2 and #3". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

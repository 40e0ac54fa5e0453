import { describe, expect, it } from "@jest/globals";
import { lastPage } from "../../src/github/link-header.js";
import type { BackfillProgress } from "../../src/backfill/scan.js";
import { progressDisplay, progressLine } from "../../src/cli/progress.js";

const counts = { merged: 12, aiMerges: 4, reverts: 1, commits: 0 };
const at = (page: number, last: number | null, phase: BackfillProgress["phase"] = "pulls"): BackfillProgress => ({ phase, page, lastPage: last, counts });

function stream(isTTY: boolean) {
  const out = { text: "", isTTY, write: (chunk: string) => (out.text += chunk) };
  return out;
}

describe("the backfill's progress line", () => {
  it("shows the page out of the total with a bar, and the counts", () => {
    expect(progressLine(at(3, 12))).toBe("closed pull requests, page 3/12 [#####---------------] — merged PRs 12, AI merges recorded 4, reverts recorded 1, commits 0");
  });

  it("shows the page alone when the total is unknown", () => {
    expect(progressLine(at(3, null))).toMatch(/^closed pull requests, page 3 — /);
  });

  it("redraws one line in place on a terminal", () => {
    const out = stream(true);
    const display = progressDisplay(out);
    display.update(at(1, 2));
    display.update(at(2, 2));
    display.end();
    expect(out.text.split("\r\x1b[2K")).toHaveLength(3);
    expect(out.text.endsWith("\n")).toBe(true);
    expect(out.text.split("\n")).toHaveLength(2);
  });

  it("writes one line per page in a log", () => {
    const out = stream(false);
    const display = progressDisplay(out);
    for (const progress of [at(1, 2), at(1, 2), at(2, 2), at(1, 1, "commits")]) display.update(progress);
    expect(out.text.trimEnd().split("\n").map((line) => line.split(" —")[0])).toEqual([
      "closed pull requests, page 1/2 [##########----------]",
      "closed pull requests, page 2/2 [####################]",
      "default-branch commits, page 1/1 [####################]",
    ]);
  });

  it("prints a note above the bar on a terminal and redraws the bar", () => {
    const out = stream(true);
    const display = progressDisplay(out);
    display.update(at(1, 2));
    display.note("waiting 7s: rate limited");
    expect(out.text.endsWith(`waiting 7s: rate limited\n${progressLine(at(1, 2))}`)).toBe(true);
  });
});

describe("the last page from a Link header", () => {
  const link = (rels: Record<string, number>) =>
    Object.entries(rels)
      .map(([rel, page]) => `<https://api.github.com/repositories/1/pulls?state=closed&per_page=100&page=${page}>; rel="${rel}"`)
      .join(", ");

  it.each([
    ["rel=last names it", link({ next: 2, last: 9 }), 1, 9],
    ["no Link on page 1: the only page", undefined, 1, 1],
    ["a prev link and no last: this is the last page", link({ prev: 4, first: 1 }), 5, 5],
    ["no Link beyond page 1: unknown", undefined, 3, null],
  ])("%s", (_name, header, current, expected) => {
    expect(lastPage(header, current)).toBe(expected);
  });
});

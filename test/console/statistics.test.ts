import { describe, expect, it } from "@jest/globals";
import { auditCsv, csvCell } from "../../src/console/audit-export.js";
import { lastWeeks, quantile, weekStart } from "../../src/console/statistics.js";
import { waitsFrom } from "../../src/ledger/queries/approval-waits.js";

describe("statistics", () => {
  it("weeks start on Monday, UTC", () => {
    expect(weekStart(new Date("2026-06-07T23:59:00Z")).toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(lastWeeks(new Date("2026-06-03T00:00:00Z"), 2).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-05-25", "2026-06-01"]);
  });

  it.each([
    { values: [], q: 0.5, expected: null },
    { values: [5], q: 0.9, expected: 5 },
    { values: [4, 1, 3, 2], q: 0.5, expected: 2 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q: 0.9, expected: 9 },
  ])("quantile $q of $values is $expected (nearest rank)", ({ values, q, expected }) => {
    expect(quantile(values, q)).toBe(expected);
  });

  it("a wait runs from the first waiting decision to the first met one, per pull request and rule", () => {
    const at = (h: number) => new Date(Date.UTC(2026, 0, 1, h));
    const waits = waitsFrom([
      { repo: "api", pr: 1, at: at(1), rules: [{ name: "r", status: "waiting" }] },
      { repo: "api", pr: 2, at: at(2), rules: [{ name: "r", status: "waiting" }] },
      { repo: "api", pr: 1, at: at(3), rules: [{ name: "r", status: "waiting" }] },
      { repo: "api", pr: 1, at: at(5), rules: [{ name: "r", status: "met" }] },
      { repo: "api", pr: 1, at: at(6), rules: [{ name: "r", status: "met" }] },
    ]);
    expect(waits.map((w) => [w.pr, w.waitedMs / 3600_000])).toEqual([[1, 4]]);
  });
});

describe("CSV export", () => {
  it.each([
    ["=HYPERLINK(\"x\")", `"'=HYPERLINK(""x"")"`],
    ["+1", "'+1"],
    ["@alice", "'@alice"],
    ["a,b", `"a,b"`],
    ["plain", "plain"],
  ])("cell %s is written %s (formulas inert)", (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it("has a header row and one row per record", () => {
    expect(auditCsv([]).split("\r\n")[0]).toMatch(/^time,owner,repo,pr,head_sha,conclusion,title/);
  });
});

import { describe, expect, it } from "@jest/globals";
import { auditCsv, csvCell } from "../../src/console/audit-export.js";
import { lastWeeks, perWeek, quantile, weekStart } from "../../src/console/statistics.js";

describe("statistics", () => {
  it("weeks start on Monday, UTC", () => {
    expect(weekStart(new Date("2026-06-07T23:59:00Z")).toISOString()).toBe("2026-06-01T00:00:00.000Z");
    expect(lastWeeks(new Date("2026-06-03T00:00:00Z"), 2).map((d) => d.toISOString().slice(0, 10))).toEqual(["2026-05-25", "2026-06-01"]);
  });

  it.each(["1969-12-29T00:00:00Z", "1970-01-01T12:00:00Z", "2024-02-29T23:59:59.999Z", "2026-06-01T00:00:00Z", "2026-06-07T23:59:59.999Z", "2027-01-03T08:00:00Z"])(
    "the week of %s starts on the Monday before it",
    (at) => {
      const start = weekStart(new Date(at));
      expect([start.getUTCDay(), start.getUTCHours(), start.getUTCMinutes(), start.getUTCMilliseconds()]).toEqual([1, 0, 0, 0]);
      expect(new Date(at).getTime() - start.getTime()).toBeGreaterThanOrEqual(0);
      expect(new Date(at).getTime() - start.getTime()).toBeLessThan(7 * 24 * 3600 * 1000);
    },
  );

  it("buckets items per week, dropping those outside the weeks", () => {
    const weeks = lastWeeks(new Date("2026-06-03T00:00:00Z"), 2);
    const items = ["2026-05-24T23:59:59.999Z", "2026-05-25T00:00:00Z", "2026-05-31T23:59:59Z", "2026-06-01T00:00:00Z", "2026-06-08T00:00:00Z"].map((at) => new Date(at));
    const buckets = perWeek(weeks, items, (d) => d);
    expect([...buckets].map(([week, inWeek]) => [week, inWeek.map((d) => d.toISOString().slice(0, 19))])).toEqual([
      ["2026-05-25", ["2026-05-25T00:00:00", "2026-05-31T23:59:59"]],
      ["2026-06-01", ["2026-06-01T00:00:00"]],
    ]);
  });

  it.each([
    { values: [], q: 0.5, expected: null },
    { values: [5], q: 0.9, expected: 5 },
    { values: [4, 1, 3, 2], q: 0.5, expected: 2 },
    { values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], q: 0.9, expected: 9 },
  ])("quantile $q of $values is $expected (nearest rank)", ({ values, q, expected }) => {
    expect(quantile(values, q)).toBe(expected);
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

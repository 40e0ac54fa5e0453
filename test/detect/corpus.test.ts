/**
 * The labelled real-commit corpus as a regression gate: every AI record is found and no
 * human record is flagged except the documented `fp:` traps. `npx tsx bench/detect.ts`
 * prints the same score with every miss and false alarm.
 */
import { describe, expect, it } from "@jest/globals";
import { resolve } from "node:path";
import { DEFAULT_DETECTION } from "../../src/detect/detect.js";
import { isTrap, loadCorpus, scoreCorpus } from "./corpus.js";

const records = loadCorpus(resolve(process.cwd(), "test/detect/fixtures/corpus.json"));
const score = scoreCorpus(records, DEFAULT_DETECTION);
const ids = (list: typeof score.falsePositives) => list.map((o) => `${o.record.id} ${o.record.source}`);

describe("the 208-commit corpus", () => {
  it("is the labelled set: 208 commits, 107 of them AI", () => {
    expect([records.length, records.filter((r) => r.ai).length]).toEqual([208, 107]);
  });

  it("finds every AI record", () => {
    expect(ids(score.falseNegatives)).toEqual([]);
  });

  it("flags no human record except the documented traps", () => {
    expect(ids(score.falsePositives.filter((o) => !isTrap(o.record)))).toEqual([]);
  });

  it("leaves the curl Assisted-by traps alone", () => {
    const curl = score.falsePositives.filter((o) => o.record.note?.includes("fp:assisted-by-human"));
    expect(ids(curl)).toEqual([]);
  });
});

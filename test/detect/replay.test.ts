/**
 * Both labelled corpus files, replayed as a git history and judged by
 * `agent-governance check --json`: every AI record is found, and no human record is flagged
 * except the documented traps (`category: fp:…`). `npm run bench:detect` prints the same
 * replay with precision, recall, every miss and alarm, and the rules that fired.
 */
import { describe, expect, it } from "@jest/globals";
import { resolve } from "node:path";
import { isTrap, loadCorpus } from "./corpus.js";
import { replayCorpus, type Replay } from "./replay.js";

const FILES = ["corpus.json", "corpus-2026-12.json"];

describe.each(FILES)("%s replayed through check --json", (file) => {
  const records = loadCorpus(resolve(process.cwd(), "test/detect/fixtures", file));
  let replay: Replay;
  const ids = (list: Replay["records"]) => list.map(({ record }) => `${record.id} ${record.source}`);

  it("replays every record as one commit", async () => {
    replay = await replayCorpus(records);
    expect(replay.records).toHaveLength(records.length);
  }, 60_000);

  it("finds every AI record (recall 1.00)", () => {
    expect(ids(replay.records.filter(({ record, commit }) => record.ai && !commit.ai_assisted))).toEqual([]);
  });

  it("flags no human record except the documented traps", () => {
    expect(ids(replay.records.filter(({ record, commit }) => !record.ai && commit.ai_assisted && !isTrap(record)))).toEqual([]);
  });

  it("shows every signal with its rule and confidence", () => {
    const signals = replay.records.flatMap(({ commit }) => commit.signals);
    expect(signals.length).toBeGreaterThan(records.filter((r) => r.ai).length);
    for (const signal of signals) expect(signal).toEqual(expect.objectContaining({ rule: expect.any(String), confidence: expect.stringMatching(/^(declared|identity|inferred)$/) }));
  });
});

/**
 * Detector quality and speed on the labelled real-commit corpus.
 *
 *   npx tsx bench/detect.ts [path/to/commits.json]
 *
 * Prints TP/FP/FN/TN, precision and recall with the schema-default `detection` policy, then
 * every miss and false alarm with its source and the corpus note, then the time to detect
 * a 250-commit pull request. Exit code 1 when anything other than the documented traps
 * (`category: fp:…`) is misclassified, so the script can gate a CI step.
 */
import { performance } from "node:perf_hooks";
import { DEFAULT_DETECTION, detectPullRequest } from "../src/detect/detect.js";
import type { PullRequestFacts } from "../src/facts.js";
import { commitFacts, corpusPath, isMerge, isTrap, loadCorpus, scoreCorpus, type Outcome } from "../test/detect/corpus.js";

const path = process.argv[2] ?? corpusPath();
const records = loadCorpus(path);
const score = scoreCorpus(records, DEFAULT_DETECTION);

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
console.log(`corpus: ${path} (${records.length} records, ${records.filter((r) => r.ai).length} AI)`);
console.log(
  `TP ${score.truePositives.length}  FP ${score.falsePositives.length}  FN ${score.falseNegatives.length}  TN ${score.trueNegatives.length}`,
);
console.log(`precision ${percent(score.precision)}  recall ${percent(score.recall)}`);

function describe(outcome: Outcome): string {
  const { record, detection } = outcome;
  const why = detection.signals.map((s) => `${s.kind}/${s.agent}: ${s.detail}`).join("; ");
  const flags = [isTrap(record) ? "documented trap" : "", isMerge(record) ? "merge commit" : ""].filter(Boolean).join(", ");
  return [
    `  ${record.id} ${record.source}${flags ? ` (${flags})` : ""}`,
    `      label: ${record.ai ? `AI, ${record.agent}: ${record.signal}` : "human"}`,
    `      note: ${record.note ?? "-"}`,
    why ? `      fired: ${why}` : "      fired: nothing",
  ].join("\n");
}

console.log(`\nmisses (${score.falseNegatives.length}):`);
for (const outcome of score.falseNegatives) console.log(describe(outcome));
if (score.falseNegatives.some((o) => isMerge(o.record))) {
  console.log("  (a merge commit whose merged branch is not in its subject cannot be judged alone: the PR's head branch and commits decide)");
}
console.log(`\nfalse alarms (${score.falsePositives.length}):`);
for (const outcome of score.falsePositives) console.log(describe(outcome));

// Speed: one pull request made of 250 corpus commits, detected as the engine will.
const commits = Array.from({ length: 250 }, (_, i) => commitFacts(records[i % records.length]));
const facts: Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef"> = {
  author: { login: "octocat", isBot: false },
  commits,
  reviews: [],
  labels: [],
  headRef: "feature/x",
};
for (let i = 0; i < 20; i++) detectPullRequest(facts, DEFAULT_DETECTION, "ai-assisted");
const runs = 200;
const start = performance.now();
for (let i = 0; i < runs; i++) detectPullRequest(facts, DEFAULT_DETECTION, "ai-assisted");
const perPr = (performance.now() - start) / runs;
console.log(`\nspeed: ${perPr.toFixed(3)} ms per 250-commit pull request (mean of ${runs}; goal < 5 ms)`);

const unexpected = [...score.falseNegatives, ...score.falsePositives.filter((o) => !isTrap(o.record))];
process.exitCode = unexpected.length > 0 ? 1 : 0;

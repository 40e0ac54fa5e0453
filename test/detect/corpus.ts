/**
 * The labelled real-commit corpus (../shared/corpus/commits.json, copied to
 * test/detect/fixtures/corpus.json) turned into the facts the detector reads, and scored.
 * Shared by the unit test (regressions fail CI) and bench/detect.ts (the printed report).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Detection as DetectionConfig } from "../../src/config/policy.js";
import { detectCommit } from "../../src/detect/detect.js";
import { normalizeActor, parseNoreplyEmail } from "../../src/detect/login.js";
import type { CommitDetection } from "../../src/detect/types.js";
import type { Actor, CommitFacts } from "../../src/facts.js";

export interface CorpusRecord {
  id: string;
  source: string;
  message: string;
  author: { name: string; email: string; login?: string };
  committer: { name: string; email: string; login?: string };
  authored_at: string;
  ai: boolean;
  agent: string | null;
  signal: string | null;
  note: string | null;
}

/** The shared corpus when the sibling checkout has it, else the copy kept with the tests. */
export function corpusPath(root = process.cwd()): string {
  const shared = resolve(root, "../shared/corpus/commits.json");
  return existsSync(shared) ? shared : resolve(root, "test/detect/fixtures/corpus.json");
}

export function loadCorpus(path = corpusPath()): CorpusRecord[] {
  return JSON.parse(readFileSync(path, "utf8")) as CorpusRecord[];
}

/** What GitHub would resolve the e-mail to: the corpus only has a login when it is derivable. */
function account(person: CorpusRecord["author"]): Actor | null {
  if (!person.login) return null;
  const noreply = parseNoreplyEmail(person.email);
  return normalizeActor(person.login, noreply?.id);
}

export function commitFacts(record: CorpusRecord): CommitFacts {
  return {
    sha: record.source.split("@")[1] ?? record.id,
    message: record.message,
    author: { name: record.author.name, email: record.author.email, user: account(record.author) },
    committer: { name: record.committer.name, email: record.committer.email, user: account(record.committer) },
    parentCount: isMerge(record) ? 2 : 1,
  };
}

export function isMerge(record: CorpusRecord): boolean {
  return (record.note ?? "").includes("merge commit (2 parents)");
}

/** Deliberate false-positive traps documented in the corpus (`category: fp:…`). */
export function isTrap(record: CorpusRecord): boolean {
  return /category: fp:/.test(record.note ?? "");
}

export interface Outcome {
  record: CorpusRecord;
  detection: CommitDetection;
}

export interface Score {
  truePositives: Outcome[];
  falsePositives: Outcome[];
  falseNegatives: Outcome[];
  trueNegatives: Outcome[];
  precision: number;
  recall: number;
}

export function scoreCorpus(records: readonly CorpusRecord[], config: DetectionConfig): Score {
  const score: Score = { truePositives: [], falsePositives: [], falseNegatives: [], trueNegatives: [], precision: 0, recall: 0 };
  for (const record of records) {
    const outcome = { record, detection: detectCommit(commitFacts(record), config) };
    if (record.ai) (outcome.detection.aiAssisted ? score.truePositives : score.falseNegatives).push(outcome);
    else (outcome.detection.aiAssisted ? score.falsePositives : score.trueNegatives).push(outcome);
  }
  const tp = score.truePositives.length;
  score.precision = tp / Math.max(1, tp + score.falsePositives.length);
  score.recall = tp / Math.max(1, tp + score.falseNegatives.length);
  return score;
}

/** A corpus record (or a synthetic one for an agent without public commits) kept as a test fixture. */
export interface FixtureRecord {
  corpus_id: string | null;
  source: string;
  why: string;
  expect: { ai: boolean; agents: string[] };
  message: string;
  author: CorpusRecord["author"];
  committer: CorpusRecord["committer"];
  note: string | null;
}

export function loadFixtures(name: "agents" | "hard-cases"): FixtureRecord[] {
  return JSON.parse(readFileSync(resolve(process.cwd(), `test/detect/fixtures/${name}.json`), "utf8")) as FixtureRecord[];
}

export function fixtureFacts(fixture: FixtureRecord): CommitFacts {
  return commitFacts({ ...fixture, id: fixture.corpus_id ?? fixture.source, authored_at: "", ai: fixture.expect.ai, agent: null, signal: null });
}

/**
 * What every predicate and gate may look at during one evaluation: the facts, what the
 * detector found, the PR's autonomy tier, and values derived once (changed paths, line count).
 */
import type { Detection } from "../detect/types.js";
import type { PullRequestFacts } from "../facts.js";
import { ChangedPaths } from "./glob.js";

export interface EvaluationContext {
  facts: PullRequestFacts;
  detection: Detection;
  /** Lowest tier of the PR's agents. */
  tier: string;
  paths: ChangedPaths;
  /** Additions + deletions over all files. */
  changedLines: number;
}

export function createContext(input: Omit<EvaluationContext, "paths" | "changedLines">): EvaluationContext {
  let changedLines = 0;
  for (const file of input.facts.files) changedLines += file.additions + file.deletions;
  return { ...input, paths: new ChangedPaths(input.facts.files), changedLines };
}

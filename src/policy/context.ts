/**
 * What every predicate and gate may look at during one evaluation: the facts, what the
 * detector found, the PR's autonomy tier, and values derived once (changed paths, line count).
 */
import type { Detection as DetectionConfig } from "../config/policy.js";
import type { CommitDetection, Detection, Signal } from "../detect/types.js";
import type { CommitFacts, PullRequestFacts } from "../facts.js";
import { ChangedPaths } from "./glob.js";

export interface EvaluationContext {
  facts: PullRequestFacts;
  detection: Detection;
  detectionConfig: DetectionConfig;
  /** Lowest tier of the PR's agents. */
  tier: string;
  paths: ChangedPaths;
  /** Additions + deletions over all files. */
  changedLines: number;
  /** The detector's verdict on one commit, for identities that are not PR facts (sign-offs, reviewers). */
  detectCommit: (commit: CommitFacts, config: DetectionConfig) => CommitDetection;
  /** The commit's Signed-off-by lines that name an agent. */
  agentSignOffs: (commit: CommitFacts, config: DetectionConfig) => Signal[];
}

export function createContext(input: Omit<EvaluationContext, "paths" | "changedLines">): EvaluationContext {
  let changedLines = 0;
  for (const file of input.facts.files) changedLines += file.additions + file.deletions;
  return { ...input, paths: new ChangedPaths(input.facts.files), changedLines };
}

/** What the detector found, per commit and for the pull request as a whole. */
import type { RuleName } from "./rules/table.js";

export type SignalStrength = "agent-written" | "assisted" | "declared";

export { CONFIDENCES, type Confidence } from "./confidence.js";
import type { Confidence } from "./confidence.js";

export type SignalKind =
  | "pr-author"
  | "pusher"
  | "commit-author"
  | "committer"
  | "reviewer"
  | "co-author"
  | "session-trailer"
  | "footer"
  | "trailer"
  | "aider"
  | "label"
  | "branch"
  | "description";

export interface Signal {
  kind: SignalKind;
  /** Catalogue id ("claude-code"), the configured bot login, a recognised login, or "unknown-ai". */
  agent: string;
  strength: SignalStrength;
  confidence: Confidence;
  /** The rule that raised it (see rules/table.ts). */
  rule: RuleName;
  /** Human-readable evidence, e.g. "Co-authored-by: Claude <noreply@anthropic.com>". */
  detail: string;
  /**
   * Whether it makes the pull request AI-assisted under the policy: false for a confidence
   * left out of `detection.count`, an unknown bot under `unknown_bots: report`, or a reviewer
   * under `reviewers: ignore`. Such signals are still shown.
   */
  counted: boolean;
}

export interface CommitDetection {
  sha: string;
  aiAssisted: boolean;
  /** Agents of counted signals, sorted. */
  agents: string[];
  signals: Signal[];
}

export interface Detection {
  aiAssisted: boolean;
  /** Distinct agent ids of counted signals over the PR and all its commits, sorted. */
  agents: string[];
  /** Signals about the PR itself (author, reviewers, labels, branch, description). */
  pullRequestSignals: Signal[];
  commits: CommitDetection[];
  /**
   * Reviewers and label appliers whose account is an agent's (catalogue or `detection.bots`):
   * normalised login → agent id. Their approvals never count. Absent: not an agent.
   */
  agentAccounts: Record<string, string>;
  /** Commits whose Signed-off-by lines name an agent, in commit order (commits without any are left out). */
  agentSignOffs: { sha: string; signals: Signal[] }[];
}

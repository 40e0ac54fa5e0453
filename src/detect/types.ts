/** What the detector found, per commit and for the pull request as a whole (SPEC §3). */
export type SignalStrength = "agent-written" | "assisted" | "declared";

export type SignalKind =
  | "pr-author"
  | "commit-author"
  | "committer"
  | "reviewer"
  | "co-author"
  | "session-trailer"
  | "footer"
  | "trailer"
  | "aider"
  | "label"
  | "branch";

export interface Signal {
  kind: SignalKind;
  /** Catalogue id ("claude-code") or the configured bot login; "unknown-ai" for a generic trailer. */
  agent: string;
  strength: SignalStrength;
  /** Human-readable evidence, e.g. "Co-authored-by: Claude <noreply@anthropic.com>". */
  detail: string;
}

export interface CommitDetection {
  sha: string;
  aiAssisted: boolean;
  agents: string[];
  signals: Signal[];
}

export interface Detection {
  aiAssisted: boolean;
  /** Distinct agent ids over the PR and all its commits, sorted. */
  agents: string[];
  /** Signals about the PR itself (author, reviewers, labels, branch). */
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

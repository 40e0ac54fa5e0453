/**
 * A deliberately small detector for engine tests: it knows Claude (e-mail
 * noreply@anthropic.com, login "claude") and Copilot (login "copilot", id 198982749),
 * plus the policy's `detection.bots`. The real detector is tested in test/detect.
 */
import type { Detection as DetectionConfig } from "../../src/config/policy.js";
import type { CommitDetection, Detection, Signal } from "../../src/detect/types.js";
import type { Actor, CommitFacts, GitIdentity, PullRequestFacts } from "../../src/facts.js";

function agentOfActor(user: Actor | null, config: DetectionConfig): string | null {
  if (!user) return null;
  const login = user.login.toLowerCase().replace(/\[bot\]$/, "");
  if (login === "claude") return "claude-code";
  if (login === "copilot" || login === "copilot-swe-agent" || user.id === 198982749) return "copilot";
  const bot = config.bots.find((candidate) => candidate.toLowerCase().replace(/\[bot\]$/, "") === login);
  return bot ?? null;
}

function agentOfIdentity(identity: GitIdentity, config: DetectionConfig): string | null {
  if (identity.email.toLowerCase() === "noreply@anthropic.com") return "claude-code";
  return agentOfActor(identity.user, config);
}

export function fakeDetectCommit(commit: CommitFacts, config: DetectionConfig): CommitDetection {
  const signals: Signal[] = [];
  const author = agentOfIdentity(commit.author, config);
  if (author) signals.push({ kind: "commit-author", agent: author, strength: "agent-written", confidence: "identity", rule: "catalogue-identity", counted: true, detail: `author ${commit.author.name}` });
  const committer = agentOfIdentity(commit.committer, config);
  if (committer) signals.push({ kind: "committer", agent: committer, strength: "agent-written", confidence: "identity", rule: "catalogue-identity", counted: true, detail: `committer ${commit.committer.name}` });
  for (const match of commit.message.matchAll(/^co-authored-by:\s*(.*<noreply@anthropic\.com>)\s*$/gim)) {
    signals.push({ kind: "co-author", agent: "claude-code", strength: "assisted", confidence: "identity", rule: "catalogue-identity", counted: true, detail: `Co-authored-by: ${match[1]}` });
  }
  const agents = [...new Set(signals.map((signal) => signal.agent))].sort();
  return { sha: commit.sha, aiAssisted: agents.length > 0, agents, signals };
}

export function fakeDetectPullRequest(
  facts: Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef">,
  config: DetectionConfig,
  appLabel: string | false,
): Detection {
  const pullRequestSignals: Signal[] = [];
  const author = agentOfActor(facts.author, config);
  if (author) pullRequestSignals.push({ kind: "pr-author", agent: author, strength: "agent-written", confidence: "identity", rule: "catalogue-identity", counted: true, detail: `opened by @${facts.author.login}` });
  for (const label of facts.labels) {
    const declared = config.labels.includes(label.name) && label.name !== appLabel && label.appliedBy?.isBot === false;
    if (declared) pullRequestSignals.push({ kind: "label", agent: "unknown-ai", strength: "declared", confidence: "declared", rule: "label", counted: true, detail: `label ${label.name}` });
  }
  const commits = facts.commits.map((commit) => fakeDetectCommit(commit, config));
  const agents = [...new Set([...pullRequestSignals, ...commits.flatMap((c) => c.signals)].map((s) => s.agent))].sort();
  const aiAssisted = pullRequestSignals.length > 0 || commits.some((c) => c.aiAssisted);
  return { aiAssisted, agents, pullRequestSignals, commits };
}

export function fakeAgentSignOffs(commit: CommitFacts): Signal[] {
  return [...commit.message.matchAll(/^[ \t]*signed-off-by:\s*(.*<noreply@anthropic\.com>)\s*$/gim)].map((match) => ({
    kind: "trailer",
    agent: "claude-code",
    strength: "assisted",
    confidence: "declared",
    rule: "ai-trailer",
    counted: true,
    detail: `Signed-off-by: ${match[1]}`,
  }));
}

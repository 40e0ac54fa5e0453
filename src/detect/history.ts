/**
 * A repository's history judged commit by commit (not as a pull request): how many commits
 * are AI-assisted, by which agent, in which month, and which rule found each. Pure: the CLI
 * gathers the commits from git, the report renders this value.
 */
import type { Detection as DetectionConfig } from "../config/detection.js";
import type { CommitFacts } from "../facts.js";
import { detectCommit } from "./detect.js";
import type { CommitDetection } from "./types.js";

export interface DatedCommit {
  commit: CommitFacts;
  /** ISO 8601 author date. */
  authoredAt: string;
}

export interface JudgedCommit {
  sha: string;
  authoredAt: string;
  /** "2026-11" (UTC). */
  month: string;
  subject: string;
  detection: CommitDetection;
}

export interface HistorySummary {
  commits: number;
  aiCommits: number;
  /** Per agent: AI-assisted commits naming it and the rules that named it (a commit may name several). */
  agents: { agent: string; commits: number; rules: Record<string, number> }[];
  /** Oldest first. */
  months: { month: string; commits: number; aiCommits: number }[];
  /** Per rule: commits where it fired (counted signals only). */
  rules: { rule: string; confidence: string; commits: number }[];
  judged: JudgedCommit[];
}

export function judgeHistory(commits: readonly DatedCommit[], config: DetectionConfig): HistorySummary {
  const judged: JudgedCommit[] = commits.map(({ commit, authoredAt }) => ({
    sha: commit.sha,
    authoredAt,
    month: monthOf(authoredAt),
    subject: commit.message.split(/\r?\n/, 1)[0] ?? "",
    detection: detectCommit(commit, config),
  }));
  const agents = new Map<string, { commits: number; rules: Record<string, number> }>();
  const months = new Map<string, { commits: number; aiCommits: number }>();
  const rules = new Map<string, { confidence: string; commits: number }>();
  for (const entry of judged) {
    const month = months.get(entry.month) ?? { commits: 0, aiCommits: 0 };
    months.set(entry.month, month);
    month.commits++;
    if (!entry.detection.aiAssisted) continue;
    month.aiCommits++;
    const counted = entry.detection.signals.filter((signal) => signal.counted);
    for (const agent of entry.detection.agents) {
      const row = agents.get(agent) ?? { commits: 0, rules: {} };
      agents.set(agent, row);
      row.commits++;
      for (const rule of new Set(counted.filter((s) => s.agent === agent).map((s) => s.rule))) row.rules[rule] = (row.rules[rule] ?? 0) + 1;
    }
    for (const signal of uniqueBy(counted, (s) => s.rule)) {
      const row = rules.get(signal.rule) ?? { confidence: signal.confidence, commits: 0 };
      rules.set(signal.rule, row);
      row.commits++;
    }
  }
  return {
    commits: judged.length,
    aiCommits: judged.filter((entry) => entry.detection.aiAssisted).length,
    agents: [...agents].map(([agent, row]) => ({ agent, ...row })).sort((a, b) => b.commits - a.commits || a.agent.localeCompare(b.agent)),
    months: [...months].map(([month, row]) => ({ month, ...row })).sort((a, b) => a.month.localeCompare(b.month)),
    rules: [...rules].map(([rule, row]) => ({ rule, ...row })).sort((a, b) => b.commits - a.commits || a.rule.localeCompare(b.rule)),
    judged,
  };
}

function monthOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "unknown" : date.toISOString().slice(0, 7);
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(key(item)) ? false : (seen.add(key(item)), true)));
}

/**
 * Approval waits derived from a pull request's decisions, replayed in time order with the rule
 * the ledger keeps live (sql-ledger.ts): a rule's wait starts at the first decision that found it
 * waiting, and ends at the first later decision that found it met. The teams are those of the
 * decision that started the wait, else of the one that ended it; null when neither recorded them.
 */
import type { RuleRecord } from "./records.js";

export interface RecordedRules {
  rules: readonly RuleRecord[];
  /** ISO time of the decision. */
  at: string;
}

export interface DerivedWait {
  rule: string;
  waitingSince: string;
  metAt: string | null;
  teams: string[] | null;
}

/** `decisions`: one AI-assisted pull request's, oldest first. */
export function approvalWaitsFrom(decisions: readonly RecordedRules[]): DerivedWait[] {
  const waits = new Map<string, DerivedWait>();
  for (const { rules, at } of decisions) {
    for (const rule of rules) {
      const wait = waits.get(rule.name);
      if (rule.status === "waiting" && wait === undefined) {
        waits.set(rule.name, { rule: rule.name, waitingSince: at, metAt: null, teams: teamsOf(rule) });
      } else if (rule.status === "met" && wait !== undefined && wait.metAt === null && wait.waitingSince <= at) {
        wait.metAt = at;
        wait.teams ??= teamsOf(rule);
      }
    }
  }
  return [...waits.values()];
}

/** The teams as stored: sorted, once each; null when the record does not say. */
export function teamsOf(rule: RuleRecord): string[] | null {
  return rule.teams === undefined ? null : [...new Set(rule.teams)].sort();
}

/**
 * How long AI-assisted pull requests waited for their approvals: for each pull request and
 * rule, from the first decision that found the rule waiting to the first later decision that
 * found it met. Read from the decisions in a window; the arithmetic is pure (`waitsFrom`).
 */
import type { Kysely } from "kysely";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

export interface RuleStatusAt {
  repo: string;
  pr: number;
  at: Date;
  rules: Array<{ name: string; status: string }>;
}

export interface ApprovalWait {
  rule: string;
  repo: string;
  pr: number;
  /** When the rule was met. */
  at: Date;
  waitedMs: number;
}

export async function ruleStatusesSince(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<RuleStatusAt[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("decisions")
    .select(["repo", "pr_number", "decided_at", "rules"])
    .where("owner", "=", scope.owner)
    .where("repo", "in", scope.repos)
    .where("decided_at", ">=", since.toISOString())
    .where((eb) => eb.or([eb("ai_assisted", "=", 1), eb.and([eb("ai_assisted", "is", null), eb("agents", "!=", "[]")])]))
    .orderBy("decided_at")
    .execute();
  return rows.map((row) => ({
    repo: row.repo,
    pr: Number(row.pr_number),
    at: new Date(row.decided_at),
    rules: JSON.parse(row.rules) as RuleStatusAt["rules"],
  }));
}

/** `statuses` oldest first. A rule still waiting at the end of the window has no wait yet. */
export function waitsFrom(statuses: readonly RuleStatusAt[]): ApprovalWait[] {
  const waitingSince = new Map<string, Date>();
  const waits: ApprovalWait[] = [];
  for (const decision of statuses) {
    for (const rule of decision.rules) {
      const key = JSON.stringify([decision.repo, decision.pr, rule.name]);
      const started = waitingSince.get(key);
      if (rule.status === "waiting" && started === undefined) waitingSince.set(key, decision.at);
      if (rule.status === "met" && started !== undefined) {
        waits.push({ rule: rule.name, repo: decision.repo, pr: decision.pr, at: decision.at, waitedMs: decision.at.getTime() - started.getTime() });
        waitingSince.delete(key);
      }
    }
  }
  return waits;
}

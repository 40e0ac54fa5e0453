/**
 * How long AI-assisted pull requests waited for their approvals: for each pull request and
 * rule, from the first decision that found the rule waiting to the first later decision that
 * found it met (kept by the ledger as decisions are recorded), with the teams whose approval the
 * rule asked for.
 */
import type { Kysely } from "kysely";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

export interface ApprovalWait {
  rule: string;
  repo: string;
  pr: number;
  /** When the rule was met. */
  at: Date;
  waitedMs: number;
  /** The rule's teams ("org/slug"); [] when only users or a permission could approve; null when not recorded. */
  teams: string[] | null;
}

/** Waits that ended (the rule was met) at or after `since`. */
export async function approvalWaitsSince(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<ApprovalWait[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("approval_waits")
    .select(["rule", "repo", "pr_number", "waiting_since", "met_at", "teams"])
    .where("owner", "=", scope.owner)
    .where("repo", "in", scope.repos)
    .where("met_at", ">=", since.toISOString())
    .orderBy("met_at")
    .execute();
  return rows.map((row) => {
    const at = Date.parse(row.met_at!);
    const teams = row.teams === null ? null : (JSON.parse(row.teams) as string[]);
    return { rule: row.rule, repo: row.repo, pr: Number(row.pr_number), at: new Date(at), waitedMs: at - Date.parse(row.waiting_since), teams };
  });
}

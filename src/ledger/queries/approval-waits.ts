/**
 * How long AI-assisted pull requests waited for their approvals: for each pull request and
 * rule, from the first decision that found the rule waiting to the first later decision that
 * found it met (kept by the ledger as decisions are recorded).
 */
import type { Kysely } from "kysely";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

/** Which pull request waited is not read: the page shows times only, over thousands of waits. */
export interface ApprovalWait {
  rule: string;
  /** When the rule was met. */
  at: Date;
  waitedMs: number;
}

/** Waits that ended (the rule was met) at or after `since`. */
export async function approvalWaitsSince(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<ApprovalWait[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("approval_waits")
    .select(["rule", "waiting_since", "met_at"])
    .where("owner", "=", scope.owner)
    .where("repo", "in", scope.repos)
    .where("met_at", ">=", since.toISOString())
    .execute();
  return rows.map((row) => {
    const at = Date.parse(row.met_at!);
    return { rule: row.rule, at: new Date(at), waitedMs: at - Date.parse(row.waiting_since) };
  });
}

/** The organisation's decision log, filtered: the audit page and its CSV/JSON exports. */
import type { Kysely } from "kysely";
import type { DecisionRecord } from "../records.js";
import type { LedgerDatabase } from "../schema.js";
import { decisionFromRow } from "../decision-rows.js";
import { containsAgent } from "./agents.js";
import type { ReadableScope } from "./scope.js";

export interface AuditFilter {
  repo?: string;
  agent?: string;
  /** success | action_required | failure | in_progress */
  conclusion?: string;
  /** A login whose approval counted. */
  approver?: string;
  since?: Date;
  /** Exclusive. */
  until?: Date;
  /** Newest first; default 100. */
  limit?: number;
}

export async function auditDecisions(db: Kysely<LedgerDatabase>, scope: ReadableScope, filter: AuditFilter): Promise<DecisionRecord[]> {
  const repos = filter.repo === undefined ? scope.repos : scope.repos.filter((repo) => repo === filter.repo!.toLowerCase());
  if (repos.length === 0) return [];
  let query = db
    .selectFrom("decisions")
    .selectAll()
    .where("owner", "=", scope.owner)
    .where("repo", "in", repos)
    .orderBy("decided_at", "desc")
    .orderBy("pr_number", "desc")
    .limit(filter.limit ?? 100);
  if (filter.conclusion !== undefined) query = query.where("conclusion", "=", filter.conclusion);
  if (filter.since !== undefined) query = query.where("decided_at", ">=", filter.since.toISOString());
  if (filter.until !== undefined) query = query.where("decided_at", "<", filter.until.toISOString());
  if (filter.agent !== undefined) query = query.where("agents", "like", containsAgent(filter.agent));
  if (filter.approver !== undefined) {
    // Logins are case-insensitive; LIKE is not in PostgreSQL.
    query = query.where((eb) => eb(eb.fn("lower", ["counted"]), "like", `%"login":${JSON.stringify(filter.approver!.toLowerCase())}%`));
  }
  const records = (await query.execute()).map(decisionFromRow);
  // LIKE is a pre-filter on JSON text: keep only exact matches (logins are case-insensitive).
  const approver = filter.approver?.toLowerCase();
  return records.filter(
    (record) =>
      (filter.agent === undefined || record.agents.includes(filter.agent)) &&
      (approver === undefined || record.counted.some((c) => c.login.toLowerCase() === approver)),
  );
}

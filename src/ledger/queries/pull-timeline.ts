/** One pull request's decisions, oldest first: the timeline on its console page. */
import type { Kysely } from "kysely";
import type { DecisionRecord, RepoRef } from "../records.js";
import type { LedgerDatabase } from "../schema.js";
import { decisionFromRow } from "../decision-rows.js";

/** Enough for any real pull request; a runaway one shows its latest decisions. */
const TIMELINE_LIMIT = 500;

export async function pullTimeline(db: Kysely<LedgerDatabase>, repo: RepoRef, pr: number): Promise<DecisionRecord[]> {
  const rows = await db
    .selectFrom("decisions")
    .selectAll()
    .where("owner", "=", repo.owner.toLowerCase())
    .where("repo", "=", repo.repo.toLowerCase())
    .where("pr_number", "=", pr)
    .orderBy("decided_at", "desc")
    .limit(TIMELINE_LIMIT)
    .execute();
  return rows.map(decisionFromRow).reverse();
}

/**
 * Approval waits for decisions recorded before the ledger kept them (or while it kept them
 * without teams): each AI-assisted pull request's decisions are replayed (approval-wait-history.ts)
 * and the waits missing from `approval_waits` are added. A wait already there — kept live as
 * decisions were recorded — is left as it is, so running it again changes nothing.
 */
import type { ExpressionBuilder, Kysely } from "kysely";
import { approvalWaitsFrom, type RecordedRules } from "./approval-wait-history.js";
import type { RuleRecord } from "./records.js";

/** Pull requests read per batch: bounded memory and a bounded number of query parameters. */
const PULLS_PER_BATCH = 200;

interface PullKey {
  owner: string;
  repo: string;
  pr_number: number;
}

/** Returns how many waits it added. Takes the database as any migration sees it (approval_waits with teams). */
export async function backfillApprovalWaits(db: Kysely<any>): Promise<number> {
  const pulls: PullKey[] = await db
    .selectFrom("decisions")
    .where(aiAssisted)
    .select(["owner", "repo", "pr_number"])
    .distinct()
    .orderBy("owner")
    .orderBy("repo")
    .orderBy("pr_number")
    .execute();
  let added = 0;
  for (let i = 0; i < pulls.length; i += PULLS_PER_BATCH) {
    const batch = pulls.slice(i, i + PULLS_PER_BATCH);
    const rows: Array<PullKey & { rules: string; decided_at: string }> = await db
      .selectFrom("decisions")
      .where(aiAssisted)
      .select(["owner", "repo", "pr_number", "rules", "decided_at"])
      .where((eb) => eb.or(batch.map((pull) => eb.and({ owner: pull.owner, repo: pull.repo, pr_number: pull.pr_number }))))
      .orderBy("owner")
      .orderBy("repo")
      .orderBy("pr_number")
      .orderBy("decided_at")
      .execute();
    // Grouped in one pass; each pull request's rows stay in time order.
    const histories = new Map<string, { pull: PullKey; decisions: RecordedRules[] }>();
    for (const row of rows) {
      const id = JSON.stringify([row.owner, row.repo, Number(row.pr_number)]);
      const history = histories.get(id) ?? histories.set(id, { pull: row, decisions: [] }).get(id)!;
      history.decisions.push({ rules: JSON.parse(row.rules) as RuleRecord[], at: row.decided_at });
    }
    for (const { pull, decisions } of histories.values()) {
      for (const wait of approvalWaitsFrom(decisions)) {
        const key = { owner: pull.owner, repo: pull.repo, pr_number: pull.pr_number, rule: wait.rule };
        const teams = wait.teams === null ? null : JSON.stringify(wait.teams);
        const result = await db
          .insertInto("approval_waits")
          .values({ ...key, waiting_since: wait.waitingSince, met_at: wait.metAt, teams })
          .onConflict((oc) => oc.columns(["owner", "repo", "pr_number", "rule"]).doNothing())
          .executeTakeFirst();
        if ((result.numInsertedOrUpdatedRows ?? 0n) > 0n) added += 1;
      }
    }
  }
  return added;
}

/** The decisions the ledger keeps waits for: AI-assisted ones (older rows: those that named agents). */
function aiAssisted(eb: ExpressionBuilder<any, "decisions">) {
  return eb.or([eb("ai_assisted", "=", 1), eb.and([eb("ai_assisted", "is", null), eb("agents", "<>", "[]")])]);
}

/**
 * The `Ledger` over Kysely: the same queries serve SQLite and PostgreSQL. Idempotency lives in
 * the schema — natural primary keys plus `insert … on conflict do nothing` — so a redelivered
 * webhook or two replicas handling the same event record one row, without a read-then-write race.
 */
import { sql, type Kysely, type Selectable } from "kysely";
import type { Actor } from "../facts.js";
import type { LedgerDriver } from "./migrate.js";
import type {
  DecisionQuery,
  DecisionRecord,
  Ledger,
  LedgerScope,
  MergeRecord,
  PullMergeRecord,
  RepoRef,
  RevertRecord,
  TrackRecord,
} from "./ledger.js";
import { teamsOf } from "./approval-wait-history.js";
import { decisionFromRow, decisionRow } from "./decision-rows.js";
import { recordDecisionSummaries } from "./decision-summaries.js";
import { agentMergesWithReverts } from "./queries/agents.js";
import { ledgerReads, type LedgerReads } from "./queries/reads.js";
import type { LedgerDatabase, MergesTable } from "./schema.js";

const MERGE_KEY = ["owner", "repo", "pr_number"] as const;
const DEFAULT_DECISION_LIMIT = 100;
const FULL_SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const ABBREVIATED_SHA = /^[0-9a-f]{7,63}$/;

export class SqlLedger implements Ledger {
  readonly reads: LedgerReads;

  constructor(
    private readonly db: Kysely<LedgerDatabase>,
    readonly driver: LedgerDriver,
  ) {
    this.reads = ledgerReads(db);
  }

  async recordMerge(merge: MergeRecord): Promise<boolean> {
    const key = { owner: lower(merge.owner), repo: lower(merge.repo), pr_number: merge.pr };
    const agents = [...new Set(merge.agents)];
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto("merges")
        .values({
          ...key,
          head_sha: lower(merge.headSha),
          merge_commit_sha: merge.mergeCommitSha === null ? null : lower(merge.mergeCommitSha),
          agents: JSON.stringify(agents),
          merged_at: merge.mergedAt.toISOString(),
        })
        .onConflict((oc) => oc.columns(MERGE_KEY).doNothing())
        .executeTakeFirst();
      if (!inserted(result.numInsertedOrUpdatedRows)) return false;
      if (agents.length > 0) {
        await trx
          .insertInto("merge_agents")
          .values(agents.map((agent) => ({ ...key, agent })))
          .execute();
      }
      return true;
    });
  }

  async recordRevert(revert: RevertRecord): Promise<boolean> {
    const key = { owner: lower(revert.owner), repo: lower(revert.repo), pr_number: revert.pr };
    // One statement, insert … select from merges: no row for a PR that is not a recorded merge,
    // and no read-then-write window (which SQLite would answer with SQLITE_BUSY under contention).
    const result = await this.db
      .insertInto("reverts")
      .columns(["owner", "repo", "pr_number", "revert_commit_sha", "revert_pr_number", "reverted_at"])
      .expression((eb) =>
        eb
          .selectFrom("merges")
          .select([
            "owner",
            "repo",
            "pr_number",
            eb.cast<string | null>(eb.val(revert.revertCommitSha === null ? null : lower(revert.revertCommitSha)), "text").as("revert_commit_sha"),
            eb.cast<number | null>(eb.val(revert.revertPr), "integer").as("revert_pr_number"),
            eb.cast<string>(eb.val(revert.revertedAt.toISOString()), "text").as("reverted_at"),
          ])
          .where("owner", "=", key.owner)
          .where("repo", "=", key.repo)
          .where("pr_number", "=", key.pr_number),
      )
      .onConflict((oc) => oc.columns(MERGE_KEY).doNothing())
      .executeTakeFirst();
    return inserted(result.numInsertedOrUpdatedRows);
  }

  async recordPullMerge(merge: PullMergeRecord): Promise<boolean> {
    const result = await this.db
      .insertInto("pull_merges")
      .values({
        owner: lower(merge.owner),
        repo: lower(merge.repo),
        pr_number: merge.pr,
        ai_assisted: merge.aiAssisted ? 1 : 0,
        merged_at: merge.mergedAt.toISOString(),
      })
      .onConflict((oc) => oc.columns(MERGE_KEY).doNothing())
      .executeTakeFirst();
    return inserted(result.numInsertedOrUpdatedRows);
  }

  async recordDecision(decision: DecisionRecord): Promise<boolean> {
    const row = decisionRow(decision);
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .insertInto("decisions")
        .values(row)
        .onConflict((oc) => oc.columns([...MERGE_KEY, "head_sha", "digest"]).doNothing())
        .executeTakeFirst();
      if (!inserted(result.numInsertedOrUpdatedRows)) return false;
      await recordDecisionSummaries(trx, row);
      if (decision.aiAssisted) await recordApprovalWaits(trx, decision);
      return true;
    });
  }

  async findMergeByCommit(repo: RepoRef, sha: string): Promise<MergeRecord | null> {
    const wanted = lower(sha.trim());
    const full = FULL_SHA.test(wanted);
    if (!full && !ABBREVIATED_SHA.test(wanted)) return null;
    const rows = await this.db
      .selectFrom("merges")
      .selectAll()
      .where("owner", "=", lower(repo.owner))
      .where("repo", "=", lower(repo.repo))
      .where((eb) =>
        full
          ? eb.or([eb("merge_commit_sha", "=", wanted), eb("head_sha", "=", wanted)])
          : eb.or([eb("merge_commit_sha", "like", `${wanted}%`), eb("head_sha", "like", `${wanted}%`)]),
      )
      .limit(2)
      .execute();
    // An abbreviated SHA that fits two merges names neither: never charge an agent on a guess.
    return rows.length === 1 ? mergeFromRow(rows[0]) : null;
  }

  async findMergeByPr(repo: RepoRef, pr: number): Promise<MergeRecord | null> {
    const row = await this.db
      .selectFrom("merges")
      .selectAll()
      .where("owner", "=", lower(repo.owner))
      .where("repo", "=", lower(repo.repo))
      .where("pr_number", "=", pr)
      .executeTakeFirst();
    return row === undefined ? null : mergeFromRow(row);
  }

  async trackRecords(scope: LedgerScope, since: Date): Promise<TrackRecord[]> {
    const from = since.toISOString();
    let query = agentMergesWithReverts(this.db)
      .select((eb) => [
        "a.agent",
        eb.fn.sum<number | string>(eb.case().when("m.merged_at", ">=", from).then(eb.lit(1)).else(eb.lit(0)).end()).as("merged"),
        eb.fn
          .sum<number | string>(
            eb
              .case()
              .when(eb.and([eb("m.merged_at", ">=", from), eb("r.pr_number", "is not", null)]))
              .then(eb.lit(1))
              .else(eb.lit(0))
              .end(),
          )
          .as("reverted"),
        // Over all time, not just the window: a recent revert of an old merge still demotes.
        eb.fn.max("r.reverted_at").as("last_revert_at"),
      ])
      .where("a.owner", "=", lower(scope.owner))
      .where((eb) => eb.or([eb("m.merged_at", ">=", from), eb("r.pr_number", "is not", null)]))
      .groupBy("a.agent")
      .orderBy("a.agent");
    if (scope.repo !== undefined) query = query.where("a.repo", "=", lower(scope.repo));
    const rows = await query.execute();
    return rows.map((row) => ({
      agent: row.agent,
      merged: Number(row.merged),
      reverted: Number(row.reverted),
      lastRevertAt: row.last_revert_at === null ? null : new Date(row.last_revert_at),
    }));
  }

  async recordPusher(repo: RepoRef, pr: number, pusher: Actor, at: Date): Promise<void> {
    await this.db
      .insertInto("pull_request_pushers")
      .values({
        owner: lower(repo.owner),
        repo: lower(repo.repo),
        pr_number: pr,
        login: lower(pusher.login),
        account_id: pusher.id ?? null,
        is_bot: pusher.isBot ? 1 : 0,
        first_pushed_at: at.toISOString(),
      })
      .onConflict((oc) => oc.columns([...MERGE_KEY, "login"]).doNothing())
      .execute();
  }

  async pushersOf(repo: RepoRef, pr: number): Promise<Actor[]> {
    const rows = await this.db
      .selectFrom("pull_request_pushers")
      .select(["login", "account_id", "is_bot"])
      .where("owner", "=", lower(repo.owner))
      .where("repo", "=", lower(repo.repo))
      .where("pr_number", "=", pr)
      .orderBy("first_pushed_at")
      .orderBy("login")
      .execute();
    return rows.map((row) => ({ login: row.login, isBot: Number(row.is_bot) === 1, ...(row.account_id !== null ? { id: Number(row.account_id) } : {}) }));
  }

  async decisions(q: DecisionQuery): Promise<DecisionRecord[]> {
    let query = this.db
      .selectFrom("decisions")
      .selectAll()
      .where("owner", "=", lower(q.owner))
      .orderBy("decided_at", "desc")
      .orderBy("pr_number", "desc")
      .limit(q.limit ?? DEFAULT_DECISION_LIMIT);
    if (q.repo !== undefined) query = query.where("repo", "=", lower(q.repo));
    if (q.pr !== undefined) query = query.where("pr_number", "=", q.pr);
    if (q.since !== undefined) query = query.where("decided_at", ">=", q.since.toISOString());
    return (await query.execute()).map(decisionFromRow);
  }

  async ping(): Promise<boolean> {
    try {
      await sql`select 1`.execute(this.db);
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.db.destroy();
  }
}

/**
 * A rule's first wait starts once; the first later decision that finds it met ends it (the same
 * rule as approval-wait-history.ts, which derives them for older decisions). The wait keeps the
 * teams of the decision that started it, or else those of the one that ended it.
 */
async function recordApprovalWaits(db: Kysely<LedgerDatabase>, decision: DecisionRecord): Promise<void> {
  const key = { owner: lower(decision.owner), repo: lower(decision.repo), pr_number: decision.pr };
  const at = decision.at.toISOString();
  for (const rule of decision.rules) {
    const teams = teamsOf(rule);
    const teamsJson = teams === null ? null : JSON.stringify(teams);
    if (rule.status === "waiting") {
      await db
        .insertInto("approval_waits")
        .values({ ...key, rule: rule.name, waiting_since: at, met_at: null, teams: teamsJson })
        .onConflict((oc) => oc.columns([...MERGE_KEY, "rule"]).doNothing())
        .execute();
    } else if (rule.status === "met") {
      await db
        .updateTable("approval_waits")
        .set((eb) => ({ met_at: at, teams: eb.fn.coalesce("teams", eb.val(teamsJson)) }))
        .where("owner", "=", key.owner)
        .where("repo", "=", key.repo)
        .where("pr_number", "=", key.pr_number)
        .where("rule", "=", rule.name)
        .where("met_at", "is", null)
        .where("waiting_since", "<=", at)
        .execute();
    }
  }
}

function lower(text: string): string {
  return text.toLowerCase();
}

function inserted(rows: bigint | undefined): boolean {
  return rows !== undefined && rows > 0n;
}

function mergeFromRow(row: Selectable<MergesTable>): MergeRecord {
  return {
    owner: row.owner,
    repo: row.repo,
    pr: Number(row.pr_number),
    headSha: row.head_sha,
    mergeCommitSha: row.merge_commit_sha,
    agents: JSON.parse(row.agents) as string[],
    mergedAt: new Date(row.merged_at),
  };
}

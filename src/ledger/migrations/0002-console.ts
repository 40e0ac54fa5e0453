/**
 * What the web console reads: every merged pull request (AI-assisted or not, for the weekly
 * chart of AI-assisted vs human merges), whether each decision was about an AI-assisted pull
 * request, how long each AI-assisted pull request's rules waited for approval (kept as decisions
 * are recorded, from this version on), and indexes so that one pull request's timeline and an
 * organisation's pages stay fast with tens of thousands of decisions.
 */
import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, not today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pull_merges")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("ai_assisted", "integer", (c) => c.notNull())
    .addColumn("merged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pull_merges_pk", ["owner", "repo", "pr_number"])
    .execute();
  await db.schema.createIndex("pull_merges_by_time").on("pull_merges").columns(["owner", "merged_at"]).execute();

  await db.schema
    .createTable("approval_waits")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("rule", "text", (c) => c.notNull())
    .addColumn("waiting_since", "text", (c) => c.notNull())
    .addColumn("met_at", "text")
    .addPrimaryKeyConstraint("approval_waits_pk", ["owner", "repo", "pr_number", "rule"])
    .execute();
  await db.schema.createIndex("approval_waits_by_met").on("approval_waits").columns(["owner", "met_at"]).execute();

  // Null for decisions recorded before this column existed: read as "AI-assisted when it named agents".
  await db.schema.alterTable("decisions").addColumn("ai_assisted", "integer").execute();
  await db.schema.createIndex("decisions_by_pull").on("decisions").columns(["owner", "repo", "pr_number", "decided_at"]).execute();
  await db.schema.createIndex("reverts_by_time").on("reverts").columns(["owner", "reverted_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("reverts_by_time").execute();
  await db.schema.dropIndex("decisions_by_pull").execute();
  await db.schema.alterTable("decisions").dropColumn("ai_assisted").execute();
  await db.schema.dropTable("approval_waits").execute();
  await db.schema.dropTable("pull_merges").execute();
}

/** The first ledger schema: merges (with their agents), reverts and decisions. */
import type { Kysely } from "kysely";

const MERGE_KEY = ["owner", "repo", "pr_number"] as const;

// Migrations see the database as it was when they were written, not today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("merges")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("merge_commit_sha", "text")
    .addColumn("agents", "text", (c) => c.notNull())
    .addColumn("merged_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("merges_pk", [...MERGE_KEY])
    .execute();
  await db.schema.createIndex("merges_by_merge_commit").on("merges").columns(["owner", "repo", "merge_commit_sha"]).execute();
  await db.schema.createIndex("merges_by_head").on("merges").columns(["owner", "repo", "head_sha"]).execute();
  await db.schema.createIndex("merges_by_time").on("merges").columns(["owner", "merged_at"]).execute();

  await db.schema
    .createTable("merge_agents")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("agent", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("merge_agents_pk", [...MERGE_KEY, "agent"])
    .addForeignKeyConstraint("merge_agents_merge_fk", [...MERGE_KEY], "merges", [...MERGE_KEY], (c) => c.onDelete("cascade"))
    .execute();
  await db.schema.createIndex("merge_agents_by_agent").on("merge_agents").columns(["owner", "agent"]).execute();

  await db.schema
    .createTable("reverts")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("revert_commit_sha", "text")
    .addColumn("revert_pr_number", "integer")
    .addColumn("reverted_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reverts_pk", [...MERGE_KEY])
    .addForeignKeyConstraint("reverts_merge_fk", [...MERGE_KEY], "merges", [...MERGE_KEY], (c) => c.onDelete("cascade"))
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("head_sha", "text", (c) => c.notNull())
    .addColumn("digest", "text", (c) => c.notNull())
    .addColumn("conclusion", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("policy_kind", "text", (c) => c.notNull())
    .addColumn("policy_description", "text", (c) => c.notNull())
    .addColumn("policy_blob_shas", "text", (c) => c.notNull())
    .addColumn("agents", "text", (c) => c.notNull())
    .addColumn("rules", "text", (c) => c.notNull())
    .addColumn("gates", "text", (c) => c.notNull())
    .addColumn("counted", "text", (c) => c.notNull())
    .addColumn("ignored", "text", (c) => c.notNull())
    .addColumn("override", "text")
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("decisions_pk", [...MERGE_KEY, "head_sha", "digest"])
    .execute();
  await db.schema.createIndex("decisions_by_repo_time").on("decisions").columns(["owner", "repo", "decided_at"]).execute();
  await db.schema.createIndex("decisions_by_owner_time").on("decisions").columns(["owner", "decided_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["decisions", "reverts", "merge_agents", "merges"]) {
    await db.schema.dropTable(table).execute();
  }
}

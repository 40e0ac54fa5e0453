/**
 * Who pushed each pull request's heads: an agent pushing human-looking commits is a signal,
 * and a later event (a review) carries no pusher, so the pushers are remembered per PR.
 */
import type { Kysely } from "kysely";

// Migrations see the database as it was when they were written, not today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("pull_request_pushers")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("login", "text", (c) => c.notNull())
    .addColumn("account_id", "bigint")
    .addColumn("is_bot", "integer", (c) => c.notNull())
    .addColumn("first_pushed_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("pull_request_pushers_pk", ["owner", "repo", "pr_number", "login"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("pull_request_pushers").execute();
}

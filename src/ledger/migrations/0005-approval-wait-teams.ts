/**
 * Approval waits say whose approval they waited for: `teams` holds the rule's teams ("org/slug",
 * JSON array; [] when only users or a permission could approve; null when the decisions did not
 * record them, as before this version). Then the waits of decisions recorded before
 * approval_waits existed are derived from the decisions table.
 */
import type { Kysely } from "kysely";
import { backfillApprovalWaits } from "../approval-wait-backfill.js";

// Migrations see the database as it was when they were written, not today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("approval_waits").addColumn("teams", "text").execute();
  await backfillApprovalWaits(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("approval_waits").dropColumn("teams").execute();
}

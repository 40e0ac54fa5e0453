/**
 * Small tables kept beside the decisions as they are recorded, so the console's organisation and
 * agent pages read a few hundred narrow rows instead of every decision in the window:
 *
 * - decision_days: how many decisions each repository had each UTC day (the repository table's
 *   count);
 * - latest_policies: each repository's policy at its latest decision;
 * - decision_agents: one row per (decision, agent), the queryable copy of the decisions' JSON
 *   agent lists (an agent's tier history and latest tier, read through an index).
 *
 * An existing ledger's decisions are copied into them here, once.
 */
import { PostgresAdapter, sql, type Kysely } from "kysely";

// Migrations see the database as it was when they were written, not today's schema type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("decision_days")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("decision_count", "integer", (c) => c.notNull())
    .addPrimaryKeyConstraint("decision_days_pk", ["owner", "repo", "day"])
    .execute();

  await db.schema
    .createTable("latest_policies")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .addColumn("policy_kind", "text", (c) => c.notNull())
    .addColumn("policy_description", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("latest_policies_pk", ["owner", "repo"])
    .execute();

  // No key of its own: a row is written only with the decision it copies, which has one.
  await db.schema
    .createTable("decision_agents")
    .addColumn("owner", "text", (c) => c.notNull())
    .addColumn("repo", "text", (c) => c.notNull())
    .addColumn("pr_number", "integer", (c) => c.notNull())
    .addColumn("agent", "text", (c) => c.notNull())
    .addColumn("tier", "text", (c) => c.notNull())
    .addColumn("decided_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("decision_agents_by_agent_time").on("decision_agents").columns(["owner", "agent", "decided_at"]).execute();

  await copyExistingDecisions(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["decision_agents", "latest_policies", "decision_days"]) await db.schema.dropTable(table).execute();
}

/** Fills the three tables from the decisions already recorded (ISO times: the day is the first 10 characters). */
export async function copyExistingDecisions(db: Kysely<any>): Promise<void> {
  await sql`
    insert into decision_days (owner, repo, day, decision_count)
    select owner, repo, substr(decided_at, 1, 10), count(*) from decisions group by owner, repo, substr(decided_at, 1, 10)
  `.execute(db);
  // Two decisions of a repository at its latest instant: the first one's policy. ("where true"
  // tells SQLite that "on" begins the upsert, not a join condition.)
  await sql`
    insert into latest_policies (owner, repo, decided_at, policy_kind, policy_description)
    select d.owner, d.repo, d.decided_at, d.policy_kind, d.policy_description
    from decisions d
    join (select owner, repo, max(decided_at) as latest from decisions group by owner, repo) l
      on l.owner = d.owner and l.repo = d.repo and l.latest = d.decided_at
    where true
    on conflict (owner, repo) do nothing
  `.execute(db);
  const agents = db.getExecutor().adapter instanceof PostgresAdapter ? sql`json_array_elements_text(d.agents::json) as j(value)` : sql`json_each(d.agents) as j`;
  await sql`
    insert into decision_agents (owner, repo, pr_number, agent, tier, decided_at)
    select distinct d.owner, d.repo, d.pr_number, j.value, d.tier, d.decided_at
    from decisions d cross join ${agents}
  `.execute(db);
}

/**
 * What the console reads instead of scanning decisions (migration 0004-console-speed): per
 * recorded decision, its repository's count for the day, the repository's latest policy and one
 * row per agent. Written in the decision's own transaction, only when the decision is new.
 */
import type { Kysely } from "kysely";
import type { DecisionsTable, LedgerDatabase } from "./schema.js";

export async function recordDecisionSummaries(db: Kysely<LedgerDatabase>, row: DecisionsTable): Promise<void> {
  const key = { owner: row.owner, repo: row.repo };
  await db
    .insertInto("decision_days")
    .values({ ...key, day: row.decided_at.slice(0, 10), decision_count: 1 })
    .onConflict((oc) => oc.columns(["owner", "repo", "day"]).doUpdateSet((eb) => ({ decision_count: eb("decision_days.decision_count", "+", 1) })))
    .execute();
  await db
    .insertInto("latest_policies")
    .values({ ...key, decided_at: row.decided_at, policy_kind: row.policy_kind, policy_description: row.policy_description })
    .onConflict((oc) =>
      oc
        .columns(["owner", "repo"])
        .doUpdateSet((eb) => ({
          decided_at: eb.ref("excluded.decided_at"),
          policy_kind: eb.ref("excluded.policy_kind"),
          policy_description: eb.ref("excluded.policy_description"),
        }))
        // A decision recorded late (a redelivery of an old event) does not replace a newer one.
        .where("latest_policies.decided_at", "<=", (eb) => eb.ref("excluded.decided_at")),
    )
    .execute();
  const agents = [...new Set(JSON.parse(row.agents) as string[])];
  if (agents.length > 0) {
    await db
      .insertInto("decision_agents")
      .values(agents.map((agent) => ({ ...key, pr_number: row.pr_number, agent, tier: row.tier, decided_at: row.decided_at })))
      .execute();
  }
}

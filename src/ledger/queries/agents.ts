/** Agents' track records in readable repositories: the organisation page's table and the agent page. */
import type { Kysely } from "kysely";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

export interface AgentSummary {
  agent: string;
  merged: number;
  reverted: number;
  lastMergedAt: Date | null;
  /** The tier the agent's latest decision gave its pull request (lowest of its agents). */
  latestTier: string | null;
  /** With the `mergedSince` option: merges at or after each of its times. */
  mergedSince?: number[];
}

export interface AgentMerge {
  repo: string;
  pr: number;
  mergedAt: Date;
  revert: { at: Date; commitSha: string | null; pr: number | null } | null;
}

export interface TierChange {
  at: Date;
  tier: string;
  repo: string;
  pr: number;
}

/** Each (merge, agent) with the merge and its revert, if any: what track records are counted from. */
export function agentMergesWithReverts(db: Kysely<LedgerDatabase>) {
  return db
    .selectFrom("merge_agents as a")
    .innerJoin("merges as m", (join) =>
      join.onRef("m.owner", "=", "a.owner").onRef("m.repo", "=", "a.repo").onRef("m.pr_number", "=", "a.pr_number"),
    )
    .leftJoin("reverts as r", (join) =>
      join.onRef("r.owner", "=", "a.owner").onRef("r.repo", "=", "a.repo").onRef("r.pr_number", "=", "a.pr_number"),
    );
}

/** The JSON text of an agents list contains `"agent"` (logins and catalogue ids hold no LIKE wildcard). */
export function containsAgent(agent: string): string {
  return `%${JSON.stringify(agent)}%`;
}

export interface AgentSummaryOptions {
  /** One agent only. */
  agent?: string;
  /** Look up each agent's latest tier (default true). */
  tiers?: boolean;
  /** Also count each agent's merges at or after each of these times (all within the window). */
  mergedSince?: readonly Date[];
}

export async function agentSummaries(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date, options: AgentSummaryOptions = {}): Promise<AgentSummary[]> {
  if (scope.repos.length === 0) return [];
  const from = since.toISOString();
  const tiers = options.tiers !== false;
  let query = agentMergesWithReverts(db)
    .select((eb) => [
      "a.agent",
      eb.fn.countAll<number | string>().as("merged"),
      eb.fn.count<number | string>("r.pr_number").as("reverted"),
      eb.fn.max("m.merged_at").as("last_merged_at"),
      // The agent's latest readable decision: one step back along decision_agents' index.
      (tiers
        ? eb
            .selectFrom("decision_agents as t")
            .select("t.tier")
            .where("t.owner", "=", scope.owner)
            .whereRef("t.agent", "=", "a.agent")
            .where("t.repo", "in", scope.repos)
            .orderBy("t.decided_at", "desc")
            .limit(1)
        : eb.val<string | null>(null)
      ).as("latest_tier"),
    ])
    .where("a.owner", "=", scope.owner)
    .where("a.repo", "in", scope.repos)
    .where("m.merged_at", ">=", from)
    .groupBy("a.agent")
    .orderBy("a.agent");
  if (options.agent !== undefined) query = query.where("a.agent", "=", options.agent);
  const periods = options.mergedSince ?? [];
  // One pass over the window's merges rather than a query per period.
  const rows = await query
    .select((eb) =>
      periods.map((at, i) =>
        eb.fn.sum<number | string>(eb.case().when("m.merged_at", ">=", at.toISOString()).then(eb.lit(1)).else(eb.lit(0)).end()).as(`merged_since_${i}`),
      ),
    )
    .execute();
  return rows.map((row) => ({
    agent: row.agent,
    merged: Number(row.merged),
    reverted: Number(row.reverted),
    lastMergedAt: row.last_merged_at === null ? null : new Date(row.last_merged_at),
    latestTier: row.latest_tier ?? null,
    ...(options.mergedSince === undefined ? {} : { mergedSince: periods.map((_, i) => Number((row as Record<string, unknown>)[`merged_since_${i}`] ?? 0)) }),
  }));
}

/** Newest first, every merge ever recorded for the agent, with its revert. */
export async function agentMerges(db: Kysely<LedgerDatabase>, scope: ReadableScope, agent: string, limit = 500): Promise<AgentMerge[]> {
  if (scope.repos.length === 0) return [];
  const rows = await agentMergesWithReverts(db)
    .select(["m.repo", "m.pr_number", "m.merged_at", "r.reverted_at", "r.revert_commit_sha", "r.revert_pr_number"])
    .where("a.owner", "=", scope.owner)
    .where("a.repo", "in", scope.repos)
    .where("a.agent", "=", agent)
    .orderBy("m.merged_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    repo: row.repo,
    pr: Number(row.pr_number),
    mergedAt: new Date(row.merged_at),
    revert:
      row.reverted_at === null
        ? null
        : {
            at: new Date(row.reverted_at),
            commitSha: row.revert_commit_sha,
            pr: row.revert_pr_number === null ? null : Number(row.revert_pr_number),
          },
  }));
}

/** Each change of the tier the agent's pull requests were judged at, oldest first. */
export async function agentTierHistory(db: Kysely<LedgerDatabase>, scope: ReadableScope, agent: string, since: Date): Promise<TierChange[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("decision_agents")
    .select(["decided_at", "tier", "repo", "pr_number"])
    .where("owner", "=", scope.owner)
    .where("agent", "=", agent)
    .where("repo", "in", scope.repos)
    .where("decided_at", ">=", since.toISOString())
    .orderBy("decided_at")
    .execute();
  const changes: TierChange[] = [];
  for (const row of rows) {
    if (changes.at(-1)?.tier === row.tier) continue;
    changes.push({ at: new Date(row.decided_at), tier: row.tier, repo: row.repo, pr: Number(row.pr_number) });
  }
  return changes;
}

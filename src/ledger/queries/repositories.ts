/** Which owners and repositories the ledger knows, and each repository's summary for the organisation page. */
import { sql, type Kysely } from "kysely";
import type { PolicySource } from "../../config/policy.js";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

const DAY_MS = 24 * 3600 * 1000;

export interface RepositorySummary {
  repo: string;
  /** The policy in force at the repository's latest decision. */
  policy: Pick<PolicySource, "kind" | "description"> | null;
  decisions: number;
  mergedPulls: number;
  aiAssistedMerges: number;
}

/** Every owner with at least one decision or merge. */
export async function ledgerOwners(db: Kysely<LedgerDatabase>): Promise<string[]> {
  const rows = await db
    .selectFrom("decisions")
    .select("owner")
    .distinct()
    .union(db.selectFrom("pull_merges").select("owner").distinct())
    .execute();
  return [...new Set(rows.map((row) => row.owner))].sort();
}

/** Every repository of `owner` the ledger has a decision or a merge for (names only: filter before showing). */
export async function ledgerRepositories(db: Kysely<LedgerDatabase>, owner: string): Promise<string[]> {
  const who = owner.toLowerCase();
  const lists = await Promise.all((["decisions", "pull_merges", "merges"] as const).map((table) => distinctRepos(db, table, who)));
  return [...new Set(lists.flat())].sort();
}

/**
 * The distinct repositories of one table, one index step per repository (each table's key or an
 * index begins with owner, repo) rather than reading every row.
 */
async function distinctRepos(db: Kysely<LedgerDatabase>, table: "decisions" | "pull_merges" | "merges", owner: string): Promise<string[]> {
  const { rows } = await sql<{ repo: string }>`
    with recursive seen(repo) as (
      select min(repo) from ${sql.table(table)} where owner = ${owner}
      union all
      select (select min(repo) from ${sql.table(table)} where owner = ${owner} and repo > seen.repo) from seen where seen.repo is not null
    )
    select repo from seen where repo is not null
  `.execute(db);
  return rows.map((row) => row.repo);
}

export async function repositorySummaries(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<RepositorySummary[]> {
  if (scope.repos.length === 0) return [];
  const from = since.toISOString();
  const [decisionCounts, merges, latest] = await Promise.all([
    decisionsPerRepo(db, scope, since),
    db
      .selectFrom("pull_merges")
      .select((eb) => [
        "repo",
        eb.fn.countAll<number | string>().as("merged"),
        eb.fn.sum<number | string>("ai_assisted").as("ai"),
      ])
      .where("owner", "=", scope.owner)
      .where("repo", "in", scope.repos)
      .where("merged_at", ">=", from)
      .groupBy("repo")
      .execute(),
    db
      .selectFrom("latest_policies")
      .select(["repo", "policy_kind", "policy_description"])
      .where("owner", "=", scope.owner)
      .where("repo", "in", scope.repos)
      .execute(),
  ]);
  const merged = new Map(merges.map((row) => [row.repo, { merged: Number(row.merged), ai: Number(row.ai ?? 0) }]));
  const policies = new Map(latest.map((row) => [row.repo, { kind: row.policy_kind as PolicySource["kind"], description: row.policy_description }]));
  return scope.repos
    .map((repo) => ({
      repo,
      policy: policies.get(repo) ?? null,
      decisions: decisionCounts.get(repo) ?? 0,
      mergedPulls: merged.get(repo)?.merged ?? 0,
      aiAssistedMerges: merged.get(repo)?.ai ?? 0,
    }))
    .sort((a, b) => a.repo.localeCompare(b.repo));
}

/** Decisions at or after `since` per repository: whole days from decision_days, the rest of since's own day counted exactly. */
async function decisionsPerRepo(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<Map<string, number>> {
  const from = since.toISOString();
  const day = from.slice(0, 10);
  const nextDay = new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString();
  const startsAtMidnight = from === `${day}T00:00:00.000Z`;
  const [days, partial] = await Promise.all([
    db
      .selectFrom("decision_days")
      .select((eb) => ["repo", eb.fn.sum<number | string>("decision_count").as("count")])
      .where("owner", "=", scope.owner)
      .where("repo", "in", scope.repos)
      .where("day", startsAtMidnight ? ">=" : ">", day)
      .groupBy("repo")
      .execute(),
    startsAtMidnight
      ? []
      : db
          .selectFrom("decisions")
          .select((eb) => ["repo", eb.fn.countAll<number | string>().as("count")])
          .where("owner", "=", scope.owner)
          .where("repo", "in", scope.repos)
          .where("decided_at", ">=", from)
          .where("decided_at", "<", nextDay)
          .groupBy("repo")
          .execute(),
  ]);
  const counts = new Map<string, number>();
  for (const row of [...days, ...partial]) counts.set(row.repo, (counts.get(row.repo) ?? 0) + Number(row.count));
  return counts;
}

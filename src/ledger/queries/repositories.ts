/** Which owners and repositories the ledger knows, and each repository's summary for the organisation page. */
import type { Kysely } from "kysely";
import type { PolicySource } from "../../config/policy.js";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

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
  const rows = await db
    .selectFrom("decisions")
    .select("repo")
    .where("owner", "=", who)
    .distinct()
    .union(db.selectFrom("pull_merges").select("repo").where("owner", "=", who).distinct())
    .union(db.selectFrom("merges").select("repo").where("owner", "=", who).distinct())
    .execute();
  return [...new Set(rows.map((row) => row.repo))].sort();
}

export async function repositorySummaries(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<RepositorySummary[]> {
  if (scope.repos.length === 0) return [];
  const from = since.toISOString();
  const [decisionCounts, merges, latest] = await Promise.all([
    db
      .selectFrom("decisions")
      .select((eb) => ["repo", eb.fn.countAll<number | string>().as("count")])
      .where("owner", "=", scope.owner)
      .where("repo", "in", scope.repos)
      .where("decided_at", ">=", from)
      .groupBy("repo")
      .execute(),
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
    // The latest decision of each repository: its policy source.
    db
      .selectFrom("decisions as d")
      .innerJoin(
        (eb) =>
          eb
            .selectFrom("decisions")
            .select((inner) => ["repo", inner.fn.max("decided_at").as("latest")])
            .where("owner", "=", scope.owner)
            .where("repo", "in", scope.repos)
            .groupBy("repo")
            .as("l"),
        (join) => join.onRef("l.repo", "=", "d.repo").onRef("l.latest", "=", "d.decided_at"),
      )
      .select(["d.repo", "d.policy_kind", "d.policy_description"])
      .where("d.owner", "=", scope.owner)
      .execute(),
  ]);
  const counts = new Map(decisionCounts.map((row) => [row.repo, Number(row.count)]));
  const merged = new Map(merges.map((row) => [row.repo, { merged: Number(row.merged), ai: Number(row.ai ?? 0) }]));
  const policies = new Map(latest.map((row) => [row.repo, { kind: row.policy_kind as PolicySource["kind"], description: row.policy_description }]));
  return scope.repos
    .map((repo) => ({
      repo,
      policy: policies.get(repo) ?? null,
      decisions: counts.get(repo) ?? 0,
      mergedPulls: merged.get(repo)?.merged ?? 0,
      aiAssistedMerges: merged.get(repo)?.ai ?? 0,
    }))
    .sort((a, b) => a.repo.localeCompare(b.repo));
}

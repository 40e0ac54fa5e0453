/** Merges and reverts in a window, for the organisation page's weekly charts. */
import type { Kysely } from "kysely";
import type { LedgerDatabase } from "../schema.js";
import type { ReadableScope } from "./scope.js";

export interface MergeEvent {
  at: Date;
  aiAssisted: boolean;
}

export interface RevertEvent {
  at: Date;
  repo: string;
  pr: number;
}

export async function mergesSince(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<MergeEvent[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("pull_merges")
    .select(["merged_at", "ai_assisted"])
    .where("owner", "=", scope.owner)
    .where("repo", "in", scope.repos)
    .where("merged_at", ">=", since.toISOString())
    .execute();
  return rows.map((row) => ({ at: new Date(row.merged_at), aiAssisted: Number(row.ai_assisted) === 1 }));
}

export async function revertsSince(db: Kysely<LedgerDatabase>, scope: ReadableScope, since: Date): Promise<RevertEvent[]> {
  if (scope.repos.length === 0) return [];
  const rows = await db
    .selectFrom("reverts")
    .select(["reverted_at", "repo", "pr_number"])
    .where("owner", "=", scope.owner)
    .where("repo", "in", scope.repos)
    .where("reverted_at", ">=", since.toISOString())
    .execute();
  return rows.map((row) => ({ at: new Date(row.reverted_at), repo: row.repo, pr: Number(row.pr_number) }));
}

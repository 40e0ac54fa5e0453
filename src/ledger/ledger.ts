/**
 * The autonomy ledger: what was merged with AI assistance, what was reverted, and
 * every decision the app took — the track record that tiers are computed from and the audit
 * trail of who approved which head SHA under which policy.
 *
 * One small interface, two SQL drivers (SQLite by default, PostgreSQL for several replicas).
 * Every `record*` is idempotent, because GitHub redelivers webhooks and replicas race.
 */
import type { Actor } from "../facts.js";
import type { LedgerReads } from "./queries/reads.js";
import type { DecisionQuery, DecisionRecord, LedgerScope, MergeRecord, PullMergeRecord, RepoRef, RevertRecord, TrackRecord } from "./records.js";

export type * from "./records.js";

export interface Ledger {
  /** Which driver is behind it, for /healthz and the CLI. */
  readonly driver: "sqlite" | "postgres";
  /** false when this PR's merge was already recorded (a redelivered webhook). */
  recordMerge(merge: MergeRecord): Promise<boolean>;
  /** false when the PR is not a recorded merge, or its revert was already counted: a change counts as reverted once. */
  recordRevert(revert: RevertRecord): Promise<boolean>;
  /** false when this PR's merge was already recorded. */
  recordPullMerge(merge: PullMergeRecord): Promise<boolean>;
  /** false when an identical decision (same PR, head SHA, policy, outcome, approvers…) is already stored. */
  recordDecision(decision: DecisionRecord): Promise<boolean>;
  /** The merge whose merge commit or head commit is `sha` (full, or an unambiguous prefix of ≥ 7 hex digits). */
  findMergeByCommit(repo: RepoRef, sha: string): Promise<MergeRecord | null>;
  findMergeByPr(repo: RepoRef, pr: number): Promise<MergeRecord | null>;
  /** Per agent: merges at or after `since` in the scope and how many of them were reverted. */
  trackRecords(scope: LedgerScope, since: Date): Promise<TrackRecord[]>;
  /** Newest first. */
  decisions(query: DecisionQuery): Promise<DecisionRecord[]>;
  /** Remembers that `pusher` pushed a head of this pull request (idempotent). */
  recordPusher(repo: RepoRef, pr: number, pusher: Actor, at: Date): Promise<void>;
  /** Everyone who pushed a head of this pull request, in the order first seen. */
  pushersOf(repo: RepoRef, pr: number): Promise<Actor[]>;
  /** The read-only queries behind the web console's pages. */
  readonly reads: LedgerReads;
  /** true when the store answers a trivial query. Never throws. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

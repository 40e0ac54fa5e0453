/**
 * The ledger's read-only queries for the web console, bound to one database. Each takes a
 * `ReadableScope` (owner + the repositories the signed-in user can read) except the ones that
 * list names to be filtered by access before anything is shown.
 */
import type { Kysely } from "kysely";
import type { DecisionRecord, RepoRef } from "../records.js";
import type { LedgerDatabase } from "../schema.js";
import { mergesSince, revertsSince, type MergeEvent, type RevertEvent } from "./activity.js";
import { agentMerges, agentSummaries, agentTierHistory, type AgentMerge, type AgentSummary, type AgentSummaryOptions, type TierChange } from "./agents.js";
import { approvalWaitsSince, type ApprovalWait } from "./approval-waits.js";
import { auditDecisions, type AuditFilter } from "./audit.js";
import { pullTimeline } from "./pull-timeline.js";
import { ledgerOwners, ledgerRepositories, repositorySummaries, type RepositorySummary } from "./repositories.js";
import type { ReadableScope } from "./scope.js";

export interface LedgerReads {
  owners(): Promise<string[]>;
  repositories(owner: string): Promise<string[]>;
  pullTimeline(repo: RepoRef, pr: number): Promise<DecisionRecord[]>;
  repositorySummaries(scope: ReadableScope, since: Date): Promise<RepositorySummary[]>;
  merges(scope: ReadableScope, since: Date): Promise<MergeEvent[]>;
  reverts(scope: ReadableScope, since: Date): Promise<RevertEvent[]>;
  approvalWaits(scope: ReadableScope, since: Date): Promise<ApprovalWait[]>;
  agentSummaries(scope: ReadableScope, since: Date, options?: AgentSummaryOptions): Promise<AgentSummary[]>;
  agentMerges(scope: ReadableScope, agent: string): Promise<AgentMerge[]>;
  agentTierHistory(scope: ReadableScope, agent: string, since: Date): Promise<TierChange[]>;
  audit(scope: ReadableScope, filter: AuditFilter): Promise<DecisionRecord[]>;
}

export function ledgerReads(db: Kysely<LedgerDatabase>): LedgerReads {
  return {
    owners: () => ledgerOwners(db),
    repositories: (owner) => ledgerRepositories(db, owner),
    pullTimeline: (repo, pr) => pullTimeline(db, repo, pr),
    repositorySummaries: (scope, since) => repositorySummaries(db, scope, since),
    merges: (scope, since) => mergesSince(db, scope, since),
    reverts: (scope, since) => revertsSince(db, scope, since),
    approvalWaits: (scope, since) => approvalWaitsSince(db, scope, since),
    agentSummaries: (scope, since, options) => agentSummaries(db, scope, since, options),
    agentMerges: (scope, agent) => agentMerges(db, scope, agent),
    agentTierHistory: (scope, agent, since) => agentTierHistory(db, scope, agent, since),
    audit: (scope, filter) => auditDecisions(db, scope, filter),
  };
}

export type { AgentMerge, AgentSummary, ApprovalWait, AuditFilter, MergeEvent, RepositorySummary, RevertEvent, ReadableScope, TierChange };

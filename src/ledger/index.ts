/** The autonomy ledger (SPEC §5): what the app and the CLI import. */
export type {
  CountedApprover,
  DecisionQuery,
  DecisionRecord,
  IgnoredApprover,
  Ledger,
  LedgerScope,
  MergeRecord,
  PullMergeRecord,
  RepoRef,
  RevertRecord,
  TrackRecord,
} from "./ledger.js";
export { DEFAULT_DATA_DIR, SQLITE_FILE, ledgerOptionsFromEnv, openLedger, type LedgerOptions } from "./open.js";
export { decisionRecordFrom, type PullRequestRef } from "./decision-record.js";
export { recordRevertsIn, type RevertingChange } from "./record-revert.js";
export { parseRevertReferences, pullRequestText, type PullRequestReference, type RevertReferences } from "./reverts.js";
export { NEW_TIER, agentTrust, computeTrust, lowestTier, nextTierChange, windowStart, type TierOutlook } from "./tiers.js";
export { trustFor, trustScope } from "./trust.js";
export type {
  AgentMerge,
  AgentSummary,
  ApprovalWait,
  AuditFilter,
  LedgerReads,
  MergeEvent,
  ReadableScope,
  RepositorySummary,
  RevertEvent,
  TierChange,
} from "./queries/reads.js";
export { scopeOf } from "./queries/scope.js";

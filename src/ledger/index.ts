/** The autonomy ledger: what the app and the CLI import. */
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
export { DEFAULT_DATA_DIR, SQLITE_FILE, openLedger, type LedgerOptions } from "./open.js";
export { recordRevertsIn, type RevertingChange } from "./record-revert.js";
export { parseRevertReferences, pullRequestText, type PullRequestReference, type RevertReferences } from "./reverts.js";
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

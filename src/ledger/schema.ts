/**
 * The ledger's tables as Kysely sees them. One schema for both dialects, so times are
 * ISO-8601 UTC text (`Date.toISOString()`: fixed width, so text order is time order) and
 * lists are JSON text.
 */
export interface MergesTable {
  owner: string;
  repo: string;
  pr_number: number;
  head_sha: string;
  merge_commit_sha: string | null;
  /** JSON array of agent ids, as recorded (merge_agents is the queryable copy). */
  agents: string;
  merged_at: string;
}

/** One row per (merge, agent): what track records are counted from. */
export interface MergeAgentsTable {
  owner: string;
  repo: string;
  pr_number: number;
  agent: string;
}

/** At most one row per merge: a change counts as reverted once. */
export interface RevertsTable {
  owner: string;
  repo: string;
  pr_number: number;
  revert_commit_sha: string | null;
  revert_pr_number: number | null;
  reverted_at: string;
}

export interface DecisionsTable {
  owner: string;
  repo: string;
  pr_number: number;
  head_sha: string;
  /** sha256 of every other column but `decided_at`: an identical decision is stored once. */
  digest: string;
  conclusion: string;
  title: string;
  tier: string;
  policy_kind: string;
  policy_description: string;
  /** JSON arrays. */
  policy_blob_shas: string;
  agents: string;
  rules: string;
  gates: string;
  counted: string;
  ignored: string;
  /** JSON object or null. */
  override: string | null;
  decided_at: string;
  /** 1/0; null for decisions recorded before it was kept. Not part of the digest. */
  ai_assisted: number | null;
}

/** When an AI-assisted pull request's rule first waited for approval, and when it was then met. */
export interface ApprovalWaitsTable {
  owner: string;
  repo: string;
  pr_number: number;
  rule: string;
  waiting_since: string;
  met_at: string | null;
  /** JSON array of the rule's teams ("org/slug"); [] = users or a permission only; null = not recorded. */
  teams: string | null;
}

/** Every merged pull request, AI-assisted or not (merges holds the AI-assisted ones with their agents). */
export interface PullMergesTable {
  owner: string;
  repo: string;
  pr_number: number;
  ai_assisted: number;
  merged_at: string;
}

/** One row per (pull request, pusher): who pushed its heads, remembered across events. */
export interface PullRequestPushersTable {
  owner: string;
  repo: string;
  pr_number: number;
  /** Normalised login (lower case, no "[bot]"). */
  login: string;
  account_id: number | null;
  /** 1 = a Bot account. */
  is_bot: number;
  first_pushed_at: string;
}

/** How many decisions a repository had on one UTC day (kept as decisions are recorded). */
export interface DecisionDaysTable {
  owner: string;
  repo: string;
  /** YYYY-MM-DD, the first 10 characters of `decided_at`. */
  day: string;
  decision_count: number;
}

/** The policy in force at a repository's latest decision (kept as decisions are recorded). */
export interface LatestPoliciesTable {
  owner: string;
  repo: string;
  decided_at: string;
  policy_kind: string;
  policy_description: string;
}

/** One row per (decision, agent): the queryable copy of `decisions.agents`. */
export interface DecisionAgentsTable {
  owner: string;
  repo: string;
  pr_number: number;
  agent: string;
  tier: string;
  decided_at: string;
}

export interface LedgerDatabase {
  merges: MergesTable;
  pull_request_pushers: PullRequestPushersTable;
  merge_agents: MergeAgentsTable;
  reverts: RevertsTable;
  decisions: DecisionsTable;
  pull_merges: PullMergesTable;
  approval_waits: ApprovalWaitsTable;
  decision_days: DecisionDaysTable;
  latest_policies: LatestPoliciesTable;
  decision_agents: DecisionAgentsTable;
}

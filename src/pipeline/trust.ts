/** The engine's `trust` input for one repository: track records from the ledger, tiers from the policy's autonomy settings. */
import type { Autonomy } from "../config/policy.js";
import type { Ledger, LedgerScope, RepoRef } from "../ledger/index.js";
import { computeTrust, windowStart } from "../policy/autonomy.js";
import type { Trust } from "../policy/decision.js";

export function trustScope(repo: RepoRef, autonomy: Autonomy): LedgerScope {
  return autonomy.scope === "organization" ? { owner: repo.owner } : { owner: repo.owner, repo: repo.repo };
}

export async function trustFor(ledger: Ledger, repo: RepoRef, autonomy: Autonomy | null, now: Date): Promise<Trust> {
  // Autonomy off: everyone is `new`, and absent agents are `new` — no need to read anything.
  if (autonomy === null) return { agents: {} };
  const records = await ledger.trackRecords(trustScope(repo, autonomy), windowStart(autonomy, now));
  return computeTrust(records, autonomy, now);
}

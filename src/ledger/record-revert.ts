/** From a commit or pull request that says it reverts something, to the ledger's revert records. */
import type { Ledger, MergeRecord, RepoRef } from "./ledger.js";
import { parseRevertReferences } from "./reverts.js";

export interface RevertingChange extends RepoRef {
  /** Commit message, or `pullRequestText(title, body)`. */
  text: string;
  /** The commit on the default branch that carries the revert, when known. */
  commitSha: string | null;
  /** The reverting pull request, when the revert came through one. */
  pr: number | null;
  at: Date;
}

/**
 * Records a revert against every recorded AI-assisted merge the change names, and returns
 * the merges newly counted as reverted. Changes that name no recorded merge (a human PR, an
 * unknown SHA) record nothing; seeing the same revert again — push and pull_request events
 * both report a merged revert PR — counts nothing twice.
 */
export async function recordRevertsIn(ledger: Ledger, change: RevertingChange): Promise<MergeRecord[]> {
  const refs = parseRevertReferences(change.text, change);
  const candidates: Array<MergeRecord | null> = [];
  for (const sha of refs.commits) candidates.push(await ledger.findMergeByCommit(change, sha));
  for (const pull of refs.pulls) candidates.push(await ledger.findMergeByPr(pull, pull.number));

  const counted: MergeRecord[] = [];
  const seen = new Set<string>();
  for (const merge of candidates) {
    if (merge === null) continue;
    const key = `${merge.owner}/${merge.repo}#${merge.pr}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const inserted = await ledger.recordRevert({
      owner: merge.owner,
      repo: merge.repo,
      pr: merge.pr,
      revertCommitSha: change.commitSha,
      revertPr: change.pr,
      revertedAt: change.at,
    });
    if (inserted) counted.push(merge);
  }
  return counted;
}

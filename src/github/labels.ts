/**
 * Keep the app's label in step with the detection. The PR's labels are already in
 * the facts, so no read is needed: only the writes that change something are made.
 */
import { httpStatus, type GitHubClient } from "./client.js";

export interface LabelTarget {
  owner: string;
  repo: string;
  number: number;
}

export interface LabelResult {
  added: string | null;
  removed: string | null;
  requests: number;
}

export async function applyLabel(
  octokit: GitHubClient,
  target: LabelTarget,
  change: { add: string | null; remove: string | null },
  /** The PR's label names now (from `facts.labels`). */
  current: string[],
): Promise<LabelResult> {
  const present = new Set(current.map((name) => name.toLowerCase()));
  const result: LabelResult = { added: null, removed: null, requests: 0 };
  const conflicting = change.add !== null && change.remove !== null && change.add.toLowerCase() === change.remove.toLowerCase();
  if (conflicting) return result;

  if (change.add && !present.has(change.add.toLowerCase())) {
    result.requests += 1;
    // Adding an unknown label creates it in the repository.
    await octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/labels", {
      owner: target.owner,
      repo: target.repo,
      issue_number: target.number,
      labels: [change.add],
    });
    result.added = change.add;
  }
  const removing = change.remove ? current.find((name) => name.toLowerCase() === change.remove!.toLowerCase()) : undefined;
  if (removing !== undefined) {
    result.requests += 1;
    try {
      await octokit.request("DELETE /repos/{owner}/{repo}/issues/{issue_number}/labels/{name}", {
        owner: target.owner,
        repo: target.repo,
        issue_number: target.number,
        name: removing,
      });
      result.removed = removing;
    } catch (error) {
      // Someone removed it meanwhile: the goal is reached.
      if (httpStatus(error) !== 404) throw error;
    }
  }
  return result;
}

/**
 * Which pull requests a merge group contains. The `merge_group` webhook
 * names only the group's head commit and refs, so the queue is read once:
 *
 *   repository.mergeQueue(branch).entries → position, pullRequest, headCommit
 *
 * The group whose head is `head_sha` is the entry whose `headCommit` is that commit plus
 * every entry ahead of it (lower position): each entry's head commit merges all of them.
 * When the queue no longer lists the entry (it was dequeued meanwhile, or the queue is not
 * readable), the group's branch name `gh-readonly-queue/<base>/pr-<N>-<sha>` still names its
 * last pull request. Validated against GitHub's schema in test/app/merge-group.test.ts.
 */
import type { GitHubClient } from "./client.js";

export const MERGE_QUEUE_QUERY = `
query MergeQueueEntries($owner: String!, $repo: String!, $branch: String!, $after: String) {
  repository(owner: $owner, name: $repo) {
    mergeQueue(branch: $branch) {
      entries(first: 100, after: $after) {
        pageInfo { hasNextPage endCursor }
        nodes {
          position
          pullRequest { number headRefOid }
          headCommit { oid }
        }
      }
    }
  }
}`;

export interface GqlMergeQueueEntry {
  position: number;
  pullRequest: { number: number; headRefOid: string } | null;
  headCommit: { oid: string } | null;
}

export interface MergeQueueResponse {
  repository: {
    mergeQueue: {
      entries: {
        /** Absent in old fixtures: the page was all. */
        pageInfo?: { hasNextPage: boolean; endCursor: string | null };
        nodes: (GqlMergeQueueEntry | null)[] | null;
      } | null;
    } | null;
  } | null;
}

export interface MergeGroupRef {
  owner: string;
  repo: string;
  /** The group's head commit (`merge_group.head_sha`). */
  headSha: string;
  /** `refs/heads/gh-readonly-queue/<base>/pr-<N>-<sha>`. */
  headRef: string;
  /** `refs/heads/<base>`. */
  baseRef: string;
}

export interface QueuedPullRequest {
  number: number;
  /** The head the PR was queued with; unknown when only the branch name told us the PR. */
  headSha: string | null;
}

export interface MergeGroupMembers {
  pullRequests: QueuedPullRequest[];
  /** Where the list came from: the queue itself, or the group's branch name. */
  source: "merge-queue" | "head-ref";
}

const QUEUE_BRANCH = /^(?:refs\/heads\/)?gh-readonly-queue\/(.+)\/pr-(\d+)-[0-9a-f]{7,64}$/i;

export function branchName(ref: string): string {
  return ref.replace(/^refs\/heads\//, "");
}

/** The last pull request of a group, from its branch name; null when the name is not a queue branch. */
export function pullRequestFromQueueBranch(headRef: string): { base: string; number: number } | null {
  const match = QUEUE_BRANCH.exec(headRef);
  if (!match) return null;
  const number = Number(match[2]);
  return Number.isSafeInteger(number) && number > 0 ? { base: match[1], number } : null;
}

/** The entries of the group whose head is `headSha`, in queue order; empty when none has that head. */
export function groupEntries(entries: readonly (GqlMergeQueueEntry | null)[], headSha: string): QueuedPullRequest[] {
  const listed = entries
    .filter((entry): entry is GqlMergeQueueEntry & { pullRequest: NonNullable<GqlMergeQueueEntry["pullRequest"]> } =>
      entry !== null && entry.pullRequest !== null,
    )
    .sort((a, b) => a.position - b.position);
  const head = listed.find((entry) => entry.headCommit?.oid === headSha);
  if (!head) return [];
  return listed
    .filter((entry) => entry.position <= head.position)
    .map((entry) => ({ number: entry.pullRequest.number, headSha: entry.pullRequest.headRefOid }));
}

/**
 * The queue's entries in pages of 100, up to the page with the group's head (its entry and every
 * entry ahead of it: a group beyond the 100th entry is not taken for its last pull request alone).
 */
async function entriesUpTo(octokit: GitHubClient, group: MergeGroupRef): Promise<(GqlMergeQueueEntry | null)[]> {
  const entries: (GqlMergeQueueEntry | null)[] = [];
  let after: string | null = null;
  do {
    const data: MergeQueueResponse = await octokit.graphql<MergeQueueResponse>(MERGE_QUEUE_QUERY, {
      owner: group.owner,
      repo: group.repo,
      branch: branchName(group.baseRef),
      after,
    });
    const page = data.repository?.mergeQueue?.entries;
    entries.push(...(page?.nodes ?? []));
    const found = entries.some((entry) => entry?.headCommit?.oid === group.headSha);
    after = !found && page?.pageInfo?.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return entries;
}

/**
 * The group's pull requests: from the queue, else from the branch name. An empty list means
 * neither told us (the caller fails closed).
 */
export async function mergeGroupPullRequests(octokit: GitHubClient, group: MergeGroupRef): Promise<MergeGroupMembers> {
  const fromQueue = groupEntries(await entriesUpTo(octokit, group), group.headSha);
  if (fromQueue.length > 0) return { pullRequests: fromQueue, source: "merge-queue" };
  const last = pullRequestFromQueueBranch(group.headRef);
  return { pullRequests: last ? [{ number: last.number, headSha: null }] : [], source: "head-ref" };
}

/**
 * GraphQL `Repository.mergeQueue(branch:)`, from the world's merge groups. GitHub's queue is
 * one line of entries: each entry's head commit merges it and every entry ahead of it. The
 * simulator's groups are built separately, so the queue lists every open PR of the branch's
 * groups in creation order (a PR queued again keeps only its latest place), each with the
 * commit its own group made for it. No group on the branch: no queue (null), like a branch
 * without merge queue protection.
 */
import type { GraphQLResolveInfo } from "graphql";
import { nodeId } from "../world/git.js";
import type { MergeGroupRecord, RepoRecord } from "../world/records.js";
import { connection, type PageArgs } from "./connection.js";
import type { Graph } from "./graph.js";

type Node = Record<string, unknown>;

/** The commit a group made for each of its PRs, in the group's order (walking first parents back from its head). */
function entryHeads(repo: RepoRecord, group: MergeGroupRecord): string[] {
  const heads: string[] = [];
  let sha: string | undefined = group.headSha;
  for (let i = 0; i < group.pulls.length && sha; i += 1) {
    heads.unshift(sha);
    sha = repo.commits.get(sha)?.parents[0];
  }
  return heads;
}

export function mergeQueueNode(m: Graph, repo: RepoRecord, branch: string): Node | null {
  const groups = m.world.mergeGroups.filter((g) => g.repo === repo.fullName && g.baseRef === `refs/heads/${branch}`);
  if (groups.length === 0) return null;
  const queued = new Map<number, { group: MergeGroupRecord; head: string }>();
  for (const group of groups) {
    const heads = entryHeads(repo, group);
    group.pulls.forEach((number, index) => {
      queued.delete(number);
      queued.set(number, { group, head: heads[index] ?? group.headSha });
    });
  }
  const entries = [...queued.entries()]
    .filter(([number]) => repo.pulls.get(number)?.state === "open")
    .map(([number, { group, head }], index) => {
      const pull = repo.pulls.get(number)!;
      return {
        __typename: "MergeQueueEntry",
        id: nodeId("MQE", `${repo.fullName}:${branch}:${number}`),
        position: index + 1,
        state: "QUEUED",
        jump: false,
        solo: false,
        enqueuedAt: pull.updatedAt,
        pullRequest: () => m.pullRequest(repo, pull),
        headCommit: () => m.commit(repo, head),
        baseCommit: () => m.commit(repo, group.baseSha),
      };
    });
  return {
    __typename: "MergeQueue",
    id: nodeId("MQ", `${repo.fullName}:${branch}`),
    url: `${m.web}/${repo.fullName}/queue/${branch}`,
    resourcePath: `/${repo.fullName}/queue/${branch}`,
    repository: () => m.repository(repo),
    entries: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) => connection(entries, args, info),
  };
}

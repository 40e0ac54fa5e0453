/** GraphQL PullRequest with its commits, changed files, reviews, review requests, labels and timeline. */
import type { GraphQLResolveInfo } from "graphql";
import { PERMISSION_RANK, type PullRecord, type RepoRecord, type ReviewRecord, type TimelineEventRecord } from "../world/records.js";
import { connection, type PageArgs } from "./connection.js";
import type { Graph } from "./graph.js";

type Node = Record<string, unknown>;
type Resolver<A> = (args: A, ctx: unknown, info: GraphQLResolveInfo) => unknown;

/** GitHub lists at most 3 000 files of a pull request (GraphQL as REST); `changedFiles` still counts them all. */
const LISTED_FILES = 3000;

const CHANGE_TYPES = { added: "ADDED", removed: "DELETED", modified: "MODIFIED", renamed: "RENAMED" } as const;

export function pullRequestNode(m: Graph, repo: RepoRecord, pull: PullRecord): Node {
  const headSha = pull.commits[pull.commits.length - 1];
  const files = (): ReturnType<typeof m.world.filesOf> => m.world.filesOf(pull);
  const url = `${m.web}/${repo.fullName}/pull/${pull.number}`;
  const paged = <T>(items: () => T[]): Resolver<PageArgs> => (args, _ctx, info) => connection(items(), args, info);
  return {
    __typename: "PullRequest",
    id: pull.nodeId,
    databaseId: pull.id,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    bodyText: pull.body,
    url,
    permalink: url,
    resourcePath: `/${repo.fullName}/pull/${pull.number}`,
    isDraft: pull.draft,
    state: pull.merged ? "MERGED" : pull.state === "open" ? "OPEN" : "CLOSED",
    closed: pull.state === "closed",
    merged: pull.merged,
    locked: pull.locked,
    mergedAt: pull.mergedAt,
    closedAt: pull.closedAt,
    createdAt: pull.createdAt,
    updatedAt: pull.updatedAt,
    mergeable: pull.state === "open" ? "MERGEABLE" : "UNKNOWN",
    isCrossRepository: false,
    maintainerCanModify: false,
    baseRefName: pull.baseRef,
    headRefName: pull.headRef,
    headRefOid: headSha,
    baseRefOid: repo.branches.get(pull.baseRef) ?? headSha,
    authorAssociation: m.world.association(repo.fullName, pull.author),
    additions: () => files().reduce((n, f) => n + f.additions, 0),
    deletions: () => files().reduce((n, f) => n + f.deletions, 0),
    changedFiles: () => files().length,
    author: () => m.accountByLogin(pull.author),
    mergedBy: () => m.accountByLogin(pull.mergedBy),
    repository: () => m.repository(repo),
    baseRepository: () => m.repository(repo),
    headRepository: () => m.repository(repo),
    baseRef: () => m.ref(repo, pull.baseRef),
    headRef: () => m.ref(repo, pull.headRef),
    mergeCommit: () => (pull.mergeCommitSha ? m.commit(repo, pull.mergeCommitSha) : null),
    labels: paged(() => pull.labels.map((name) => m.label(repo, name))),
    commits: paged(() =>
      pull.commits.map((sha) => ({
        __typename: "PullRequestCommit",
        id: `PURC_${Buffer.from(`${pull.id}:${sha}`).toString("base64url")}`,
        url: `${url}/commits/${sha}`,
        resourcePath: `/${repo.fullName}/pull/${pull.number}/commits/${sha}`,
        commit: m.commit(repo, sha),
        pullRequest: () => pullRequestNode(m, repo, pull),
      })),
    ),
    files: paged(() =>
      files().slice(0, LISTED_FILES).map((f) => ({
        __typename: "PullRequestChangedFile",
        path: f.path,
        additions: f.additions,
        deletions: f.deletions,
        changeType: CHANGE_TYPES[f.status],
        viewerViewedState: "UNVIEWED",
      })),
    ),
    reviews: ((args: PageArgs & { states?: string[] | null; author?: string | null }, _ctx, info) => {
      const reviews = pull.reviews.filter(
        (r) => (!args.states || args.states.includes(r.state)) && (!args.author || r.user.toLowerCase() === args.author.toLowerCase()),
      );
      return connection(reviews.map((r) => reviewNode(m, repo, pull, r)), args, info);
    }) satisfies Resolver<PageArgs & { states?: string[] | null; author?: string | null }>,
    latestReviews: paged(() => latestPerAuthor(pull.reviews, () => true).map((r) => reviewNode(m, repo, pull, r))),
    latestOpinionatedReviews: ((args: PageArgs & { writersOnly?: boolean | null }, _ctx, info) => {
      const opinionated = latestPerAuthor(pull.reviews, (r) => r.state !== "COMMENTED").filter(
        (r) => !args.writersOnly || PERMISSION_RANK[m.world.permissionOf(repo.fullName, r.user)] >= PERMISSION_RANK.write,
      );
      return connection(opinionated.map((r) => reviewNode(m, repo, pull, r)), args, info);
    }) satisfies Resolver<PageArgs & { writersOnly?: boolean | null }>,
    reviewRequests: paged(() => [
      ...pull.requestedUsers.map((login) => reviewRequest(pull, login, m.accountByLogin(login))),
      ...pull.requestedTeams.map((slug) => {
        const team = m.world.team(repo.owner, slug);
        return reviewRequest(pull, slug, team ? m.team(team) : null);
      }),
    ]),
    reviewDecision: () => reviewDecision(pull),
    timelineItems: ((args: PageArgs & { itemTypes?: string[] | null; since?: string | null }, _ctx, info) => {
      const wanted = args.itemTypes ? new Set(args.itemTypes.map(typeNameOf)) : null;
      const items = timeline(m, repo, pull).filter(
        (item) => (!wanted || wanted.has(item.__typename as string)) && (!args.since || String(item.createdAt ?? "") >= args.since),
      );
      const result = connection(items, args, info);
      return { ...result, filteredCount: items.length, pageCount: (result.nodes as unknown[]).length, updatedAt: pull.updatedAt };
    }) satisfies Resolver<PageArgs & { itemTypes?: string[] | null; since?: string | null }>,
  };
}

/** LABELED_EVENT → LabeledEvent (the enum names the object types). */
function typeNameOf(itemType: string): string {
  return itemType
    .toLowerCase()
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

function latestPerAuthor(reviews: ReviewRecord[], keep: (r: ReviewRecord) => boolean): ReviewRecord[] {
  const latest = new Map<string, ReviewRecord>();
  for (const review of reviews) if (review.state !== "PENDING" && keep(review)) latest.set(review.user.toLowerCase(), review);
  return [...latest.values()].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt));
}

function reviewDecision(pull: PullRecord): string | null {
  const latest = latestPerAuthor(pull.reviews, (r) => r.state !== "COMMENTED");
  if (latest.some((r) => r.state === "CHANGES_REQUESTED")) return "CHANGES_REQUESTED";
  if (latest.some((r) => r.state === "APPROVED")) return "APPROVED";
  return "REVIEW_REQUIRED";
}

function reviewRequest(pull: PullRecord, key: string, reviewer: Node | null): Node {
  return {
    __typename: "ReviewRequest",
    id: `RR_${Buffer.from(`${pull.id}:${key}`).toString("base64url")}`,
    databaseId: null,
    asCodeOwner: false,
    requestedReviewer: reviewer,
  };
}

export function reviewNode(m: Graph, repo: RepoRecord, pull: PullRecord, review: ReviewRecord): Node {
  const url = `${m.web}/${repo.fullName}/pull/${pull.number}#pullrequestreview-${review.id}`;
  return {
    __typename: "PullRequestReview",
    id: review.nodeId,
    databaseId: review.id,
    state: review.state,
    body: review.body,
    bodyText: review.body,
    submittedAt: review.submittedAt,
    createdAt: review.submittedAt,
    publishedAt: review.submittedAt,
    updatedAt: review.submittedAt,
    lastEditedAt: null,
    url,
    resourcePath: `/${repo.fullName}/pull/${pull.number}#pullrequestreview-${review.id}`,
    authorAssociation: m.world.association(repo.fullName, review.user),
    authorCanPushToRepository: () => PERMISSION_RANK[m.world.permissionOf(repo.fullName, review.user)] >= PERMISSION_RANK.write,
    author: () => m.accountByLogin(review.user),
    commit: () => m.commit(repo, review.commitId),
    pullRequest: () => pullRequestNode(m, repo, pull),
    repository: () => m.repository(repo),
  };
}

/** Events, commits and reviews in time order, as GitHub's timeline lists them. */
function timeline(m: Graph, repo: RepoRecord, pull: PullRecord): Node[] {
  const items: Node[] = [
    ...pull.commits.map((sha) => ({
      __typename: "PullRequestCommit",
      id: `PURC_${Buffer.from(`${pull.id}:${sha}`).toString("base64url")}`,
      createdAt: repo.commits.get(sha)?.committer.date,
      url: `${m.web}/${repo.fullName}/pull/${pull.number}/commits/${sha}`,
      resourcePath: `/${repo.fullName}/pull/${pull.number}/commits/${sha}`,
      commit: m.commit(repo, sha),
      pullRequest: () => pullRequestNode(m, repo, pull),
    })),
    ...pull.reviews.map((r) => reviewNode(m, repo, pull, r)),
    ...pull.timeline.map((event) => timelineEventNode(m, repo, pull, event)),
  ];
  return items.sort((a, b) => String(a.createdAt ?? "").localeCompare(String(b.createdAt ?? "")));
}

function timelineEventNode(m: Graph, repo: RepoRecord, pull: PullRecord, event: TimelineEventRecord): Node {
  const base: Node = {
    __typename: event.type,
    id: `${event.type}_${event.id}`,
    createdAt: event.createdAt,
    actor: () => m.accountByLogin(event.actor),
    pullRequest: () => pullRequestNode(m, repo, pull),
  };
  switch (event.type) {
    case "LabeledEvent":
    case "UnlabeledEvent":
      return { ...base, label: m.label(repo, event.label ?? ""), labelable: () => pullRequestNode(m, repo, pull) };
    case "ReviewRequestedEvent":
    case "ReviewRequestRemovedEvent": {
      const team = event.requestedReviewer?.team ? m.world.team(repo.owner, event.requestedReviewer.team) : undefined;
      return { ...base, requestedReviewer: () => (team ? m.team(team) : m.accountByLogin(event.requestedReviewer?.user ?? null)) };
    }
    case "HeadRefForcePushedEvent":
      return {
        ...base,
        beforeCommit: () => (event.beforeSha ? m.commit(repo, event.beforeSha) : null),
        afterCommit: () => (event.afterSha ? m.commit(repo, event.afterSha) : null),
        ref: () => m.ref(repo, pull.headRef),
      };
    case "MergedEvent":
      return {
        ...base,
        commit: () => (pull.mergeCommitSha ? m.commit(repo, pull.mergeCommitSha) : null),
        mergeRefName: pull.baseRef,
        url: `${m.web}/${repo.fullName}/pull/${pull.number}`,
        resourcePath: `/${repo.fullName}/pull/${pull.number}`,
      };
    case "ReviewDismissedEvent": {
      const review = pull.reviews.find((r) => r.id === event.reviewId);
      return { ...base, review: () => (review ? reviewNode(m, repo, pull, review) : null), dismissalMessage: null };
    }
    default:
      return base;
  }
}

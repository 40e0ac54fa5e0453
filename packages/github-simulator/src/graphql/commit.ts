/** GraphQL Commit, with its identities, signature, check suites/runs, statuses and rollup. */
import type { GraphQLResolveInfo } from "graphql";
import type { CheckRunRecord, CheckSuiteRecord, GitPerson, RepoRecord, StatusRecord } from "../world/records.js";
import { connection, type PageArgs } from "./connection.js";
import type { Graph } from "./graph.js";

type Node = Record<string, unknown>;

const upper = (value: string | null): string | null => (value === null ? null : value.toUpperCase());

export function commitNode(m: Graph, repo: RepoRecord, sha: string): Node | null {
  const commit = repo.commits.get(sha);
  if (!commit) return null;
  const [headline, ...rest] = commit.message.split("\n");
  const additions = commit.files.reduce((n, f) => n + f.additions, 0);
  const deletions = commit.files.reduce((n, f) => n + f.deletions, 0);
  return {
    __typename: "Commit",
    id: `C_${Buffer.from(sha).toString("base64url")}`,
    oid: sha,
    abbreviatedOid: sha.slice(0, 7),
    message: commit.message,
    messageHeadline: headline,
    messageBody: rest.join("\n").replace(/^\n+/, ""),
    authoredDate: commit.author.date,
    committedDate: commit.committer.date,
    additions,
    deletions,
    changedFilesIfAvailable: commit.files.length,
    url: `${m.web}/${repo.fullName}/commit/${sha}`,
    commitUrl: `${m.web}/${repo.fullName}/commit/${sha}`,
    resourcePath: `/${repo.fullName}/commit/${sha}`,
    repository: () => m.repository(repo),
    author: gitActor(m, commit.author),
    committer: gitActor(m, commit.committer),
    file: ({ path }: { path: string }) => m.treeEntry(repo, sha, path.replace(/^\/+|\/+$/g, "")),
    tree: () => m.gitObject(repo, `${sha}:`),
    // GitHub: "the git author and the Co-authored-by message trailer. The git author will always be first."
    authors: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
      connection([commit.author, ...coAuthors(commit.message, commit.author.date)].map((p) => gitActor(m, p)), args, info),
    signature:
      commit.verified === null
        ? null
        : {
            __typename: "GpgSignature",
            isValid: commit.verified,
            state: commit.verified ? "VALID" : "INVALID",
            email: commit.committer.email,
            payload: "",
            signature: "",
            signer: null,
            wasSignedByGitHub: commit.committer.email === "noreply@github.com",
            keyId: null,
          },
    parents: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
      connection(commit.parents.map((p) => commitNode(m, repo, p)).filter((c): c is Node => c !== null), args, info),
    associatedPullRequests: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
      connection(m.world.pullsWithCommit(repo.fullName, sha).map((p) => m.pullRequest(repo, p)), args, info),
    checkSuites: (args: PageArgs & { filterBy?: { appId?: number | null; checkName?: string | null } | null }, _ctx: unknown, info: GraphQLResolveInfo) => {
      let suites = [...repo.checkSuites.values()].filter((s) => s.headSha === sha);
      const filter = args.filterBy;
      if (filter?.appId) suites = suites.filter((s) => s.appId === filter.appId);
      if (filter?.checkName) suites = suites.filter((s) => suiteRuns(repo, s).some((r) => r.name === filter.checkName));
      return connection(suites.map((s) => checkSuiteNode(m, repo, s)), args, info);
    },
    status: () => {
      const contexts = m.world.latestStatuses(repo.fullName, sha);
      if (contexts.length === 0) return null;
      return {
        __typename: "Status",
        id: `S_${Buffer.from(sha).toString("base64url")}`,
        state: combinedState(contexts),
        contexts: contexts.map((s) => statusContextNode(m, s)),
        context: ({ name }: { name: string }) => {
          const found = contexts.find((s) => s.context === name);
          return found ? statusContextNode(m, found) : null;
        },
        commit: () => commitNode(m, repo, sha),
      };
    },
    statusCheckRollup: () => {
      const runs = latestRuns(m.world.checkRunsFor(repo.fullName, sha));
      const statuses = m.world.latestStatuses(repo.fullName, sha);
      if (runs.length === 0 && statuses.length === 0) return null;
      const contexts = [...runs.map((r) => checkRunNode(m, repo, r)), ...statuses.map((s) => statusContextNode(m, s))];
      return {
        __typename: "StatusCheckRollup",
        id: `SCR_${Buffer.from(sha).toString("base64url")}`,
        state: rollupState(runs, statuses),
        commit: () => commitNode(m, repo, sha),
        contexts: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) => connection(contexts, args, info),
      };
    },
  };
}

/** A commit identity; `user` is only ever a User (GitHub's GitActor.user cannot be a Bot). */
/** The identities of a message's `Co-authored-by: Name <email>` trailers. */
function coAuthors(message: string, date: string): GitPerson[] {
  return [...message.matchAll(/^[ \t]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*<([^<>\s]+)>[ \t]*$/gim)].map((match) => ({
    name: match[1],
    email: match[2],
    date,
  }));
}

function gitActor(m: Graph, person: GitPerson): Node {
  const account = m.world.accountForPerson(person);
  return {
    __typename: "GitActor",
    name: person.name,
    email: person.email,
    date: person.date,
    avatarUrl: `${m.web}/avatars/u/${account?.id ?? 0}?v=4`,
    user: account && account.type === "User" ? m.account(account) : null,
  };
}

function suiteRuns(repo: RepoRecord, suite: CheckSuiteRecord): CheckRunRecord[] {
  return [...repo.checkRuns.values()].filter((r) => r.suiteId === suite.id);
}

function latestRuns(runs: CheckRunRecord[]): CheckRunRecord[] {
  const latest = new Map<string, CheckRunRecord>();
  for (const run of runs) latest.set(`${run.appId}:${run.name}`, run);
  return [...latest.values()];
}

export function checkSuiteNode(m: Graph, repo: RepoRecord, suite: CheckSuiteRecord): Node {
  const runs = suiteRuns(repo, suite);
  const completed = runs.length > 0 && runs.every((r) => r.status === "completed");
  const order = ["ACTION_REQUIRED", "CANCELLED", "TIMED_OUT", "FAILURE", "STARTUP_FAILURE", "NEUTRAL", "SKIPPED", "STALE", "SUCCESS"];
  const conclusions = runs.map((r) => upper(r.conclusion));
  return {
    __typename: "CheckSuite",
    id: suite.nodeId,
    databaseId: suite.id,
    status: runs.length === 0 ? "QUEUED" : completed ? "COMPLETED" : "IN_PROGRESS",
    conclusion: completed ? (order.find((c) => conclusions.includes(c)) ?? "SUCCESS") : null,
    createdAt: suite.createdAt,
    updatedAt: suite.updatedAt,
    url: `${m.web}/${repo.fullName}/commit/${suite.headSha}/checks?check_suite_id=${suite.id}`,
    resourcePath: `/${repo.fullName}/commit/${suite.headSha}/checks?check_suite_id=${suite.id}`,
    app: () => m.app(suite.appId),
    branch: () => (suite.headBranch ? m.ref(repo, suite.headBranch) : null),
    commit: () => commitNode(m, repo, suite.headSha),
    repository: () => m.repository(repo),
    checkRuns: (
      args: PageArgs & { filterBy?: { checkName?: string | null; checkType?: string | null; appId?: number | null; status?: string | null } | null },
      _ctx: unknown,
      info: GraphQLResolveInfo,
    ) => {
      const filter = args.filterBy;
      let selected = filter?.checkType === "ALL" ? runs : latestRuns(runs);
      if (filter?.checkName) selected = selected.filter((r) => r.name === filter.checkName);
      if (filter?.status) selected = selected.filter((r) => upper(r.status) === filter.status);
      return connection(selected.map((r) => checkRunNode(m, repo, r)), args, info);
    },
  };
}

export function checkRunNode(m: Graph, repo: RepoRecord, run: CheckRunRecord): Node {
  const url = `${m.web}/${repo.fullName}/runs/${run.id}`;
  return {
    __typename: "CheckRun",
    id: run.nodeId,
    databaseId: run.id,
    name: run.name,
    status: upper(run.status),
    conclusion: upper(run.conclusion),
    startedAt: run.startedAt,
    completedAt: run.completedAt,
    detailsUrl: run.detailsUrl,
    externalId: run.externalId,
    title: run.output.title,
    summary: run.output.summary,
    text: run.output.text,
    url,
    permalink: url,
    resourcePath: `/${repo.fullName}/runs/${run.id}`,
    isRequired: () => false,
    checkSuite: () => checkSuiteNode(m, repo, repo.checkSuites.get(run.suiteId)!),
    repository: () => m.repository(repo),
  };
}

function statusContextNode(m: Graph, status: StatusRecord): Node {
  return {
    __typename: "StatusContext",
    id: status.nodeId,
    context: status.context,
    state: status.state.toUpperCase(),
    description: status.description,
    targetUrl: status.targetUrl,
    createdAt: status.createdAt,
    avatarUrl: null,
    isRequired: () => false,
    creator: () => m.accountByLogin(status.creator),
  };
}

function combinedState(statuses: StatusRecord[]): string {
  if (statuses.some((s) => s.state === "error")) return "ERROR";
  if (statuses.some((s) => s.state === "failure")) return "FAILURE";
  if (statuses.every((s) => s.state === "success")) return "SUCCESS";
  return "PENDING";
}

function rollupState(runs: CheckRunRecord[], statuses: StatusRecord[]): string {
  const failed = ["failure", "timed_out", "cancelled", "action_required", "startup_failure", "stale"];
  if (runs.some((r) => r.status === "completed" && failed.includes(r.conclusion ?? ""))) return "FAILURE";
  if (statuses.some((s) => s.state === "error")) return "ERROR";
  if (statuses.some((s) => s.state === "failure")) return "FAILURE";
  if (runs.some((r) => r.status !== "completed") || statuses.some((s) => s.state === "pending")) return "PENDING";
  return "SUCCESS";
}

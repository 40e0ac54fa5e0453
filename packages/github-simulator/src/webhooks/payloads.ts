/**
 * Webhook payloads built as GitHub sends them: the example payload for event/action,
 * deep-copied, with repository, pull request, sender, installation (always with its id) and
 * the event's own object replaced by the world's data.
 */
import { Representations } from "../rest/representations.js";
import { SimulatorError } from "../world/errors.js";
import type { CommitRecord, MergeGroupRecord, RepoRecord } from "../world/records.js";
import type { PullRef, World } from "../world/world.js";
import { examplePayload } from "./examples.js";

/** What the event is about. Everything is optional; defaults come from the world. */
export interface WebhookSubject {
  /** "owner/name"; implied by `pr`. */
  repo?: string;
  pr?: PullRef;
  /** Login of the account that caused the event (default: PR author or repository owner). */
  sender?: string;
  /** Default: this app's installation on the repository owner (or `account`). */
  installationId?: number;
  /** Account of installation events (default: the repository owner). */
  account?: string;
  /** labeled / unlabeled. */
  label?: string;
  /** pull_request_review: review id (default: the PR's latest review). */
  review?: number;
  /** edited: what changed, as GitHub's `changes` object. */
  changes?: Record<string, unknown>;
  /** review_requested: the requested user login. */
  requestedReviewer?: string;
  /** check_run: the run (default: this app's latest run on the PR head). */
  checkRunId?: number;
  /** check_run requested_action: the action identifier. */
  identifier?: string;
  /** check_suite / status: the head SHA (default: the PR head or default-branch head). */
  sha?: string;
  /** check_suite: which app's suite (default: this app for requested/rerequested, GitHub Actions for completed). */
  app?: string | number;
  /** status: the context (default: the latest status on `sha`). */
  context?: string;
  /** push: branch ref (default: the default branch) and its before/after (default: the last push to it). */
  ref?: string;
  before?: string;
  after?: string;
  /** membership / team: "org/slug"; membership member login. */
  team?: string;
  member?: string;
  /** merge_group (default: the latest merge group of the repository). */
  mergeGroup?: MergeGroupRecord;
  /** installation_repositories. */
  repositoriesAdded?: string[];
  repositoriesRemoved?: string[];
  /** Deep-merged into the finished payload (objects merge, everything else replaces). */
  payload?: Record<string, unknown>;
}

type Json = Record<string, unknown>;

export function buildWebhookPayload(world: World, event: string, action: string | undefined, subject: WebhookSubject = {}): Json {
  const rep = new Representations(world);
  const payload = examplePayload(event, action);
  for (const stale of ["organization", "enterprise", "requester", "changes", "installation"]) delete payload[stale];

  const pull = subject.pr ? world.pullRequest(subject.pr) : undefined;
  const repoName = subject.repo ?? pull?.repo;
  const repo = repoName ? world.repo(repoName) : undefined;
  const senderLogin = subject.sender ?? pull?.author ?? repo?.owner ?? subject.account ?? world.appBot().login;
  const sender = world.account(senderLogin) ?? world.addUser(senderLogin);

  if (repo) {
    payload.repository = rep.repository(repo);
    if (world.orgs.has(repo.owner.toLowerCase())) payload.organization = rep.organization(repo.owner);
  }
  payload.sender = rep.user(sender);
  const account = subject.account ?? repo?.owner;
  const installation = subject.installationId !== undefined ? world.installations.get(subject.installationId) : account ? world.installationFor(account) : undefined;
  if (!installation) throw new SimulatorError(422, `no installation of app ${world.appId} for ${account ?? "(no account)"}`);
  payload.installation = { id: installation.id, node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${installation.id}` };

  const fill = FILLERS[event];
  if (fill) fill({ world, rep, payload, subject, repo, action });
  return subject.payload ? deepMerge(payload, subject.payload) : payload;
}

interface FillInput {
  world: World;
  rep: Representations;
  payload: Json;
  subject: WebhookSubject;
  repo: RepoRecord | undefined;
  action: string | undefined;
}

function need<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new SimulatorError(422, `webhook subject needs ${what}`);
  return value;
}

function pullPayload({ world, rep, payload, subject, repo, action }: FillInput): void {
  const pull = world.pullRequest(need(subject.pr, "pr"));
  payload.number = pull.number;
  payload.pull_request = rep.pullRequest(pull, true);
  if (action === "labeled" || action === "unlabeled") {
    payload.label = rep.label(repo!, world.label(pull.repo, need(subject.label ?? pull.labels[pull.labels.length - 1], "label")));
  } else delete payload.label;
  if (action === "edited") payload.changes = subject.changes ?? {};
  if (action === "synchronize") {
    const head = `refs/heads/${pull.headRef}`;
    const push = [...repo!.pushes].reverse().find((p) => p.ref === head);
    payload.before = subject.before ?? push?.before ?? pull.commits[pull.commits.length - 2] ?? pull.commits[0];
    payload.after = subject.after ?? pull.commits[pull.commits.length - 1];
  } else {
    delete payload.before;
    delete payload.after;
  }
  if (action === "review_requested" || action === "review_request_removed") {
    payload.requested_reviewer = rep.userByLogin(need(subject.requestedReviewer ?? pull.requestedUsers[0], "requestedReviewer"));
  } else {
    delete payload.requested_reviewer;
    delete payload.requested_team;
  }
}

function reviewPayload({ world, rep, payload, subject }: FillInput): void {
  const pull = world.pullRequest(need(subject.pr, "pr"));
  const review = subject.review !== undefined ? pull.reviews.find((r) => r.id === subject.review) : pull.reviews[pull.reviews.length - 1];
  const found = need(review, "a review on the pull request");
  // Webhooks spell review states in lower case, unlike REST and GraphQL.
  payload.review = { ...rep.review(pull, found), state: found.state.toLowerCase() };
  payload.pull_request = rep.pullRequest(pull, false);
  if (subject.changes) payload.changes = subject.changes;
}

function headOf(world: World, subject: WebhookSubject, repo: RepoRecord): string {
  if (subject.sha) return subject.sha;
  if (subject.pr) return world.headSha(subject.pr);
  return repo.branches.get(repo.defaultBranch)!;
}

function checkRunPayload({ world, rep, payload, subject, repo, action }: FillInput): void {
  const record = need(repo, "repo or pr");
  const sha = subject.checkRunId === undefined ? headOf(world, subject, record) : undefined;
  const run =
    subject.checkRunId !== undefined
      ? record.checkRuns.get(subject.checkRunId)
      : [...record.checkRuns.values()].reverse().find((r) => r.headSha === sha && r.appId === world.appId);
  const found = need(run, "a check run (checkRunId)");
  payload.check_run = { ...rep.checkRun(found), check_suite: rep.checkSuite(record.checkSuites.get(found.suiteId)!) };
  if (action === "requested_action") payload.requested_action = { identifier: need(subject.identifier ?? found.actions[0]?.identifier, "identifier") };
  else delete payload.requested_action;
}

function checkSuitePayload({ world, rep, payload, subject, repo, action }: FillInput): void {
  const record = need(repo, "repo or pr");
  const sha = headOf(world, subject, record);
  const app = subject.app !== undefined ? world.app(subject.app) : action === "completed" ? world.app("github-actions") : world.apps.get(world.appId);
  const suite = world.checkSuiteFor(record.fullName, sha, need(app, "a known app").id);
  payload.check_suite = rep.checkSuite(suite);
}

function statusPayload({ world, rep, payload, subject, repo }: FillInput): void {
  const record = need(repo, "repo or pr");
  const sha = headOf(world, subject, record);
  const statuses = world.statusesFor(record.fullName, sha);
  const status = need(subject.context ? statuses.find((s) => s.context === subject.context) : statuses[0], "a status on the commit");
  const commit = record.commits.get(sha)!;
  Object.assign(payload, {
    id: status.id,
    sha,
    name: record.fullName,
    target_url: status.targetUrl,
    avatar_url: null,
    context: status.context,
    description: status.description,
    state: status.state,
    commit: rep.commit(record, commit, false),
    branches: [...record.branches.entries()]
      .filter(([, head]) => head === sha)
      .map(([name]) => ({ name, commit: { sha, url: `${rep.api}/repos/${record.fullName}/commits/${sha}` }, protected: false })),
    created_at: status.createdAt,
    updated_at: status.updatedAt,
  });
}

function pushPayload({ world, rep, payload, subject, repo }: FillInput): void {
  const record = need(repo, "repo");
  const ref = subject.ref ?? `refs/heads/${record.defaultBranch}`;
  const last = [...record.pushes].reverse().find((p) => p.ref === ref);
  const after = subject.after ?? last?.after ?? record.branches.get(ref.replace(/^refs\/heads\//, ""))!;
  const before = subject.before ?? last?.before ?? "0".repeat(40);
  // The pushed commits: first-parent walk from `after` back to `before`, oldest first.
  const commits: CommitRecord[] = [];
  let cursor: string | undefined = after;
  while (cursor && cursor !== before && commits.length < 2048) {
    const commit = record.commits.get(cursor);
    if (!commit) break;
    commits.unshift(commit);
    cursor = commit.parents[0];
  }
  const host = rep.web;
  const pusher = world.account(last?.pusher ?? record.owner);
  const toPush = (c: CommitRecord): Json => {
    const person = (p: typeof c.author): Json => {
      const account = world.accountForPerson(p);
      return { name: p.name, email: p.email, ...(account ? { username: account.login } : {}) };
    };
    const changed = (status: string): string[] => c.files.filter((f) => f.status === status).map((f) => f.path);
    return {
      id: c.sha,
      tree_id: c.treeSha,
      distinct: true,
      message: c.message,
      timestamp: c.committer.date,
      url: `${host}/${record.fullName}/commit/${c.sha}`,
      author: person(c.author),
      committer: person(c.committer),
      added: [...changed("added"), ...changed("renamed")],
      removed: changed("removed"),
      modified: changed("modified"),
    };
  };
  Object.assign(payload, {
    ref,
    before,
    after,
    created: /^0+$/.test(before),
    deleted: /^0+$/.test(after),
    forced: last?.forced ?? false,
    base_ref: null,
    compare: `${host}/${record.fullName}/compare/${before.slice(0, 12)}...${after.slice(0, 12)}`,
    commits: commits.map(toPush),
    head_commit: commits.length > 0 ? toPush(commits[commits.length - 1]) : null,
    pusher: { name: pusher?.login ?? record.owner, email: pusher ? world.noreplyEmail(pusher.login) : null },
  });
}

function installationPayload({ world, rep, payload }: FillInput): void {
  const id = (payload.installation as { id: number }).id;
  const installation = world.installations.get(id)!;
  payload.installation = rep.installation(installation);
  payload.repositories = world.installationRepos(installation).map((r) => rep.repositoryBrief(r));
  payload.requester = null;
}

function installationRepositoriesPayload({ world, rep, payload, subject }: FillInput): void {
  const id = (payload.installation as { id: number }).id;
  const installation = world.installations.get(id)!;
  payload.installation = rep.installation(installation);
  payload.repository_selection = installation.repositorySelection;
  payload.repositories_added = (subject.repositoriesAdded ?? []).map((name) => rep.repositoryBrief(world.repo(name)));
  payload.repositories_removed = (subject.repositoriesRemoved ?? []).map((name) => {
    const repo = world.repos.get(name.toLowerCase());
    return repo ? rep.repositoryBrief(repo) : { id: 0, node_id: "", name: name.split("/")[1], full_name: name, private: false };
  });
  payload.requester = null;
}

function teamOf(world: World, subject: WebhookSubject): { org: string; slug: string } {
  const [org, slug] = need(subject.team, "team (\"org/slug\")").split("/");
  if (!world.team(org, slug)) throw new SimulatorError(404, `no team ${subject.team}`);
  return { org, slug };
}

function membershipPayload({ world, rep, payload, subject }: FillInput): void {
  const { org, slug } = teamOf(world, subject);
  payload.scope = "team";
  payload.member = rep.userByLogin(need(subject.member, "member"));
  payload.team = rep.team(world.team(org, slug)!);
  payload.organization = rep.organization(org);
}

function teamPayload({ world, rep, payload, subject, action }: FillInput): void {
  const { org, slug } = teamOf(world, subject);
  payload.team = rep.team(world.team(org, slug)!);
  payload.organization = rep.organization(org);
  if (action === "edited") payload.changes = subject.changes ?? {};
}

function mergeGroupPayload({ world, rep, payload, subject, repo }: FillInput): void {
  const record = need(repo, "repo");
  const group = need(subject.mergeGroup ?? [...world.mergeGroups].reverse().find((g) => g.repo === record.fullName), "a merge group");
  const head = record.commits.get(group.headSha)!;
  payload.merge_group = {
    head_sha: group.headSha,
    head_ref: group.headRef,
    base_sha: group.baseSha,
    base_ref: group.baseRef,
    head_commit: rep.simpleCommit(head),
  };
}

const FILLERS: Record<string, (input: FillInput) => void> = {
  pull_request: pullPayload,
  pull_request_review: reviewPayload,
  check_run: checkRunPayload,
  check_suite: checkSuitePayload,
  status: statusPayload,
  push: pushPayload,
  installation: installationPayload,
  installation_repositories: installationRepositoriesPayload,
  membership: membershipPayload,
  team: teamPayload,
  merge_group: mergeGroupPayload,
};

export function deepMerge(target: Json, patch: Json): Json {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value && typeof value === "object" && !Array.isArray(value) && current && typeof current === "object" && !Array.isArray(current)) {
      deepMerge(current as Json, value as Json);
    } else {
      target[key] = value;
    }
  }
  return target;
}

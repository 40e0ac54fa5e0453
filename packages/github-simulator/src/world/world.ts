/**
 * The in-memory GitHub world: scenario builders (orgs, teams, repositories, pull requests,
 * reviews, checks) and read-outs for assertions. The HTTP layer renders it as REST/GraphQL;
 * tests drive it directly. Methods throw `SimulatorError` where GitHub would refuse.
 */
import { SimulatorError, notFound, unprocessable } from "./errors.js";
import { blobSha, combineDiffs, countChanges, history, lineCount, nodeId, readFile, resolveRef, sha1, syntheticEdit } from "./git.js";
import {
  PERMISSION_RANK,
  type AccountRecord,
  type AccountType,
  type AppRecord,
  type CheckRunRecord,
  type CheckSuiteRecord,
  type CommitRecord,
  type DiffEntryRecord,
  type FileStatus,
  type GitPerson,
  type InstallationRecord,
  type LabelRecord,
  type MergeGroupRecord,
  type OrgRecord,
  type PullRecord,
  type RecordedRequest,
  type RepoPermission,
  type RepoRecord,
  type ReviewRecord,
  type ReviewState,
  type StatusRecord,
  type TeamRecord,
  type TimelineEventRecord,
} from "./records.js";
import type { CheckRunSpec, CommitSpec, FileSpec, PersonSpec, PullRef, PullRequestSpec, WorldOptions } from "./specs.js";

export type { CheckRunSpec, CommitSpec, FileSpec, PersonSpec, PullRef, PullRequestSpec, WorldOptions } from "./specs.js";

export const GITHUB_ACTIONS_APP_ID = 15368;
const APP_PERMISSIONS = {
  checks: "write",
  contents: "read",
  issues: "write",
  members: "read",
  metadata: "read",
  pull_requests: "write",
  statuses: "read",
  // Rulesets (making the check required) need administration write.
  administration: "write",
};
const APP_EVENTS = [
  "check_run",
  "check_suite",
  "membership",
  "merge_group",
  "pull_request",
  "pull_request_review",
  "push",
  "status",
  "team",
];

const lower = (s: string): string => s.toLowerCase();

export class World {
  readonly accounts = new Map<string, AccountRecord>();
  readonly orgs = new Map<string, OrgRecord>();
  readonly teams = new Map<string, TeamRecord>();
  readonly repos = new Map<string, RepoRecord>();
  readonly apps = new Map<number, AppRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly mergeGroups: MergeGroupRecord[] = [];
  /** Every request the HTTP layer served, oldest first. */
  readonly requests: RecordedRequest[] = [];
  /** Base URL of the server rendering this world (set by startSimulator). */
  baseUrl = "http://127.0.0.1";
  readonly appId: number;
  private nextId = 1000;
  private seq = 0;
  private lastTime = 0;
  private readonly clock: () => Date;

  constructor(options: WorldOptions = {}) {
    this.clock = options.now ?? (() => new Date());
    this.appId = options.appId ?? 1;
    this.addApp({ id: this.appId, slug: options.appSlug ?? "agent-governance", name: "agent-governance", owner: "agent-governance" });
    this.addApp({ id: GITHUB_ACTIONS_APP_ID, slug: "github-actions", name: "GitHub Actions", owner: "github" });
  }

  /** ISO timestamp from the clock, strictly increasing so that events keep their order. */
  now(): string {
    const t = Math.max(this.clock().getTime(), this.lastTime + 1);
    this.lastTime = t;
    return new Date(t).toISOString();
  }

  id(): number {
    return this.nextId++;
  }

  // ---- accounts, organisations, teams -------------------------------------------------

  addUser(login: string, options: { id?: number; type?: AccountType; name?: string; email?: string; emails?: string[]; siteAdmin?: boolean } = {}): AccountRecord {
    const existing = this.accounts.get(lower(login));
    if (existing) return existing;
    const type = options.type ?? (login.endsWith("[bot]") ? "Bot" : "User");
    const id = options.id ?? this.id();
    const emails = [...(options.emails ?? []), ...(options.email ? [options.email] : [])];
    const account: AccountRecord = {
      id,
      login,
      type,
      nodeId: nodeId(type === "Bot" ? "BOT" : type === "Organization" ? "O" : "U", id),
      name: options.name ?? null,
      emails: emails.map(lower),
      siteAdmin: options.siteAdmin ?? false,
      createdAt: this.now(),
    };
    this.accounts.set(lower(login), account);
    return account;
  }

  account(login: string): AccountRecord | undefined {
    return this.accounts.get(lower(login)) ?? this.accounts.get(`${lower(login)}[bot]`);
  }

  addOrg(
    login: string,
    options: { id?: number; members?: string[]; admins?: string[]; basePermission?: RepoPermission; installation?: number | false } = {},
  ): OrgRecord {
    this.addUser(login, { id: options.id, type: "Organization" });
    const org: OrgRecord = this.orgs.get(lower(login)) ?? { login, members: new Map(), basePermission: options.basePermission ?? "read" };
    this.orgs.set(lower(login), org);
    for (const member of options.members ?? []) this.addOrgMember(login, member, "member");
    for (const admin of options.admins ?? []) this.addOrgMember(login, admin, "admin");
    if (options.installation !== false) this.ensureInstallation(login, options.installation);
    return org;
  }

  addOrgMember(org: string, login: string, role: "member" | "admin" = "member"): void {
    this.addUser(login);
    this.org(org).members.set(lower(login), role);
  }

  org(login: string): OrgRecord {
    const org = this.orgs.get(lower(login));
    if (!org) throw notFound();
    return org;
  }

  addTeam(
    org: string,
    slug: string,
    members: string[] = [],
    options: { id?: number; name?: string; maintainers?: string[]; description?: string } = {},
  ): TeamRecord {
    if (!this.orgs.has(lower(org))) this.addOrg(org);
    const id = options.id ?? this.id();
    const team: TeamRecord = {
      id,
      nodeId: nodeId("T", id),
      org: this.org(org).login,
      slug,
      name: options.name ?? slug,
      description: options.description ?? null,
      privacy: "closed",
      members: new Map(),
      repoPermissions: new Map(),
      createdAt: this.now(),
    };
    this.teams.set(`${lower(org)}/${lower(slug)}`, team);
    for (const m of members) this.addTeamMember(org, slug, m, "member");
    for (const m of options.maintainers ?? []) this.addTeamMember(org, slug, m, "maintainer");
    return team;
  }

  team(org: string, slug: string): TeamRecord | undefined {
    return this.teams.get(`${lower(org)}/${lower(slug)}`);
  }

  addTeamMember(org: string, slug: string, login: string, role: "member" | "maintainer" = "member"): void {
    const team = this.team(org, slug);
    if (!team) throw notFound();
    if (!this.org(org).members.has(lower(login))) this.addOrgMember(org, login);
    team.members.set(lower(login), role);
  }

  removeTeamMember(org: string, slug: string, login: string): void {
    this.team(org, slug)?.members.delete(lower(login));
  }

  isTeamMember(org: string, slug: string, login: string): boolean {
    return this.team(org, slug)?.members.has(lower(login)) ?? false;
  }

  teamMembers(team: TeamRecord): AccountRecord[] {
    return [...team.members.keys()].map((login) => this.accounts.get(login)).filter((a): a is AccountRecord => !!a);
  }

  // ---- apps and installations ---------------------------------------------------------

  addApp(app: { id: number; slug: string; name?: string; owner?: string }): AppRecord {
    const record: AppRecord = {
      id: app.id,
      slug: app.slug,
      name: app.name ?? app.slug,
      owner: app.owner ?? app.slug,
      nodeId: nodeId("A", app.id),
      permissions: { ...APP_PERMISSIONS },
      events: [...APP_EVENTS],
      createdAt: new Date(0).toISOString(),
    };
    this.apps.set(app.id, record);
    return record;
  }

  app(idOrSlug: number | string): AppRecord | undefined {
    if (typeof idOrSlug === "number") return this.apps.get(idOrSlug);
    for (const app of this.apps.values()) if (app.slug === idOrSlug) return app;
    return undefined;
  }

  addInstallation(options: { id?: number; appId?: number; account: string; repositories?: string[] | "all"; permissions?: Record<string, string> }): InstallationRecord {
    if (!this.account(options.account)) this.addUser(options.account);
    const id = options.id ?? this.id();
    const selected = options.repositories && options.repositories !== "all";
    const installation: InstallationRecord = {
      id,
      appId: options.appId ?? this.appId,
      account: this.account(options.account)!.login,
      repositorySelection: selected ? "selected" : "all",
      repositories: new Set(selected ? (options.repositories as string[]).map(lower) : []),
      permissions: options.permissions ?? { ...APP_PERMISSIONS },
      events: [...APP_EVENTS],
      createdAt: this.now(),
      suspendedAt: null,
    };
    this.installations.set(id, installation);
    return installation;
  }

  /** The bot account an app acts as (`slug[bot]`), created on first use. */
  appBot(appId: number = this.appId): AccountRecord {
    const app = this.apps.get(appId);
    const login = `${app?.slug ?? `app-${appId}`}[bot]`;
    return this.account(login) ?? this.addUser(login, { type: "Bot" });
  }

  /** This world's app installation on `account`, if any. */
  installationFor(account: string, appId = this.appId): InstallationRecord | undefined {
    for (const inst of this.installations.values()) {
      if (inst.appId === appId && lower(inst.account) === lower(account)) return inst;
    }
    return undefined;
  }

  private ensureInstallation(account: string, id?: number): InstallationRecord {
    return this.installationFor(account) ?? this.addInstallation({ id, account });
  }

  /** Whether the installation can see the repository. */
  installationCovers(installation: InstallationRecord, repo: RepoRecord): boolean {
    if (lower(installation.account) !== lower(repo.owner)) return false;
    return installation.repositorySelection === "all" || installation.repositories.has(lower(repo.fullName));
  }

  installationRepos(installation: InstallationRecord): RepoRecord[] {
    return [...this.repos.values()].filter((r) => this.installationCovers(installation, r));
  }

  // ---- repositories and files ---------------------------------------------------------

  addRepo(
    owner: string,
    name: string,
    options: {
      id?: number;
      defaultBranch?: string;
      private?: boolean;
      description?: string;
      /** Files of the default branch. */
      files?: Record<string, string>;
      /** Other branches, created from the default branch with these files. */
      branches?: Record<string, Record<string, string>>;
      installation?: false;
    } = {},
  ): RepoRecord {
    if (!this.account(owner)) this.addOrg(owner, { installation: options.installation });
    if (options.installation !== false) this.ensureInstallation(owner);
    const id = options.id ?? this.id();
    const now = this.now();
    const ownerLogin = this.account(owner)!.login;
    const repo: RepoRecord = {
      id,
      nodeId: nodeId("R", id),
      owner: ownerLogin,
      name,
      fullName: `${ownerLogin}/${name}`,
      private: options.private ?? false,
      description: options.description ?? null,
      defaultBranch: options.defaultBranch ?? "main",
      branches: new Map(),
      commits: new Map(),
      pulls: new Map(),
      nextNumber: 1,
      labels: new Map(),
      permissions: new Map(),
      checkRuns: new Map(),
      checkSuites: new Map(),
      statuses: [],
      rulesets: new Map(),
      pushes: [],
      createdAt: now,
      updatedAt: now,
      pushedAt: now,
    };
    this.repos.set(lower(repo.fullName), repo);
    const files = { ...(options.files ?? {}) };
    if (Object.keys(files).length === 0) files["README.md"] = `# ${name}\n`;
    this.commit(repo.fullName, repo.defaultBranch, {
      message: "Initial commit",
      author: { name: ownerLogin, email: this.noreplyEmail(ownerLogin) },
      files: Object.entries(files).map(([path, content]) => ({ path, content })),
    });
    for (const [branch, branchFiles] of Object.entries(options.branches ?? {})) {
      repo.branches.set(branch, repo.branches.get(repo.defaultBranch)!);
      if (Object.keys(branchFiles).length > 0) {
        this.commit(repo.fullName, branch, {
          message: `Create ${branch}`,
          files: Object.entries(branchFiles).map(([path, content]) => ({ path, content })),
        });
      }
    }
    return repo;
  }

  repo(fullName: string): RepoRecord {
    const repo = this.repos.get(lower(fullName));
    if (!repo) throw notFound();
    return repo;
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    return this.repos.get(`${lower(owner)}/${lower(name)}`);
  }

  /** Commits `path` on `branch` (text null = delete); creates the branch from the default one when missing. */
  setFile(repo: string, branch: string, path: string, text: string | null, options: { message?: string; author?: PersonSpec } = {}): CommitRecord {
    return this.commit(repo, branch, {
      message: options.message ?? `${text === null ? "Delete" : "Update"} ${path}`,
      author: options.author,
      files: [text === null ? { path, status: "removed" } : { path, content: text }],
    });
  }

  readFile(repo: string, ref: string, path: string): string | null {
    const record = this.repo(repo);
    const sha = resolveRef(record, ref);
    return sha ? readFile(record, sha, path) : null;
  }

  /** Creates `branch` at the commit `from` names (a branch or a SHA), as a push of it; returns that SHA. */
  createBranch(repo: string, branch: string, from: string, options: { pusher?: string } = {}): string {
    const record = this.repo(repo);
    if (record.branches.has(branch)) throw unprocessable("Reference already exists");
    const sha = resolveRef(record, from);
    if (!sha) throw unprocessable("Object does not exist");
    record.branches.set(branch, sha);
    this.recordPush(record, branch, "0".repeat(40), sha, false, options.pusher ?? record.owner);
    return sha;
  }

  /** Adds a commit on top of `branch` (as a push by `pusher`) and returns it. */
  commit(repo: string, branch: string, spec: CommitSpec, options: { pusher?: string } = {}): CommitRecord {
    const record = this.repo(repo);
    if (!record.branches.has(branch) && record.branches.size > 0) {
      record.branches.set(branch, record.branches.get(record.defaultBranch)!);
    }
    const before = record.branches.get(branch) ?? "0".repeat(40);
    const commit = this.createCommit(record, record.branches.get(branch) ? [before] : [], spec, options.pusher ?? record.owner);
    record.branches.set(branch, commit.sha);
    this.recordPush(record, branch, before, commit.sha, false, options.pusher ?? record.owner);
    return commit;
  }

  private recordPush(repo: RepoRecord, branch: string, before: string, after: string, forced: boolean, pusher: string): void {
    const at = this.now();
    repo.pushes.push({ ref: `refs/heads/${branch}`, before, after, forced, pusher, at });
    repo.pushedAt = at;
  }

  noreplyEmail(login: string): string {
    const account = this.account(login);
    return account ? `${account.id}+${account.login}@users.noreply.github.com` : `${login}@users.noreply.github.com`;
  }

  /** The account GitHub links a commit identity to: explicit login, a known e-mail, or the noreply address. */
  accountForPerson(person: GitPerson): AccountRecord | undefined {
    if (person.login) return this.account(person.login);
    const email = lower(person.email);
    for (const account of this.accounts.values()) if (account.emails.includes(email)) return account;
    const noreply = /^(?:(\d+)\+)?([^@]+)@users\.noreply\.github\.com$/.exec(email);
    if (!noreply) return undefined;
    if (noreply[1]) {
      const id = Number(noreply[1]);
      for (const account of this.accounts.values()) if (account.id === id) return account;
    }
    return this.account(noreply[2]);
  }

  private person(spec: PersonSpec | undefined, fallbackLogin: string, date: string): GitPerson {
    if (spec) return { name: spec.name, email: spec.email, date: spec.date ?? date, ...(spec.login ? { login: spec.login } : {}) };
    const account = this.account(fallbackLogin);
    return { name: account?.name ?? fallbackLogin, email: this.noreplyEmail(fallbackLogin), date, login: fallbackLogin };
  }

  private createCommit(repo: RepoRecord, parents: string[], spec: CommitSpec, defaultAuthor: string): CommitRecord {
    const date = this.now();
    const author = this.person(spec.author, defaultAuthor, date);
    const committer = spec.committer ? this.person(spec.committer, defaultAuthor, date) : { ...author };
    const changes = new Map<string, string | null>();
    const files: DiffEntryRecord[] = [];
    const parent = parents[0];
    const seq = this.seq++;
    for (const file of spec.files ?? []) {
      const old = parent ? readFile(repo, parent, file.previousPath ?? file.path) : null;
      const status: FileStatus = file.status ?? (file.previousPath ? "renamed" : old === null ? "added" : "modified");
      if (status === "removed") {
        changes.set(file.path, null);
        files.push({ path: file.path, status, additions: 0, deletions: file.deletions ?? lineCount(old ?? "") });
        continue;
      }
      const text = file.content ?? syntheticEdit(old ?? "", `${file.path}@${seq}`, file.additions ?? 1, file.deletions ?? 0);
      const counted = countChanges(old ?? "", text);
      if (file.previousPath) changes.set(file.previousPath, null);
      changes.set(file.path, text);
      files.push({
        path: file.path,
        ...(file.previousPath ? { previousPath: file.previousPath } : {}),
        status,
        additions: file.additions ?? counted.additions,
        deletions: file.deletions ?? counted.deletions,
      });
    }
    // Deterministic: the same scenario gives the same SHAs whatever the clock says.
    const sha = sha1(`commit ${repo.fullName} ${seq}\n${parents.join(" ")}\n${author.email}\n${spec.message}`);
    const commit: CommitRecord = {
      sha,
      treeSha: sha1(`tree ${sha}`),
      message: spec.message,
      author,
      committer,
      parents,
      changes,
      files,
      verified: spec.verified ?? null,
    };
    repo.commits.set(sha, commit);
    return commit;
  }

  // ---- pull requests ------------------------------------------------------------------

  openPullRequest(spec: PullRequestSpec): PullRecord {
    const repo = this.repo(spec.repo);
    const author = this.addUser(spec.author);
    const base = spec.base ?? repo.defaultBranch;
    const baseSha = repo.branches.get(base);
    if (!baseSha) throw unprocessable("Validation Failed", [{ resource: "PullRequest", field: "base", code: "invalid" }]);
    // No commits: a pull request from a branch that already exists (e.g. the same head into a
    // second base), made of the head's commits that the base does not have.
    const shas =
      spec.commits.length === 0
        ? this.commitsAhead(repo, spec.head, baseSha)
        : this.applyCommits(repo, baseSha, spec.commits, spec.files ?? [], author.login);
    if (shas.length === 0) throw unprocessable(`No commits between ${base} and ${spec.head}`);
    if (spec.commits.length > 0) {
      const before = repo.branches.get(spec.head) ?? "0".repeat(40);
      repo.branches.set(spec.head, shas[shas.length - 1]);
      this.recordPush(repo, spec.head, before, shas[shas.length - 1], false, author.login);
    }
    const id = this.id();
    const now = this.now();
    const pull: PullRecord = {
      id,
      nodeId: nodeId("PR", id),
      repo: repo.fullName,
      number: repo.nextNumber++,
      title: spec.title ?? (repo.commits.get(shas[0])?.message ?? "").split("\n")[0],
      body: spec.body ?? "",
      author: author.login,
      state: "open",
      draft: spec.draft ?? false,
      locked: false,
      baseRef: base,
      headRef: spec.head,
      commits: shas,
      labels: [],
      requestedUsers: [],
      requestedTeams: [],
      reviews: [],
      timeline: [],
      merged: false,
      mergedAt: null,
      mergedBy: null,
      mergeCommitSha: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    repo.pulls.set(pull.number, pull);
    for (const label of spec.labels ?? []) {
      if (typeof label === "string") this.addLabel(pull, label, author.login);
      else this.addLabel(pull, label.name, label.by);
    }
    return pull;
  }

  /** The first-parent commits of branch `head` not reachable from `baseSha`, oldest first. */
  private commitsAhead(repo: RepoRecord, head: string, baseSha: string): string[] {
    const headSha = repo.branches.get(head);
    if (!headSha) return [];
    const inBase = new Set(history(repo, baseSha).map((c) => c.sha));
    const shas: string[] = [];
    for (let sha: string | undefined = headSha; sha && !inBase.has(sha); sha = repo.commits.get(sha)?.parents[0]) shas.unshift(sha);
    return shas;
  }

  private applyCommits(repo: RepoRecord, parentSha: string, commits: CommitSpec[], files: FileSpec[], defaultAuthor: string): string[] {
    const shas: string[] = [];
    let parent = parentSha;
    commits.forEach((spec, i) => {
      const last = i === commits.length - 1;
      const withFiles = last && files.length > 0 ? { ...spec, files: [...(spec.files ?? []), ...files] } : spec;
      const commit = this.createCommit(repo, [parent], withFiles, defaultAuthor);
      shas.push(commit.sha);
      parent = commit.sha;
    });
    return shas;
  }

  pullRequest(ref: PullRef): PullRecord {
    const pull = this.repo(ref.repo).pulls.get(ref.number);
    if (!pull) throw notFound();
    return pull;
  }

  headSha(ref: PullRef): string {
    const pull = this.pullRequest(ref);
    return pull.commits[pull.commits.length - 1];
  }

  commitsOf(ref: PullRef): CommitRecord[] {
    const pull = this.pullRequest(ref);
    const repo = this.repo(pull.repo);
    return pull.commits.map((sha) => repo.commits.get(sha)!);
  }

  filesOf(ref: PullRef): DiffEntryRecord[] {
    return combineDiffs(this.commitsOf(ref));
  }

  /** Pushes commits to the pull request's head branch (force = replace its commits). Returns the new head SHA. */
  push(ref: PullRef, commits: CommitSpec[], files: FileSpec[] = [], options: { force?: boolean; pusher?: string } = {}): string {
    const pull = this.pullRequest(ref);
    const repo = this.repo(pull.repo);
    const before = this.headSha(pull);
    const pusher = options.pusher ?? pull.author;
    const parent = options.force ? repo.branches.get(pull.baseRef)! : before;
    const shas = this.applyCommits(repo, parent, commits, files, pusher);
    pull.commits = options.force ? shas : [...pull.commits, ...shas];
    const after = shas[shas.length - 1];
    repo.branches.set(pull.headRef, after);
    this.recordPush(repo, pull.headRef, before, after, options.force ?? false, pusher);
    pull.updatedAt = this.now();
    if (options.force) this.timeline(pull, "HeadRefForcePushedEvent", pusher, { beforeSha: before, afterSha: after });
    return after;
  }

  editPullRequest(ref: PullRef, changes: { title?: string; body?: string; base?: string }, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    if (changes.title !== undefined) pull.title = changes.title;
    if (changes.body !== undefined) pull.body = changes.body;
    if (changes.base !== undefined && changes.base !== pull.baseRef) {
      if (!this.repo(pull.repo).branches.has(changes.base)) throw unprocessable("Proposed base branch does not exist");
      pull.baseRef = changes.base;
      this.timeline(pull, "BaseRefChangedEvent", by ?? pull.author);
    }
    pull.updatedAt = this.now();
    return pull;
  }

  setDraft(ref: PullRef, draft: boolean, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    if (pull.draft !== draft) {
      pull.draft = draft;
      this.timeline(pull, draft ? "ConvertToDraftEvent" : "ReadyForReviewEvent", by ?? pull.author);
    }
    pull.updatedAt = this.now();
    return pull;
  }

  closePullRequest(ref: PullRef, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    pull.state = "closed";
    pull.closedAt = this.now();
    pull.updatedAt = pull.closedAt;
    this.timeline(pull, "ClosedEvent", by ?? pull.author);
    return pull;
  }

  reopenPullRequest(ref: PullRef, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    if (pull.merged) throw unprocessable("Cannot reopen a merged pull request");
    pull.state = "open";
    pull.closedAt = null;
    pull.updatedAt = this.now();
    this.timeline(pull, "ReopenedEvent", by ?? pull.author);
    return pull;
  }

  /** Merges the pull request into its base (merge commit or squash) and returns the new base commit. */
  merge(ref: PullRef, options: { by?: string; method?: "merge" | "squash"; message?: string } = {}): CommitRecord {
    const pull = this.pullRequest(ref);
    if (pull.state !== "open") throw new SimulatorError(405, "Pull Request is not mergeable");
    const repo = this.repo(pull.repo);
    const by = options.by ?? pull.author;
    const baseSha = repo.branches.get(pull.baseRef)!;
    const headSha = this.headSha(pull);
    const files = this.filesOf(pull);
    const squash = options.method === "squash";
    const message =
      options.message ??
      (squash
        ? `${pull.title} (#${pull.number})\n\n${this.commitsOf(pull).map((c) => `* ${c.message}`).join("\n\n")}`
        : `Merge pull request #${pull.number} from ${repo.owner}/${pull.headRef}\n\n${pull.title}`);
    const date = this.now();
    const author = squash ? this.person(undefined, pull.author, date) : this.person(undefined, by, date);
    const changes = new Map<string, string | null>();
    for (const file of files) {
      if (file.previousPath) changes.set(file.previousPath, null);
      changes.set(file.path, readFile(repo, headSha, file.path));
    }
    const seq = this.seq++;
    const parents = squash ? [baseSha] : [baseSha, headSha];
    const sha = sha1(`merge ${repo.fullName} ${seq}\n${parents.join(" ")}\n${message}`);
    const commit: CommitRecord = {
      sha,
      treeSha: sha1(`tree ${sha}`),
      message,
      author,
      committer: { name: "GitHub", email: "noreply@github.com", date },
      parents,
      changes,
      files: files.map((f) => ({ ...f })),
      verified: true,
    };
    repo.commits.set(sha, commit);
    repo.branches.set(pull.baseRef, sha);
    this.recordPush(repo, pull.baseRef, baseSha, sha, false, by);
    pull.state = "closed";
    pull.merged = true;
    pull.mergedAt = date;
    pull.closedAt = date;
    pull.updatedAt = date;
    pull.mergedBy = this.account(by)?.login ?? by;
    pull.mergeCommitSha = sha;
    this.timeline(pull, "MergedEvent", by);
    return commit;
  }

  /** A merge-queue group: a temporary branch whose head merges `pulls` into the base. */
  createMergeGroup(repo: string, pulls: PullRef[], options: { base?: string } = {}): MergeGroupRecord {
    const record = this.repo(repo);
    const base = options.base ?? record.defaultBranch;
    const baseSha = record.branches.get(base)!;
    let parent = baseSha;
    for (const ref of pulls) {
      const pull = this.pullRequest(ref);
      const headSha = this.headSha(pull);
      const changes: FileSpec[] = this.filesOf(pull).map((f) =>
        f.status === "removed" ? { path: f.path, status: "removed" } : { path: f.path, content: readFile(record, headSha, f.path) ?? "" },
      );
      parent = this.createCommit(record, [parent], { message: `Merge pull request #${pull.number}`, files: changes }, "github-merge-queue[bot]").sha;
    }
    const last = pulls[pulls.length - 1];
    const headRef = `refs/heads/gh-readonly-queue/${base}/pr-${last?.number ?? 0}-${parent}`;
    record.branches.set(headRef.slice("refs/heads/".length), parent);
    const group: MergeGroupRecord = { repo: record.fullName, headRef, headSha: parent, baseRef: `refs/heads/${base}`, baseSha, pulls: pulls.map((p) => p.number) };
    this.mergeGroups.push(group);
    return group;
  }

  // ---- labels, reviewers, reviews -----------------------------------------------------

  label(repo: string, name: string): LabelRecord {
    const record = this.repo(repo);
    const existing = record.labels.get(lower(name));
    if (existing) return existing;
    const id = this.id();
    const label: LabelRecord = { id, nodeId: nodeId("LA", id), name, color: sha1(name).slice(0, 6), description: null, isDefault: false };
    record.labels.set(lower(name), label);
    return label;
  }

  addLabel(ref: PullRef, name: string, by: string): LabelRecord {
    const pull = this.pullRequest(ref);
    const label = this.label(pull.repo, name);
    if (!pull.labels.some((l) => lower(l) === lower(name))) {
      pull.labels.push(label.name);
      this.timeline(pull, "LabeledEvent", by, { label: label.name });
      pull.updatedAt = this.now();
    }
    return label;
  }

  removeLabel(ref: PullRef, name: string, by: string): void {
    const pull = this.pullRequest(ref);
    const index = pull.labels.findIndex((l) => lower(l) === lower(name));
    if (index < 0) throw new SimulatorError(404, "Label does not exist");
    const [removed] = pull.labels.splice(index, 1);
    this.timeline(pull, "UnlabeledEvent", by, { label: removed });
    pull.updatedAt = this.now();
  }

  labelsOf(ref: PullRef): string[] {
    return [...this.pullRequest(ref).labels];
  }

  /** Requests reviews as GitHub does: never from the author, only from collaborators and existing teams. */
  requestReviewers(ref: PullRef, request: { users?: string[]; teams?: string[] }, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    const repo = this.repo(pull.repo);
    for (const login of request.users ?? []) {
      if (lower(login) === lower(pull.author)) throw unprocessable("Review cannot be requested from pull request author.");
      if (!this.account(login) || PERMISSION_RANK[this.permissionOf(repo.fullName, login)] < PERMISSION_RANK.read) {
        throw unprocessable(
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.fullName} repository.`,
        );
      }
    }
    for (const slug of request.teams ?? []) {
      if (!this.team(repo.owner, slug)) {
        throw unprocessable(
          `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${repo.fullName} repository.`,
        );
      }
    }
    for (const login of request.users ?? []) {
      const account = this.account(login)!;
      if (!pull.requestedUsers.some((u) => lower(u) === lower(account.login))) {
        pull.requestedUsers.push(account.login);
        this.timeline(pull, "ReviewRequestedEvent", by ?? null, { requestedReviewer: { user: account.login } });
      }
    }
    for (const slug of request.teams ?? []) {
      const team = this.team(repo.owner, slug)!;
      if (!pull.requestedTeams.includes(team.slug)) {
        pull.requestedTeams.push(team.slug);
        this.timeline(pull, "ReviewRequestedEvent", by ?? null, { requestedReviewer: { team: team.slug } });
      }
    }
    pull.updatedAt = this.now();
    return pull;
  }

  removeRequestedReviewers(ref: PullRef, request: { users?: string[]; teams?: string[] }, by?: string): PullRecord {
    const pull = this.pullRequest(ref);
    const users = new Set((request.users ?? []).map(lower));
    const teams = new Set((request.teams ?? []).map(lower));
    for (const user of pull.requestedUsers.filter((u) => users.has(lower(u)))) {
      this.timeline(pull, "ReviewRequestRemovedEvent", by ?? null, { requestedReviewer: { user } });
    }
    pull.requestedUsers = pull.requestedUsers.filter((u) => !users.has(lower(u)));
    pull.requestedTeams = pull.requestedTeams.filter((t) => !teams.has(lower(t)));
    pull.updatedAt = this.now();
    return pull;
  }

  requestedReviewers(ref: PullRef): { users: string[]; teams: string[] } {
    const pull = this.pullRequest(ref);
    return { users: [...pull.requestedUsers], teams: [...pull.requestedTeams] };
  }

  /** Submits a review (default on the current head commit); the reviewer's request is fulfilled. */
  addReview(ref: PullRef, review: { user: string; state: Exclude<ReviewState, "DISMISSED">; body?: string; commitId?: string }): ReviewRecord {
    const pull = this.pullRequest(ref);
    const account = this.addUser(review.user);
    const id = this.id();
    const record: ReviewRecord = {
      id,
      nodeId: nodeId("PRR", id),
      user: account.login,
      state: review.state,
      body: review.body ?? "",
      commitId: review.commitId ?? this.headSha(pull),
      submittedAt: this.now(),
    };
    pull.reviews.push(record);
    pull.requestedUsers = pull.requestedUsers.filter((u) => lower(u) !== lower(account.login));
    pull.updatedAt = record.submittedAt;
    return record;
  }

  /** Dismisses a review (by id, or the user's latest review). */
  dismissReview(ref: PullRef, review: number | string, by?: string): ReviewRecord {
    const pull = this.pullRequest(ref);
    const record =
      typeof review === "number"
        ? pull.reviews.find((r) => r.id === review)
        : [...pull.reviews].reverse().find((r) => lower(r.user) === lower(review));
    if (!record) throw notFound();
    record.state = "DISMISSED";
    this.timeline(pull, "ReviewDismissedEvent", by ?? null, { reviewId: record.id });
    pull.updatedAt = this.now();
    return record;
  }

  reviewsOf(ref: PullRef): ReviewRecord[] {
    return [...this.pullRequest(ref).reviews];
  }

  private timeline(pull: PullRecord, type: TimelineEventRecord["type"], actor: string | null, extra: Partial<TimelineEventRecord> = {}): void {
    pull.timeline.push({ id: this.id(), type, actor, createdAt: this.now(), ...extra });
  }

  // ---- permissions --------------------------------------------------------------------

  setPermission(repo: string, login: string, permission: RepoPermission): void {
    this.addUser(login);
    this.repo(repo).permissions.set(lower(login), permission);
  }

  setTeamPermission(repo: string, team: string, permission: RepoPermission): void {
    const [org, slug] = team.includes("/") ? team.split("/") : [this.repo(repo).owner, team];
    const record = this.team(org, slug);
    if (!record) throw notFound();
    record.repoPermissions.set(lower(repo), permission);
  }

  /** Effective permission: owner, organisation role and base permission, direct grant, team grants. */
  permissionOf(repo: string, login: string): RepoPermission {
    const record = this.repo(repo);
    const key = lower(login);
    const account = this.account(login);
    if (!account) return "none";
    if (lower(record.owner) === lower(account.login)) return "admin";
    let best: RepoPermission = record.permissions.get(lower(account.login)) ?? "none";
    const raise = (p: RepoPermission | undefined): void => {
      if (p && PERMISSION_RANK[p] > PERMISSION_RANK[best]) best = p;
    };
    const org = this.orgs.get(lower(record.owner));
    if (org) {
      const role = org.members.get(lower(account.login)) ?? org.members.get(key);
      if (role === "admin") raise("admin");
      else if (role) raise(org.basePermission);
      for (const team of this.teams.values()) {
        if (lower(team.org) === lower(org.login) && team.members.has(lower(account.login))) raise(team.repoPermissions.get(lower(record.fullName)));
      }
    }
    return best;
  }

  /** GitHub's author_association of `login` on the repository. */
  association(repo: string, login: string): "OWNER" | "MEMBER" | "COLLABORATOR" | "CONTRIBUTOR" | "NONE" {
    const record = this.repo(repo);
    if (lower(record.owner) === lower(login)) return "OWNER";
    if (this.orgs.get(lower(record.owner))?.members.has(lower(login))) return "MEMBER";
    if (record.permissions.has(lower(login))) return "COLLABORATOR";
    return "NONE";
  }

  // ---- checks and statuses ------------------------------------------------------------

  checkSuiteFor(repo: string, headSha: string, appId: number): CheckSuiteRecord {
    const record = this.repo(repo);
    for (const suite of record.checkSuites.values()) if (suite.headSha === headSha && suite.appId === appId) return suite;
    const id = this.id();
    const now = this.now();
    let headBranch: string | null = null;
    for (const [branch, sha] of record.branches) if (sha === headSha) headBranch = branch;
    const suite: CheckSuiteRecord = { id, nodeId: nodeId("CS", id), repo: record.fullName, headSha, headBranch, appId, createdAt: now, updatedAt: now };
    record.checkSuites.set(id, suite);
    return suite;
  }

  addCheckRun(repo: string, spec: CheckRunSpec): CheckRunRecord {
    const record = this.repo(repo);
    const app = spec.app === undefined ? this.apps.get(GITHUB_ACTIONS_APP_ID)! : this.app(spec.app);
    if (!app) throw notFound();
    const suite = this.checkSuiteFor(record.fullName, spec.headSha, app.id);
    const id = this.id();
    const now = this.now();
    const status = spec.status ?? (spec.conclusion ? "completed" : "queued");
    const run: CheckRunRecord = {
      id,
      nodeId: nodeId("CR", id),
      repo: record.fullName,
      headSha: spec.headSha,
      name: spec.name,
      status,
      conclusion: spec.conclusion ?? null,
      startedAt: spec.startedAt ?? now,
      completedAt: spec.completedAt ?? (status === "completed" ? now : null),
      detailsUrl: spec.detailsUrl ?? null,
      externalId: spec.externalId ?? null,
      output: {
        title: spec.output?.title ?? null,
        summary: spec.output?.summary ?? null,
        text: spec.output?.text ?? null,
        annotations: [...(spec.output?.annotations ?? [])],
      },
      actions: spec.actions ?? [],
      appId: app.id,
      suiteId: suite.id,
    };
    record.checkRuns.set(id, run);
    suite.updatedAt = now;
    return run;
  }

  updateCheckRun(repo: string, id: number, patch: Partial<Omit<CheckRunSpec, "headSha" | "app">>): CheckRunRecord {
    const run = this.repo(repo).checkRuns.get(id);
    if (!run) throw notFound();
    if (patch.name !== undefined) run.name = patch.name;
    if (patch.detailsUrl !== undefined) run.detailsUrl = patch.detailsUrl;
    if (patch.externalId !== undefined) run.externalId = patch.externalId;
    if (patch.startedAt !== undefined) run.startedAt = patch.startedAt;
    if (patch.actions !== undefined) run.actions = patch.actions;
    if (patch.conclusion !== undefined && patch.conclusion !== null) {
      run.conclusion = patch.conclusion;
      run.status = "completed";
    }
    if (patch.status !== undefined) run.status = patch.status;
    if (run.status === "completed") run.completedAt = patch.completedAt ?? run.completedAt ?? this.now();
    else run.completedAt = null;
    if (run.status !== "completed") run.conclusion = patch.conclusion === undefined ? null : patch.conclusion;
    if (patch.output) {
      if (patch.output.title !== undefined) run.output.title = patch.output.title;
      if (patch.output.summary !== undefined) run.output.summary = patch.output.summary;
      if (patch.output.text !== undefined) run.output.text = patch.output.text;
      // GitHub appends annotations across updates of the same check run.
      if (patch.output.annotations) run.output.annotations.push(...patch.output.annotations);
    }
    return run;
  }

  /** Check runs on a commit, oldest first (all of them, including re-runs). */
  checkRunsFor(repo: string, sha: string): CheckRunRecord[] {
    return [...this.repo(repo).checkRuns.values()].filter((r) => r.headSha === sha);
  }

  setStatus(repo: string, sha: string, status: { context: string; state: StatusRecord["state"]; description?: string | null; targetUrl?: string | null; creator?: string }): StatusRecord {
    const record = this.repo(repo);
    const id = this.id();
    const now = this.now();
    const creator = status.creator ?? record.owner;
    this.addUser(creator);
    const entry: StatusRecord = {
      id,
      nodeId: nodeId("SC", id),
      repo: record.fullName,
      sha,
      context: status.context,
      state: status.state,
      description: status.description ?? null,
      targetUrl: status.targetUrl ?? null,
      creator,
      createdAt: now,
      updatedAt: now,
    };
    record.statuses.push(entry);
    return entry;
  }

  /** All statuses on a commit, newest first (GitHub's order). */
  statusesFor(repo: string, sha: string): StatusRecord[] {
    return this.repo(repo).statuses.filter((s) => s.sha === sha).reverse();
  }

  /** The latest status per context, as the combined status shows them. */
  latestStatuses(repo: string, sha: string): StatusRecord[] {
    const seen = new Set<string>();
    return this.statusesFor(repo, sha).filter((s) => (seen.has(s.context) ? false : (seen.add(s.context), true)));
  }

  // ---- queries used by REST and GraphQL ------------------------------------------------

  /** Pull requests whose commits include `sha` (or that merged as it). */
  pullsWithCommit(repo: string, sha: string): PullRecord[] {
    return [...this.repo(repo).pulls.values()].filter((p) => p.commits.includes(sha) || p.mergeCommitSha === sha);
  }

  history(repo: string, ref: string): CommitRecord[] {
    const record = this.repo(repo);
    const sha = resolveRef(record, ref);
    return sha ? history(record, sha) : [];
  }

  blobSha(text: string): string {
    return blobSha(text);
  }

  /** The request log (also available from the server handle). */
  record(request: Omit<RecordedRequest, "seq">): RecordedRequest {
    const entry = { seq: this.requests.length + 1, ...request };
    this.requests.push(entry);
    return entry;
  }

  /** The whole state as plain JSON (maps become objects, commits keep their changed paths). */
  toJSON(): Record<string, unknown> {
    const plain = (value: unknown): unknown => {
      if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
      if (value instanceof Set) return [...value].map(plain);
      if (Array.isArray(value)) return value.map(plain);
      if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plain(v)]));
      return value;
    };
    return plain({
      accounts: this.accounts,
      orgs: this.orgs,
      teams: this.teams,
      repos: this.repos,
      apps: this.apps,
      installations: this.installations,
      mergeGroups: this.mergeGroups,
      requests: this.requests,
    }) as Record<string, unknown>;
  }
}

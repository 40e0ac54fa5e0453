/**
 * GitHub's REST JSON for the world's records: field names and shapes as in GitHub's OpenAPI
 * description (the package's tests check them against it). Webhook payloads reuse these.
 */
import { blobSha, readFile } from "../world/git.js";
import type {
  AccountRecord,
  AppRecord,
  CheckRunRecord,
  CheckSuiteRecord,
  CommitRecord,
  DiffEntryRecord,
  GitPerson,
  InstallationRecord,
  LabelRecord,
  PullRecord,
  RepoRecord,
  ReviewRecord,
  RulesetRecord,
  StatusRecord,
  TeamRecord,
} from "../world/records.js";
import type { World } from "../world/world.js";

type Json = Record<string, unknown>;

export class Representations {
  constructor(private readonly world: World) {}

  get web(): string {
    return this.world.baseUrl;
  }

  get api(): string {
    return `${this.world.baseUrl}/api/v3`;
  }

  user(account: AccountRecord): Json {
    const api = `${this.api}/users/${account.login}`;
    return {
      login: account.login,
      id: account.id,
      node_id: account.nodeId,
      avatar_url: `${this.web}/avatars/u/${account.id}?v=4`,
      gravatar_id: "",
      url: api,
      html_url: account.type === "Bot" ? `${this.web}/apps/${account.login.replace(/\[bot\]$/, "")}` : `${this.web}/${account.login}`,
      followers_url: `${api}/followers`,
      following_url: `${api}/following{/other_user}`,
      gists_url: `${api}/gists{/gist_id}`,
      starred_url: `${api}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/subscriptions`,
      organizations_url: `${api}/orgs`,
      repos_url: `${api}/repos`,
      events_url: `${api}/events{/privacy}`,
      received_events_url: `${api}/received_events`,
      type: account.type,
      user_view_type: "public",
      site_admin: account.siteAdmin,
    };
  }

  /** GET /user: the signed-in user as they see themselves ("private-user"). */
  authenticatedUser(account: AccountRecord): Json {
    const repos = [...this.world.repos.values()].filter((r) => r.owner === account.login);
    return {
      ...this.user(account),
      name: account.name,
      company: null,
      blog: "",
      location: null,
      email: account.emails[0] ?? null,
      hireable: null,
      bio: null,
      public_repos: repos.filter((r) => !r.private).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      created_at: account.createdAt,
      updated_at: account.createdAt,
      private_gists: 0,
      total_private_repos: repos.filter((r) => r.private).length,
      owned_private_repos: repos.filter((r) => r.private).length,
      disk_usage: 0,
      collaborators: 0,
      two_factor_authentication: true,
    };
  }

  /** simple-user for a login, creating nothing: unknown logins render as a plain User. */
  userByLogin(login: string): Json {
    const account = this.world.account(login);
    if (account) return this.user(account);
    return this.user({ id: 0, login, type: "User", nodeId: "", name: null, emails: [], siteAdmin: false, createdAt: new Date(0).toISOString() });
  }

  organization(login: string): Json {
    const account = this.world.account(login)!;
    const api = `${this.api}/orgs/${account.login}`;
    return {
      login: account.login,
      id: account.id,
      node_id: account.nodeId,
      url: api,
      repos_url: `${api}/repos`,
      events_url: `${api}/events`,
      hooks_url: `${api}/hooks`,
      issues_url: `${api}/issues`,
      members_url: `${api}/members{/member}`,
      public_members_url: `${api}/public_members{/member}`,
      avatar_url: `${this.web}/avatars/u/${account.id}?v=4`,
      description: null,
    };
  }

  /** The organization as GET /orgs/{org} and team responses show it. */
  organizationFull(login: string): Json {
    const account = this.world.account(login)!;
    const repos = [...this.world.repos.values()].filter((r) => r.owner === account.login);
    return {
      ...this.organization(login),
      name: account.name ?? account.login,
      html_url: `${this.web}/${account.login}`,
      has_organization_projects: true,
      has_repository_projects: true,
      public_repos: repos.filter((r) => !r.private).length,
      public_gists: 0,
      followers: 0,
      following: 0,
      type: "Organization",
      created_at: account.createdAt,
      updated_at: account.createdAt,
      archived_at: null,
    };
  }

  repository(repo: RepoRecord): Json {
    const api = `${this.api}/repos/${repo.fullName}`;
    const html = `${this.web}/${repo.fullName}`;
    const host = new URL(this.web).host;
    const openIssues = [...repo.pulls.values()].filter((p) => p.state === "open").length;
    const owner = this.world.account(repo.owner)!;
    return {
      id: repo.id,
      node_id: repo.nodeId,
      name: repo.name,
      full_name: repo.fullName,
      private: repo.private,
      owner: this.user(owner),
      html_url: html,
      description: repo.description,
      fork: false,
      url: api,
      archive_url: `${api}/{archive_format}{/ref}`,
      assignees_url: `${api}/assignees{/user}`,
      blobs_url: `${api}/git/blobs{/sha}`,
      branches_url: `${api}/branches{/branch}`,
      collaborators_url: `${api}/collaborators{/collaborator}`,
      comments_url: `${api}/comments{/number}`,
      commits_url: `${api}/commits{/sha}`,
      compare_url: `${api}/compare/{base}...{head}`,
      contents_url: `${api}/contents/{+path}`,
      contributors_url: `${api}/contributors`,
      deployments_url: `${api}/deployments`,
      downloads_url: `${api}/downloads`,
      events_url: `${api}/events`,
      forks_url: `${api}/forks`,
      git_commits_url: `${api}/git/commits{/sha}`,
      git_refs_url: `${api}/git/refs{/sha}`,
      git_tags_url: `${api}/git/tags{/sha}`,
      git_url: `git://${host}/${repo.fullName}.git`,
      issue_comment_url: `${api}/issues/comments{/number}`,
      issue_events_url: `${api}/issues/events{/number}`,
      issues_url: `${api}/issues{/number}`,
      keys_url: `${api}/keys{/key_id}`,
      labels_url: `${api}/labels{/name}`,
      languages_url: `${api}/languages`,
      merges_url: `${api}/merges`,
      milestones_url: `${api}/milestones{/number}`,
      notifications_url: `${api}/notifications{?since,all,participating}`,
      pulls_url: `${api}/pulls{/number}`,
      releases_url: `${api}/releases{/id}`,
      ssh_url: `git@${host}:${repo.fullName}.git`,
      stargazers_url: `${api}/stargazers`,
      statuses_url: `${api}/statuses/{sha}`,
      subscribers_url: `${api}/subscribers`,
      subscription_url: `${api}/subscription`,
      tags_url: `${api}/tags`,
      teams_url: `${api}/teams`,
      trees_url: `${api}/git/trees{/sha}`,
      clone_url: `${html}.git`,
      mirror_url: null,
      hooks_url: `${api}/hooks`,
      svn_url: html,
      homepage: null,
      language: null,
      forks_count: 0,
      forks: 0,
      stargazers_count: 0,
      watchers_count: 0,
      watchers: 0,
      size: 1,
      default_branch: repo.defaultBranch,
      open_issues_count: openIssues,
      open_issues: openIssues,
      is_template: false,
      topics: [],
      has_issues: true,
      has_projects: true,
      has_wiki: true,
      has_pages: false,
      has_downloads: true,
      has_discussions: false,
      archived: false,
      disabled: false,
      visibility: repo.private ? "private" : "public",
      pushed_at: repo.pushedAt,
      created_at: repo.createdAt,
      updated_at: repo.updatedAt,
      allow_rebase_merge: true,
      allow_squash_merge: true,
      allow_merge_commit: true,
      allow_auto_merge: false,
      delete_branch_on_merge: false,
      allow_forking: true,
      web_commit_signoff_required: false,
      license: null,
      network_count: 0,
      subscribers_count: 0,
    };
  }

  /** GET /repos/{owner}/{repo}: the repository plus its organization (webhooks spell that as a login instead). */
  fullRepository(repo: RepoRecord): Json {
    const org = this.world.orgs.has(repo.owner.toLowerCase()) ? this.world.account(repo.owner) : undefined;
    return { ...this.repository(repo), ...(org ? { organization: this.user(org) } : {}) };
  }

  /** The short repository shape of installation payloads and minimal listings. */
  repositoryBrief(repo: RepoRecord): Json {
    return { id: repo.id, node_id: repo.nodeId, name: repo.name, full_name: repo.fullName, private: repo.private };
  }

  label(repo: RepoRecord, label: LabelRecord): Json {
    return {
      id: label.id,
      node_id: label.nodeId,
      url: `${this.api}/repos/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
      name: label.name,
      description: label.description,
      color: label.color,
      default: label.isDefault,
    };
  }

  team(team: TeamRecord): Json {
    const org = this.world.account(team.org)!;
    const api = `${this.api}/organizations/${org.id}/team/${team.id}`;
    return {
      id: team.id,
      node_id: team.nodeId,
      url: api,
      html_url: `${this.web}/orgs/${team.org}/teams/${team.slug}`,
      name: team.name,
      slug: team.slug,
      description: team.description,
      privacy: team.privacy,
      notification_setting: "notifications_enabled",
      permission: "pull",
      members_url: `${api}/members{/member}`,
      repositories_url: `${api}/repos`,
      type: "organization",
      organization_id: org.id,
      parent: null,
    };
  }

  private branchEnd(repo: RepoRecord, ref: string, sha: string): Json {
    const owner = this.world.account(repo.owner)!;
    return { label: `${repo.owner}:${ref}`, ref, sha, user: this.user(owner), repo: this.repository(repo) };
  }

  /** pull-request (full = with the counters of GET /pulls/{n}), else pull-request-simple. */
  pullRequest(pull: PullRecord, full: boolean): Json {
    const repo = this.world.repo(pull.repo);
    const api = `${this.api}/repos/${repo.fullName}/pulls/${pull.number}`;
    const issue = `${this.api}/repos/${repo.fullName}/issues/${pull.number}`;
    const html = `${this.web}/${repo.fullName}/pull/${pull.number}`;
    const headSha = pull.commits[pull.commits.length - 1];
    const statuses = `${this.api}/repos/${repo.fullName}/statuses/${headSha}`;
    const body: Json = {
      url: api,
      id: pull.id,
      node_id: pull.nodeId,
      html_url: html,
      diff_url: `${html}.diff`,
      patch_url: `${html}.patch`,
      issue_url: issue,
      commits_url: `${api}/commits`,
      review_comments_url: `${api}/comments`,
      review_comment_url: `${this.api}/repos/${repo.fullName}/pulls/comments{/number}`,
      comments_url: `${issue}/comments`,
      statuses_url: statuses,
      number: pull.number,
      state: pull.state,
      locked: pull.locked,
      title: pull.title,
      user: this.userByLogin(pull.author),
      body: pull.body === "" ? null : pull.body,
      // GitHub's schema for a pull request's labels has a non-null description.
      labels: pull.labels.map((name) => ({ ...this.label(repo, this.world.label(repo.fullName, name)), description: this.world.label(repo.fullName, name).description ?? "" })),
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt,
      merged_at: pull.mergedAt,
      merge_commit_sha: pull.mergeCommitSha,
      assignee: null,
      assignees: [],
      requested_reviewers: pull.requestedUsers.map((login) => this.userByLogin(login)),
      requested_teams: pull.requestedTeams.map((slug) => this.team(this.world.team(repo.owner, slug)!)),
      head: this.branchEnd(repo, pull.headRef, headSha),
      base: this.branchEnd(repo, pull.baseRef, repo.branches.get(pull.baseRef) ?? headSha),
      _links: {
        self: { href: api },
        html: { href: html },
        issue: { href: issue },
        comments: { href: `${issue}/comments` },
        review_comments: { href: `${api}/comments` },
        review_comment: { href: `${this.api}/repos/${repo.fullName}/pulls/comments{/number}` },
        commits: { href: `${api}/commits` },
        statuses: { href: statuses },
      },
      author_association: this.world.association(repo.fullName, pull.author),
      auto_merge: null,
      draft: pull.draft,
    };
    if (!full) return body;
    const files = this.world.filesOf(pull);
    return {
      ...body,
      merged: pull.merged,
      mergeable: pull.state === "open" ? true : null,
      rebaseable: pull.state === "open" ? true : null,
      mergeable_state: pull.state !== "open" ? "unknown" : pull.draft ? "draft" : "clean",
      merged_by: pull.mergedBy ? this.userByLogin(pull.mergedBy) : null,
      comments: 0,
      review_comments: 0,
      maintainer_can_modify: false,
      commits: pull.commits.length,
      additions: files.reduce((n, f) => n + f.additions, 0),
      deletions: files.reduce((n, f) => n + f.deletions, 0),
      changed_files: files.length,
    };
  }

  private gitUser(person: GitPerson): Json {
    return { name: person.name, email: person.email, date: person.date };
  }

  commit(repo: RepoRecord, commit: CommitRecord, withFiles: boolean): Json {
    const api = `${this.api}/repos/${repo.fullName}`;
    const author = this.world.accountForPerson(commit.author);
    const committer = this.world.accountForPerson(commit.committer);
    const body: Json = {
      url: `${api}/commits/${commit.sha}`,
      sha: commit.sha,
      node_id: `C_${Buffer.from(commit.sha).toString("base64url")}`,
      html_url: `${this.web}/${repo.fullName}/commit/${commit.sha}`,
      comments_url: `${api}/commits/${commit.sha}/comments`,
      commit: {
        url: `${api}/git/commits/${commit.sha}`,
        author: this.gitUser(commit.author),
        committer: this.gitUser(commit.committer),
        message: commit.message,
        comment_count: 0,
        tree: { sha: commit.treeSha, url: `${api}/git/trees/${commit.treeSha}` },
        verification: {
          verified: commit.verified === true,
          reason: commit.verified === null ? "unsigned" : commit.verified ? "valid" : "bad_signature",
          signature: null,
          payload: null,
          verified_at: commit.verified ? commit.committer.date : null,
        },
      },
      author: author ? this.user(author) : null,
      committer: committer ? this.user(committer) : null,
      parents: commit.parents.map((sha) => ({ sha, url: `${api}/commits/${sha}`, html_url: `${this.web}/${repo.fullName}/commit/${sha}` })),
    };
    if (!withFiles) return body;
    const additions = commit.files.reduce((n, f) => n + f.additions, 0);
    const deletions = commit.files.reduce((n, f) => n + f.deletions, 0);
    return {
      ...body,
      stats: { additions, deletions, total: additions + deletions },
      files: commit.files.map((f) => this.diffEntry(repo, commit.sha, f)),
    };
  }

  diffEntry(repo: RepoRecord, sha: string, file: DiffEntryRecord): Json {
    const text = file.status === "removed" ? null : readFile(repo, sha, file.path);
    const path = file.path.split("/").map(encodeURIComponent).join("/");
    return {
      sha: text === null ? null : blobSha(text),
      filename: file.path,
      status: file.status,
      additions: file.additions,
      deletions: file.deletions,
      changes: file.additions + file.deletions,
      blob_url: `${this.web}/${repo.fullName}/blob/${sha}/${path}`,
      raw_url: `${this.web}/${repo.fullName}/raw/${sha}/${path}`,
      contents_url: `${this.api}/repos/${repo.fullName}/contents/${path}?ref=${sha}`,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
      ...(file.previousPath ? { previous_filename: file.previousPath } : {}),
    };
  }

  review(pull: PullRecord, review: ReviewRecord): Json {
    const repo = this.world.repo(pull.repo);
    const html = `${this.web}/${repo.fullName}/pull/${pull.number}#pullrequestreview-${review.id}`;
    const pullUrl = `${this.api}/repos/${repo.fullName}/pulls/${pull.number}`;
    return {
      id: review.id,
      node_id: review.nodeId,
      user: this.userByLogin(review.user),
      body: review.body,
      state: review.state,
      html_url: html,
      pull_request_url: pullUrl,
      _links: { html: { href: html }, pull_request: { href: pullUrl } },
      submitted_at: review.submittedAt,
      commit_id: review.commitId,
      author_association: this.world.association(repo.fullName, review.user),
    };
  }

  app(app: AppRecord): Json {
    const owner = this.world.account(app.owner);
    return {
      id: app.id,
      slug: app.slug,
      node_id: app.nodeId,
      client_id: `Iv1.${app.id.toString(16).padStart(16, "0")}`,
      owner: owner ? this.user(owner) : this.userByLogin(app.owner),
      name: app.name,
      description: null,
      external_url: `${this.web}/apps/${app.slug}`,
      html_url: `${this.web}/apps/${app.slug}`,
      created_at: app.createdAt,
      updated_at: app.createdAt,
      permissions: app.permissions,
      events: app.events,
    };
  }

  checkSuite(suite: CheckSuiteRecord): Json {
    const repo = this.world.repo(suite.repo);
    const runs = [...repo.checkRuns.values()].filter((r) => r.suiteId === suite.id);
    const completed = runs.length > 0 && runs.every((r) => r.status === "completed");
    const order = ["action_required", "cancelled", "timed_out", "failure", "neutral", "skipped", "stale", "success"];
    const conclusion = completed ? order.find((c) => runs.some((r) => r.conclusion === c)) ?? "success" : null;
    const head = repo.commits.get(suite.headSha);
    return {
      id: suite.id,
      node_id: suite.nodeId,
      head_branch: suite.headBranch,
      head_sha: suite.headSha,
      status: runs.length === 0 ? "queued" : completed ? "completed" : "in_progress",
      conclusion,
      url: `${this.api}/repos/${repo.fullName}/check-suites/${suite.id}`,
      before: head?.parents[0] ?? null,
      after: suite.headSha,
      pull_requests: this.pullRequestMinimals(repo, suite.headSha),
      app: this.app(this.world.apps.get(suite.appId)!),
      repository: this.repository(repo),
      created_at: suite.createdAt,
      updated_at: suite.updatedAt,
      head_commit: head ? this.simpleCommit(head) : null,
      latest_check_runs_count: runs.length,
      check_runs_url: `${this.api}/repos/${repo.fullName}/check-suites/${suite.id}/check-runs`,
      rerequestable: true,
      runs_rerequestable: true,
    };
  }

  /** The pull_requests entries of check runs and suites: open PRs whose head is `sha`. */
  pullRequestMinimals(repo: RepoRecord, sha: string): Json[] {
    return [...repo.pulls.values()]
      .filter((p) => p.state === "open" && p.commits[p.commits.length - 1] === sha)
      .map((p) => {
        const end = (ref: string, at: string): Json => ({ ref, sha: at, repo: { id: repo.id, url: `${this.api}/repos/${repo.fullName}`, name: repo.name } });
        return {
          id: p.id,
          number: p.number,
          url: `${this.api}/repos/${repo.fullName}/pulls/${p.number}`,
          head: end(p.headRef, sha),
          base: end(p.baseRef, repo.branches.get(p.baseRef) ?? sha),
        };
      });
  }

  simpleCommit(commit: CommitRecord): Json {
    return {
      id: commit.sha,
      tree_id: commit.treeSha,
      message: commit.message,
      timestamp: commit.committer.date,
      author: { name: commit.author.name, email: commit.author.email },
      committer: { name: commit.committer.name, email: commit.committer.email },
    };
  }

  checkRun(run: CheckRunRecord): Json {
    const repo = this.world.repo(run.repo);
    const url = `${this.api}/repos/${repo.fullName}/check-runs/${run.id}`;
    return {
      id: run.id,
      head_sha: run.headSha,
      node_id: run.nodeId,
      external_id: run.externalId ?? "",
      url,
      html_url: `${this.web}/${repo.fullName}/runs/${run.id}`,
      details_url: run.detailsUrl ?? `${this.web}/${repo.fullName}/runs/${run.id}`,
      status: run.status,
      conclusion: run.conclusion,
      started_at: run.startedAt,
      completed_at: run.completedAt,
      output: {
        title: run.output.title,
        summary: run.output.summary,
        text: run.output.text,
        annotations_count: run.output.annotations.length,
        annotations_url: `${url}/annotations`,
      },
      name: run.name,
      check_suite: { id: run.suiteId },
      app: this.app(this.world.apps.get(run.appId)!),
      pull_requests: this.pullRequestMinimals(repo, run.headSha),
    };
  }

  status(repo: RepoRecord, status: StatusRecord): Json {
    const creator = this.world.account(status.creator);
    return {
      url: `${this.api}/repos/${repo.fullName}/statuses/${status.sha}`,
      avatar_url: creator ? `${this.web}/avatars/u/${creator.id}?v=4` : null,
      id: status.id,
      node_id: status.nodeId,
      state: status.state,
      description: status.description,
      target_url: status.targetUrl,
      context: status.context,
      created_at: status.createdAt,
      updated_at: status.updatedAt,
      creator: creator ? this.user(creator) : null,
    };
  }

  combinedStatus(repo: RepoRecord, sha: string): Json {
    const statuses = this.world.latestStatuses(repo.fullName, sha);
    const state = statuses.some((s) => s.state === "error" || s.state === "failure")
      ? "failure"
      : statuses.length > 0 && statuses.every((s) => s.state === "success")
        ? "success"
        : "pending";
    const { owner, ...minimal } = this.repository(repo);
    return {
      state,
      statuses: statuses.map((s) => this.status(repo, s)),
      sha,
      total_count: statuses.length,
      repository: { owner, ...minimal },
      commit_url: `${this.api}/repos/${repo.fullName}/commits/${sha}`,
      url: `${this.api}/repos/${repo.fullName}/commits/${sha}/status`,
    };
  }

  installation(installation: InstallationRecord): Json {
    const account = this.world.account(installation.account)!;
    const app = this.world.apps.get(installation.appId);
    return {
      id: installation.id,
      account: this.user(account),
      repository_selection: installation.repositorySelection,
      access_tokens_url: `${this.api}/app/installations/${installation.id}/access_tokens`,
      repositories_url: `${this.api}/installation/repositories`,
      html_url: `${this.web}/${account.type === "Organization" ? `organizations/${account.login}/` : ""}settings/installations/${installation.id}`,
      app_id: installation.appId,
      app_slug: app?.slug ?? "",
      client_id: `Iv1.${installation.appId.toString(16).padStart(16, "0")}`,
      target_id: account.id,
      target_type: account.type === "Organization" ? "Organization" : "User",
      permissions: installation.permissions,
      events: installation.events,
      created_at: installation.createdAt,
      updated_at: installation.createdAt,
      single_file_name: null,
      has_multiple_single_files: false,
      single_file_paths: [],
      suspended_by: null,
      suspended_at: installation.suspendedAt,
    };
  }

  contentFile(repo: RepoRecord, ref: string, path: string, text: string): Json {
    const sha = blobSha(text);
    const encodedPath = path.split("/").map(encodeURIComponent).join("/");
    const url = `${this.api}/repos/${repo.fullName}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${this.api}/repos/${repo.fullName}/git/blobs/${sha}`;
    const htmlUrl = `${this.web}/${repo.fullName}/blob/${ref}/${encodedPath}`;
    // GitHub wraps base64 content at 60 characters per line.
    const content = (Buffer.from(text, "utf8").toString("base64").match(/.{1,60}/g) ?? []).join("\n");
    return {
      type: "file",
      encoding: "base64",
      size: Buffer.byteLength(text),
      name: path.split("/").pop(),
      path,
      content: content === "" ? "" : `${content}\n`,
      sha,
      url,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url: `${this.web}/${repo.fullName}/raw/${ref}/${encodedPath}`,
      _links: { self: url, git: gitUrl, html: htmlUrl },
    };
  }

  contentDirectoryEntry(repo: RepoRecord, ref: string, path: string, type: "file" | "dir", text: string | null): Json {
    const sha = text === null ? blobSha(`tree:${path}`) : blobSha(text);
    const encodedPath = path.split("/").map(encodeURIComponent).join("/");
    const url = `${this.api}/repos/${repo.fullName}/contents/${encodedPath}?ref=${encodeURIComponent(ref)}`;
    const gitUrl = `${this.api}/repos/${repo.fullName}/git/${type === "file" ? "blobs" : "trees"}/${sha}`;
    const htmlUrl = `${this.web}/${repo.fullName}/${type === "file" ? "blob" : "tree"}/${ref}/${encodedPath}`;
    return {
      type,
      size: text === null ? 0 : Buffer.byteLength(text),
      name: path.split("/").pop(),
      path,
      sha,
      url,
      git_url: gitUrl,
      html_url: htmlUrl,
      download_url: type === "file" ? `${this.web}/${repo.fullName}/raw/${ref}/${encodedPath}` : null,
      _links: { self: url, git: gitUrl, html: htmlUrl },
    };
  }

  ruleset(repo: RepoRecord, ruleset: RulesetRecord): Json {
    const url = `${this.api}/repos/${repo.fullName}/rulesets/${ruleset.id}`;
    return {
      id: ruleset.id,
      name: ruleset.name,
      target: ruleset.target,
      source_type: "Repository",
      source: repo.fullName,
      enforcement: ruleset.enforcement,
      bypass_actors: ruleset.bypassActors,
      current_user_can_bypass: "never",
      node_id: ruleset.nodeId,
      _links: { self: { href: url }, html: { href: `${this.web}/${repo.fullName}/rules/${ruleset.id}` } },
      conditions: ruleset.conditions,
      rules: ruleset.rules,
      created_at: ruleset.createdAt,
      updated_at: ruleset.updatedAt,
    };
  }

  collaborator(account: AccountRecord, permission: string): Json {
    return {
      ...this.user(account),
      name: account.name,
      email: null,
      permissions: this.permissionFlags(permission),
      role_name: permission,
    };
  }

  /** GitHub's `permissions` object for a permission level ("none" = every flag false). */
  permissionFlags(permission: string): Json {
    const rank = ["read", "triage", "write", "maintain", "admin"].indexOf(permission);
    return { pull: rank >= 0, triage: rank >= 1, push: rank >= 2, maintain: rank >= 3, admin: rank >= 4 };
  }
}

/**
 * The world seen through GitHub's GraphQL schema: plain objects whose property names are the
 * schema's field names. Fields with arguments (or that are costly) are functions, which
 * graphql-js's default resolver calls with (args, context, info). Every object carries
 * `__typename`, which the default type resolver uses for interfaces and unions.
 */
import type { GraphQLResolveInfo } from "graphql";
import { blobSha, nodeId, readFile, readTree, resolveRef } from "../world/git.js";
import type { AccountRecord, InstallationRecord, PullRecord, RepoRecord, TeamRecord } from "../world/records.js";
import type { World } from "../world/world.js";
import { commitNode } from "./commit.js";
import { connection, type PageArgs } from "./connection.js";
import { GraphError } from "./graph-error.js";
import type { Graph } from "./graph.js";
import { mergeQueueNode } from "./merge-queue.js";
import { pullRequestNode } from "./pull-request.js";

type Node = Record<string, unknown>;

/** GitHub truncates Blob.text above this size (the byteSize stays exact). */
const BLOB_TEXT_LIMIT = 512 * 1024;

export class GraphModel implements Graph {
  constructor(
    readonly world: World,
    /** The installation whose token made the request; it limits which repositories resolve. */
    readonly installation?: InstallationRecord,
    readonly viewerLogin?: string,
  ) {}

  get web(): string {
    return this.world.baseUrl;
  }

  commit(repo: RepoRecord, sha: string): Node | null {
    return commitNode(this, repo, sha);
  }

  pullRequest(repo: RepoRecord, pull: PullRecord): Node {
    return pullRequestNode(this, repo, pull);
  }

  /** The Query root. */
  root(cost: () => { cost: number; remaining: number; used: number; limit: number; resetAt: string }): Node {
    return {
      repository: ({ owner, name }: { owner: string; name: string }) => {
        const repo = this.world.findRepo(owner, name);
        if (!repo || (this.installation && !this.world.installationCovers(this.installation, repo))) {
          throw new GraphError("NOT_FOUND", `Could not resolve to a Repository with the name '${owner}/${name}'.`);
        }
        return this.repository(repo);
      },
      organization: ({ login }: { login: string }) => {
        const account = this.world.account(login);
        if (!account || account.type !== "Organization") throw new GraphError("NOT_FOUND", `Could not resolve to an Organization with the login of '${login}'.`);
        return this.account(account);
      },
      user: ({ login }: { login: string }) => {
        const account = this.world.account(login);
        if (!account || account.type !== "User") throw new GraphError("NOT_FOUND", `Could not resolve to a User with the login of '${login}'.`);
        return this.account(account);
      },
      viewer: () => {
        const login = this.viewerLogin ?? this.world.appBot(this.installation?.appId).login;
        return this.account(this.world.account(login) ?? this.world.appBot());
      },
      rateLimit: () => {
        const budget = cost();
        return { __typename: "RateLimit", ...budget, nodeCount: 0 };
      },
    };
  }

  /** A User, Bot or Organization (GraphQL logins of bots have no "[bot]" suffix). */
  account(account: AccountRecord): Node {
    const common = {
      id: account.nodeId,
      databaseId: account.id,
      avatarUrl: `${this.web}/avatars/u/${account.id}?v=4`,
      createdAt: account.createdAt,
      updatedAt: account.createdAt,
    };
    if (account.type === "Bot") {
      const login = account.login.replace(/\[bot\]$/, "");
      return { __typename: "Bot", ...common, login, url: `${this.web}/apps/${login}`, resourcePath: `/apps/${login}` };
    }
    if (account.type === "Organization") {
      return {
        __typename: "Organization",
        ...common,
        login: account.login,
        name: account.name ?? account.login,
        url: `${this.web}/${account.login}`,
        resourcePath: `/${account.login}`,
        team: ({ slug }: { slug: string }) => {
          const team = this.world.team(account.login, slug);
          return team ? this.team(team) : null;
        },
        teams: (args: PageArgs, _ctx: unknown, info: GraphQLResolveInfo) =>
          connection([...this.world.teams.values()].filter((t) => t.org === account.login).map((t) => this.team(t)), args, info),
      };
    }
    return {
      __typename: "User",
      ...common,
      login: account.login,
      name: account.name,
      email: "",
      isSiteAdmin: account.siteAdmin,
      url: `${this.web}/${account.login}`,
      resourcePath: `/${account.login}`,
    };
  }

  accountByLogin(login: string | null): Node | null {
    if (!login) return null;
    const account = this.world.account(login);
    return account ? this.account(account) : null;
  }

  team(team: TeamRecord): Node {
    return {
      __typename: "Team",
      id: team.nodeId,
      databaseId: team.id,
      slug: team.slug,
      name: team.name,
      description: team.description,
      combinedSlug: `${team.org}/${team.slug}`,
      privacy: team.privacy === "secret" ? "SECRET" : "VISIBLE",
      url: `${this.web}/orgs/${team.org}/teams/${team.slug}`,
      resourcePath: `/orgs/${team.org}/teams/${team.slug}`,
      createdAt: team.createdAt,
      updatedAt: team.createdAt,
      organization: () => this.account(this.world.account(team.org)!),
      members: (args: PageArgs & { role?: string | null }, _ctx: unknown, info: GraphQLResolveInfo) => {
        const wanted = args.role ? args.role.toLowerCase() : null;
        const members = this.world.teamMembers(team).filter((a) => !wanted || team.members.get(a.login.toLowerCase()) === wanted);
        return connection(
          members.map((a) => this.account(a)),
          args,
          info,
          (node) => ({ role: team.members.get(String(node.login).toLowerCase()) === "maintainer" ? "MAINTAINER" : "MEMBER" }),
        );
      },
    };
  }

  label(repo: RepoRecord, name: string): Node {
    const label = this.world.label(repo.fullName, name);
    return {
      __typename: "Label",
      id: label.nodeId,
      name: label.name,
      color: label.color,
      description: label.description,
      isDefault: label.isDefault,
      url: `${this.web}/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
      resourcePath: `/${repo.fullName}/labels/${encodeURIComponent(label.name)}`,
    };
  }

  app(appId: number): Node | null {
    const app = this.world.apps.get(appId);
    if (!app) return null;
    return { __typename: "App", id: app.nodeId, databaseId: app.id, slug: app.slug, name: app.name, url: `${this.web}/apps/${app.slug}`, createdAt: app.createdAt, updatedAt: app.createdAt };
  }

  repository(repo: RepoRecord): Node {
    return {
      __typename: "Repository",
      id: repo.nodeId,
      databaseId: repo.id,
      name: repo.name,
      nameWithOwner: repo.fullName,
      description: repo.description,
      isPrivate: repo.private,
      isArchived: false,
      isFork: false,
      isDisabled: false,
      isEmpty: false,
      visibility: repo.private ? "PRIVATE" : "PUBLIC",
      url: `${this.web}/${repo.fullName}`,
      resourcePath: `/${repo.fullName}`,
      createdAt: repo.createdAt,
      updatedAt: repo.updatedAt,
      pushedAt: repo.pushedAt,
      owner: () => this.account(this.world.account(repo.owner)!),
      defaultBranchRef: () => this.ref(repo, repo.defaultBranch),
      ref: ({ qualifiedName }: { qualifiedName: string }) => this.ref(repo, qualifiedName.replace(/^refs\/heads\//, "")),
      mergeQueue: ({ branch }: { branch?: string | null }) => mergeQueueNode(this, repo, branch ?? repo.defaultBranch),
      object: ({ expression, oid }: { expression?: string; oid?: string }) => this.gitObject(repo, expression ?? oid ?? ""),
      pullRequest: ({ number }: { number: number }) => {
        const pull = repo.pulls.get(number);
        if (!pull) throw new GraphError("NOT_FOUND", `Could not resolve to a PullRequest with the number of ${number}.`);
        return pullRequestNode(this, repo, pull);
      },
      pullRequests: (
        args: PageArgs & { states?: string[] | null; headRefName?: string | null; baseRefName?: string | null },
        _ctx: unknown,
        info: GraphQLResolveInfo,
      ) => {
        const pulls = [...repo.pulls.values()].filter((p) => {
          const state = p.merged ? "MERGED" : p.state === "open" ? "OPEN" : "CLOSED";
          if (args.states && !args.states.includes(state)) return false;
          if (args.headRefName && p.headRef !== args.headRefName) return false;
          if (args.baseRefName && p.baseRef !== args.baseRefName) return false;
          return true;
        });
        return connection(pulls.map((p) => pullRequestNode(this, repo, p)), args, info);
      },
      viewerPermission: () => {
        const permission = this.viewerLogin ? this.world.permissionOf(repo.fullName, this.viewerLogin) : "none";
        return permission === "none" ? null : permission.toUpperCase();
      },
    };
  }

  ref(repo: RepoRecord, name: string): Node | null {
    const sha = repo.branches.get(name);
    if (!sha) return null;
    return {
      __typename: "Ref",
      id: nodeId("REF", `${repo.fullName}:${name}`),
      name,
      prefix: "refs/heads/",
      repository: () => this.repository(repo),
      target: () => commitNode(this, repo, sha),
    };
  }

  /** `object(expression: "rev:path")`: a Blob, a Tree, or (no path) a Commit; null when missing. */
  gitObject(repo: RepoRecord, expression: string): Node | null {
    const colon = expression.indexOf(":");
    const rev = colon < 0 ? expression : expression.slice(0, colon);
    const path = colon < 0 ? null : expression.slice(colon + 1).replace(/^\/+|\/+$/g, "");
    const sha = resolveRef(repo, rev === "HEAD" || rev === "" ? repo.defaultBranch : rev);
    if (!sha) return null;
    if (path === null) return commitNode(this, repo, sha);
    const text = path === "" ? null : readFile(repo, sha, path);
    if (text !== null) {
      const oid = blobSha(text);
      const byteSize = Buffer.byteLength(text);
      const isBinary = text.includes("\0");
      const isTruncated = byteSize > BLOB_TEXT_LIMIT;
      return {
        __typename: "Blob",
        id: nodeId("B", `${repo.fullName}:${oid}`),
        oid,
        abbreviatedOid: oid.slice(0, 7),
        byteSize,
        isBinary,
        isTruncated,
        text: isBinary ? null : isTruncated ? Buffer.from(text).subarray(0, BLOB_TEXT_LIMIT).toString("utf8") : text,
        commitUrl: `${this.web}/${repo.fullName}/commit/${sha}`,
        commitResourcePath: `/${repo.fullName}/commit/${sha}`,
        repository: () => this.repository(repo),
      };
    }
    const prefix = path === "" ? "" : `${path}/`;
    const entries = new Map<string, string | null>();
    for (const [file, content] of readTree(repo, sha)) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf("/");
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? content : null);
    }
    if (entries.size === 0) return null;
    const oid = blobSha(`tree:${sha}:${path}`);
    return {
      __typename: "Tree",
      id: nodeId("TR", `${repo.fullName}:${oid}`),
      oid,
      abbreviatedOid: oid.slice(0, 7),
      commitUrl: `${this.web}/${repo.fullName}/commit/${sha}`,
      commitResourcePath: `/${repo.fullName}/commit/${sha}`,
      repository: () => this.repository(repo),
      entries: [...entries.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, content]) => this.entry(repo, sha, `${prefix}${name}`, content)),
    };
  }

  /** `Commit.file(path:)`: the tree entry at `path` (a file or a directory), null when missing. */
  treeEntry(repo: RepoRecord, sha: string, path: string): Node | null {
    const text = readFile(repo, sha, path);
    if (text !== null) return this.entry(repo, sha, path, text);
    return this.gitObject(repo, `${sha}:${path}`) ? this.entry(repo, sha, path, null) : null;
  }

  /** A TreeEntry; `content` null = a directory. */
  private entry(repo: RepoRecord, sha: string, path: string, content: string | null): Node {
    const name = path.split("/").pop() ?? path;
    const dot = name.lastIndexOf(".");
    return {
      __typename: "TreeEntry",
      name,
      path,
      type: content === null ? "tree" : "blob",
      mode: content === null ? 16384 : 33188,
      oid: content === null ? blobSha(`tree:${sha}:${path}`) : blobSha(content),
      extension: dot > 0 ? name.slice(dot) : null,
      isGenerated: false,
      size: content === null ? 0 : Buffer.byteLength(content),
      lineCount: content === null ? null : content.split("\n").length - (content.endsWith("\n") ? 1 : 0),
      object: () => this.gitObject(repo, `${sha}:${path}`),
    };
  }
}

/** Repository metadata, contents, commits, collaborator permission, rulesets. */
import { readFile, readTree, resolveRef } from "../world/git.js";
import { SimulatorError, notFound } from "../world/errors.js";
import { nodeId } from "../world/git.js";
import type { RulesetRecord } from "../world/records.js";
import { bodyObject, created, integerParam, ok, paginate, repoOf, requireString, userPermission, type RestRoute } from "./route.js";

const ENFORCEMENTS = ["disabled", "active", "evaluate"];

function rulesetFields(body: Record<string, unknown>, partial: boolean): Partial<RulesetRecord> {
  const fields: Partial<RulesetRecord> = {};
  if (!partial || body.name !== undefined) fields.name = requireString(body, "name");
  if (!partial || body.enforcement !== undefined) {
    const enforcement = requireString(body, "enforcement");
    if (!ENFORCEMENTS.includes(enforcement)) {
      throw new SimulatorError(422, `Invalid request.\n\nFor 'properties/enforcement', "${enforcement}" is not a member of the enum.`);
    }
    fields.enforcement = enforcement;
  }
  if (body.target !== undefined) fields.target = String(body.target);
  if (body.bypass_actors !== undefined) fields.bypassActors = body.bypass_actors as unknown[];
  if (body.conditions !== undefined) fields.conditions = body.conditions;
  if (body.rules !== undefined) {
    if (!Array.isArray(body.rules)) throw new SimulatorError(422, "Invalid request.\n\nFor 'properties/rules', is not an array.");
    fields.rules = body.rules;
  }
  return fields;
}

export const repoRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}",
    auth: "installation",
    permission: ["metadata", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const body = req.rep.fullRepository(repo);
      // With a user's token GitHub says what that user may do.
      if (req.auth.kind === "token") return ok({ ...body, permissions: req.rep.permissionFlags(userPermission(req.world, repo, req.auth.login)) });
      return ok(body);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/contents/{path}",
    auth: "installation",
    permission: ["contents|single_file", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const ref = req.query.get("ref") || repo.defaultBranch;
      const sha = resolveRef(repo, ref);
      if (!sha) throw new SimulatorError(404, `No commit found for the ref ${ref}`);
      const path = req.params.path.replace(/^\/+|\/+$/g, "");
      const text = readFile(repo, sha, path);
      if (text !== null) return ok(req.rep.contentFile(repo, ref, path, text));
      // A directory: list its direct children.
      const prefix = `${path}/`;
      const children = new Map<string, string | null>();
      for (const [file, content] of readTree(repo, sha)) {
        if (!file.startsWith(prefix)) continue;
        const rest = file.slice(prefix.length);
        const slash = rest.indexOf("/");
        if (slash < 0) children.set(rest, content);
        else children.set(rest.slice(0, slash), null);
      }
      if (children.size === 0) throw notFound();
      const entries = [...children.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, content]) => req.rep.contentDirectoryEntry(repo, ref, `${prefix}${name}`, content === null ? "dir" : "file", content));
      return ok(entries);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits",
    auth: "installation",
    permission: ["contents", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const ref = req.query.get("sha") || repo.defaultBranch;
      if (!resolveRef(repo, ref)) throw new SimulatorError(404, `No commit found for SHA: ${ref}`);
      let commits = req.world.history(repo.fullName, ref);
      const since = req.query.get("since");
      if (since) commits = commits.filter((c) => c.committer.date >= new Date(since).toISOString());
      const until = req.query.get("until");
      if (until) commits = commits.filter((c) => c.committer.date <= new Date(until).toISOString());
      const path = req.query.get("path");
      if (path) commits = commits.filter((c) => c.changes.has(path));
      const author = req.query.get("author")?.toLowerCase();
      if (author) {
        commits = commits.filter((c) => c.author.email.toLowerCase() === author || req.world.accountForPerson(c.author)?.login.toLowerCase() === author);
      }
      const { page, headers } = paginate(req, commits);
      return ok(page.map((c) => req.rep.commit(repo, c, false)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}",
    auth: "installation",
    permission: ["contents", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const sha = resolveRef(repo, req.params.ref);
      if (!sha) throw new SimulatorError(422, `No commit found for SHA: ${req.params.ref}`);
      return ok(req.rep.commit(repo, repo.commits.get(sha)!, true));
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/collaborators/{username}/permission",
    auth: "installation",
    permission: ["metadata", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const account = req.world.account(req.params.username);
      if (!account) throw new SimulatorError(404, `${req.params.username} is not a user`);
      const role = req.world.permissionOf(repo.fullName, account.login);
      // The legacy `permission` field folds maintain into write and triage into read.
      const legacy = role === "maintain" ? "write" : role === "triage" ? "read" : role;
      return ok({ permission: legacy, role_name: role, user: req.rep.collaborator(account, role) });
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/rulesets",
    auth: "installation",
    permission: ["administration|metadata", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const { page, headers } = paginate(req, [...repo.rulesets.values()]);
      return ok(page.map((r) => req.rep.ruleset(repo, r)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/rulesets/{ruleset_id}",
    auth: "installation",
    permission: ["administration|metadata", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const ruleset = repo.rulesets.get(integerParam(req, "ruleset_id"));
      if (!ruleset) throw notFound();
      return ok(req.rep.ruleset(repo, ruleset));
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/rulesets",
    auth: "installation",
    permission: ["administration", "write"],
    handle: (req) => {
      const repo = repoOf(req);
      const fields = rulesetFields(bodyObject(req), false);
      const id = req.world.id();
      const now = req.world.now();
      const ruleset: RulesetRecord = {
        id,
        nodeId: nodeId("RRS", id),
        repo: repo.fullName,
        name: fields.name!,
        target: fields.target ?? "branch",
        enforcement: fields.enforcement!,
        bypassActors: fields.bypassActors ?? [],
        conditions: fields.conditions ?? null,
        rules: fields.rules ?? [],
        createdAt: now,
        updatedAt: now,
      };
      repo.rulesets.set(id, ruleset);
      return created(req.rep.ruleset(repo, ruleset));
    },
  },
  {
    method: "PUT",
    path: "/repos/{owner}/{repo}/rulesets/{ruleset_id}",
    auth: "installation",
    permission: ["administration", "write"],
    handle: (req) => {
      const repo = repoOf(req);
      const ruleset = repo.rulesets.get(integerParam(req, "ruleset_id"));
      if (!ruleset) throw notFound();
      Object.assign(ruleset, rulesetFields(bodyObject(req), true), { updatedAt: req.world.now() });
      return ok(req.rep.ruleset(repo, ruleset));
    },
  },
];

/** Pull requests, their commits/files/reviews, review requests, and issue labels. */
import { notFound, SimulatorError } from "../world/errors.js";
import type { PullRecord, RepoRecord } from "../world/records.js";
import { actorLogin, bodyObject, created, integerParam, ok, paginate, repoOf, type RestRequest, type RestRoute } from "./route.js";

/** GitHub caps these listings: 250 commits, 3000 files per pull request. */
const MAX_PULL_COMMITS = 250;
const MAX_PULL_FILES = 3000;

function pullOf(req: RestRequest, param = "pull_number"): { repo: RepoRecord; pull: PullRecord } {
  const repo = repoOf(req);
  const pull = repo.pulls.get(integerParam(req, param));
  if (!pull) throw notFound();
  return { repo, pull };
}

function stringList(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new SimulatorError(422, `Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not an array of strings.`);
  }
  return value as string[];
}

/** POST labels accepts {labels: [names]}, {labels: [{name}]}, or a bare array. */
function labelNames(body: unknown): string[] {
  const raw = Array.isArray(body) ? body : (body as { labels?: unknown } | null)?.labels;
  if (!Array.isArray(raw) || raw.length === 0) throw new SimulatorError(422, "Invalid request.\n\nNo subschema in \"anyOf\" matched.");
  return raw.map((l) => (typeof l === "string" ? l : String((l as { name?: unknown }).name ?? "")));
}

export const pullRoutes: RestRoute[] = [
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const state = req.query.get("state") ?? "open";
      const head = req.query.get("head");
      const base = req.query.get("base");
      let pulls = [...repo.pulls.values()].filter((p) => state === "all" || p.state === state);
      if (head) pulls = pulls.filter((p) => `${repo.owner}:${p.headRef}`.toLowerCase() === head.toLowerCase() || p.headRef === head);
      if (base) pulls = pulls.filter((p) => p.baseRef === base);
      const key = req.query.get("sort") === "updated" ? "updatedAt" : "createdAt";
      const asc = req.query.get("direction") === "asc";
      pulls.sort((a, b) => (asc ? 1 : -1) * (a[key].localeCompare(b[key]) || a.number - b.number));
      const { page, headers } = paginate(req, pulls);
      return ok(page.map((p) => req.rep.pullRequest(p, false)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => ok(req.rep.pullRequest(pullOf(req).pull, true)),
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/commits",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const { repo, pull } = pullOf(req);
      const commits = req.world.commitsOf(pull);
      const { page, headers } = paginate(req, commits, { max: MAX_PULL_COMMITS });
      return ok(page.map((c) => req.rep.commit(repo, c, false)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/files",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const { repo, pull } = pullOf(req);
      const head = pull.commits[pull.commits.length - 1];
      const { page, headers } = paginate(req, req.world.filesOf(pull), { max: MAX_PULL_FILES });
      return ok(page.map((f) => req.rep.diffEntry(repo, head, f)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const { pull } = pullOf(req);
      const { page, headers } = paginate(req, pull.reviews);
      return ok(page.map((r) => req.rep.review(pull, r)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const { repo, pull } = pullOf(req);
      return ok({
        users: pull.requestedUsers.map((u) => req.rep.userByLogin(u)),
        teams: pull.requestedTeams.map((t) => req.rep.team(req.world.team(repo.owner, t)!)),
      });
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    auth: "installation",
    permission: ["pull_requests", "write"],
    handle: (req) => {
      const { pull } = pullOf(req);
      const body = bodyObject(req);
      const users = stringList(body, "reviewers");
      const teams = stringList(body, "team_reviewers");
      if (users.length === 0 && teams.length === 0) {
        throw new SimulatorError(422, "Invalid request.\n\nNo subschema in \"anyOf\" matched.\n\"reviewers\" wasn't supplied.\n\"team_reviewers\" wasn't supplied.");
      }
      req.world.requestReviewers(pull, { users, teams }, actorLogin(req));
      return created(req.rep.pullRequest(pull, false));
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
    auth: "installation",
    permission: ["pull_requests", "write"],
    handle: (req) => {
      const { pull } = pullOf(req);
      const body = bodyObject(req);
      req.world.removeRequestedReviewers(pull, { users: stringList(body, "reviewers"), teams: stringList(body, "team_reviewers") }, actorLogin(req));
      return ok(req.rep.pullRequest(pull, false));
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{commit_sha}/pulls",
    auth: "installation",
    permission: ["pull_requests", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const pulls = req.world.pullsWithCommit(repo.fullName, req.params.commit_sha);
      const { page, headers } = paginate(req, pulls);
      return ok(page.map((p) => req.rep.pullRequest(p, false)), headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    auth: "installation",
    permission: ["issues|pull_requests", "read"],
    handle: (req) => {
      const { repo, pull } = pullOf(req, "issue_number");
      const { page, headers } = paginate(req, pull.labels);
      return ok(page.map((name) => req.rep.label(repo, req.world.label(repo.fullName, name))), headers);
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels",
    auth: "installation",
    permission: ["issues|pull_requests", "write"],
    handle: (req) => {
      const { repo, pull } = pullOf(req, "issue_number");
      for (const name of labelNames(req.body)) {
        if (name.trim() === "") throw new SimulatorError(422, "Validation Failed", [{ resource: "Label", code: "invalid", field: "name" }]);
        req.world.addLabel(pull, name, actorLogin(req));
      }
      return ok(pull.labels.map((name) => req.rep.label(repo, req.world.label(repo.fullName, name))));
    },
  },
  {
    method: "DELETE",
    path: "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}",
    auth: "installation",
    permission: ["issues|pull_requests", "write"],
    handle: (req) => {
      const { repo, pull } = pullOf(req, "issue_number");
      req.world.removeLabel(pull, req.params.name, actorLogin(req));
      return ok(pull.labels.map((name) => req.rep.label(repo, req.world.label(repo.fullName, name))));
    },
  },
];

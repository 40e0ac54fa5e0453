/** Check runs, check suites and commit statuses, with GitHub's validation rules and limits. */
import { resolveRef } from "../world/git.js";
import { SimulatorError, notFound } from "../world/errors.js";
import type { CheckRunRecord, CheckStatus, RepoRecord, StatusRecord } from "../world/records.js";
import type { CheckRunSpec } from "../world/world.js";
import { bodyObject, created, integerParam, invalidField, ok, optionalString, paginate, repoOf, requireString, type RestRequest, type RestRoute } from "./route.js";

const STATUSES: CheckStatus[] = ["queued", "in_progress", "completed", "waiting", "requested", "pending"];
const CONCLUSIONS = ["action_required", "cancelled", "failure", "neutral", "success", "skipped", "stale", "timed_out"];
const MAX_TEXT = 65535;
const MAX_ANNOTATIONS = 50;

/** Validates and converts a check-run request body (create or update). */
function checkRunFields(body: Record<string, unknown>, creating: boolean): Partial<CheckRunSpec> {
  const fields: Partial<CheckRunSpec> = {};
  const name = creating ? requireString(body, "name") : optionalString(body, "name");
  if (name !== undefined) fields.name = name;
  const status = optionalString(body, "status");
  if (status !== undefined) {
    if (!STATUSES.includes(status as CheckStatus)) throw invalidField(`Invalid request.\n\nFor 'properties/status', "${status}" is not a member of the enum.`);
    fields.status = status as CheckStatus;
  }
  const conclusion = optionalString(body, "conclusion");
  if (conclusion !== undefined) {
    if (!CONCLUSIONS.includes(conclusion)) throw invalidField(`Invalid request.\n\nFor 'properties/conclusion', "${conclusion}" is not a member of the enum.`);
    fields.conclusion = conclusion;
    if (fields.status === undefined) fields.status = "completed";
  }
  if (fields.status === "completed" && conclusion === undefined && creating) {
    throw invalidField("Invalid request.\n\nWhen the status is completed, conclusion is required.");
  }
  const detailsUrl = optionalString(body, "details_url");
  if (detailsUrl !== undefined) fields.detailsUrl = detailsUrl;
  const externalId = optionalString(body, "external_id");
  if (externalId !== undefined) fields.externalId = externalId;
  const startedAt = optionalString(body, "started_at");
  if (startedAt !== undefined) fields.startedAt = startedAt;
  const completedAt = optionalString(body, "completed_at");
  if (completedAt !== undefined) fields.completedAt = completedAt;
  if (body.output !== undefined) fields.output = checkRunOutput(body.output);
  if (body.actions !== undefined) fields.actions = checkRunActions(body.actions);
  return fields;
}

function checkRunOutput(value: unknown): NonNullable<CheckRunSpec["output"]> {
  if (!value || typeof value !== "object") throw invalidField("Invalid request.\n\nFor 'properties/output', is not an object.");
  const output = value as Record<string, unknown>;
  const title = requireString(output, "title");
  const summary = requireString(output, "summary");
  const text = optionalString(output, "text");
  if (summary.length > MAX_TEXT) throw invalidField(`Invalid request.\n\nOnly ${MAX_TEXT} characters are allowed; ${summary.length} were supplied.`);
  if (text !== undefined && text.length > MAX_TEXT) throw invalidField(`Invalid request.\n\nOnly ${MAX_TEXT} characters are allowed; ${text.length} were supplied.`);
  const annotations = output.annotations === undefined ? [] : output.annotations;
  if (!Array.isArray(annotations)) throw invalidField("Invalid request.\n\nFor 'properties/annotations', is not an array.");
  if (annotations.length > MAX_ANNOTATIONS) throw invalidField(`Invalid request.\n\nFor 'properties/annotations', array is too long (maximum is ${MAX_ANNOTATIONS}).`);
  for (const a of annotations as Record<string, unknown>[]) {
    for (const key of ["path", "annotation_level", "message"]) requireString(a, key);
    if (typeof a.start_line !== "number" || typeof a.end_line !== "number") throw invalidField("Invalid request.\n\n\"start_line\" and \"end_line\" are required.");
    if (!["notice", "warning", "failure"].includes(a.annotation_level as string)) {
      throw invalidField(`Invalid request.\n\nFor 'properties/annotation_level', "${a.annotation_level}" is not a member of the enum.`);
    }
  }
  return { title, summary, text: text ?? null, annotations: annotations as NonNullable<CheckRunSpec["output"]>["annotations"] };
}

function checkRunActions(value: unknown): CheckRunRecord["actions"] {
  if (!Array.isArray(value) || value.length > 3) throw invalidField("Invalid request.\n\nFor 'properties/actions', array is too long (maximum is 3).");
  return value.map((a: Record<string, unknown>) => {
    const label = requireString(a, "label");
    const description = requireString(a, "description");
    const identifier = requireString(a, "identifier");
    if (label.length > 20 || description.length > 40 || identifier.length > 20) {
      throw invalidField("Invalid request.\n\nAction label is limited to 20 characters, description to 40, identifier to 20.");
    }
    return { label, description, identifier };
  });
}

function shaOf(repo: RepoRecord, ref: string): string {
  const sha = resolveRef(repo, ref);
  if (!sha) throw new SimulatorError(422, `No commit found for SHA: ${ref}`);
  return sha;
}

function callerAppId(req: RestRequest): number {
  return req.auth.kind === "installation" ? req.auth.installation.appId : req.world.appId;
}

/** GitHub's default `filter=latest`: the newest run per app and name. */
function latestRuns(runs: CheckRunRecord[]): CheckRunRecord[] {
  const latest = new Map<string, CheckRunRecord>();
  for (const run of runs) latest.set(`${run.appId}:${run.name}`, run);
  return [...latest.values()];
}

export const checkRoutes: RestRoute[] = [
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/check-runs",
    auth: "installation",
    permission: ["checks", "write"],
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyObject(req);
      const headSha = requireString(body, "head_sha");
      if (!repo.commits.has(headSha)) throw new SimulatorError(422, `No commit found for SHA: ${headSha}`);
      const fields = checkRunFields(body, true);
      const run = req.world.addCheckRun(repo.fullName, { ...fields, name: fields.name!, headSha, app: callerAppId(req) });
      return created(req.rep.checkRun(run));
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    auth: "installation",
    permission: ["checks", "read"],
    handle: (req) => {
      const run = repoOf(req).checkRuns.get(integerParam(req, "check_run_id"));
      if (!run) throw notFound();
      return ok(req.rep.checkRun(run));
    },
  },
  {
    method: "PATCH",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}",
    auth: "installation",
    permission: ["checks", "write"],
    handle: (req) => {
      const repo = repoOf(req);
      const run = repo.checkRuns.get(integerParam(req, "check_run_id"));
      if (!run) throw notFound();
      if (req.auth.kind === "installation" && run.appId !== req.auth.installation.appId) {
        throw new SimulatorError(403, "Invalid app_id - check run can only be modified by its creator");
      }
      const updated = req.world.updateCheckRun(repo.fullName, run.id, checkRunFields(bodyObject(req), false));
      return ok(req.rep.checkRun(updated));
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
    auth: "installation",
    permission: ["checks", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const run = repo.checkRuns.get(integerParam(req, "check_run_id"));
      if (!run) throw notFound();
      const { page, headers } = paginate(req, run.output.annotations);
      return ok(
        page.map((a) => ({
          path: a.path,
          start_line: a.start_line,
          end_line: a.end_line,
          start_column: a.start_column ?? null,
          end_column: a.end_column ?? null,
          annotation_level: a.annotation_level,
          title: a.title ?? null,
          message: a.message,
          raw_details: a.raw_details ?? null,
          blob_href: `${req.rep.web}/${repo.fullName}/blob/${run.headSha}/${a.path}`,
        })),
        headers,
      );
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/check-runs",
    auth: "installation",
    permission: ["checks", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const sha = shaOf(repo, req.params.ref);
      let runs = req.world.checkRunsFor(repo.fullName, sha);
      if (req.query.get("filter") !== "all") runs = latestRuns(runs);
      const name = req.query.get("check_name");
      if (name) runs = runs.filter((r) => r.name === name);
      const status = req.query.get("status");
      if (status) runs = runs.filter((r) => r.status === status);
      const appId = req.query.get("app_id");
      if (appId) runs = runs.filter((r) => String(r.appId) === appId);
      runs = runs.reverse();
      const { page, headers } = paginate(req, runs);
      return ok({ total_count: runs.length, check_runs: page.map((r) => req.rep.checkRun(r)) }, headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/check-suites",
    auth: "installation",
    permission: ["checks", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const sha = shaOf(repo, req.params.ref);
      let suites = [...repo.checkSuites.values()].filter((s) => s.headSha === sha);
      const appId = req.query.get("app_id");
      if (appId) suites = suites.filter((s) => String(s.appId) === appId);
      const { page, headers } = paginate(req, suites);
      return ok({ total_count: suites.length, check_suites: page.map((s) => req.rep.checkSuite(s)) }, headers);
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/status",
    auth: "installation",
    permission: ["statuses", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      return ok(req.rep.combinedStatus(repo, shaOf(repo, req.params.ref)));
    },
  },
  {
    method: "GET",
    path: "/repos/{owner}/{repo}/commits/{ref}/statuses",
    auth: "installation",
    permission: ["statuses", "read"],
    handle: (req) => {
      const repo = repoOf(req);
      const statuses = req.world.statusesFor(repo.fullName, shaOf(repo, req.params.ref));
      const { page, headers } = paginate(req, statuses);
      return ok(page.map((s) => req.rep.status(repo, s)), headers);
    },
  },
  {
    method: "POST",
    path: "/repos/{owner}/{repo}/statuses/{sha}",
    auth: "installation",
    permission: ["statuses", "write"],
    handle: (req) => {
      const repo = repoOf(req);
      const body = bodyObject(req);
      const state = requireString(body, "state") as StatusRecord["state"];
      if (!["error", "failure", "pending", "success"].includes(state)) {
        throw invalidField(`Invalid request.\n\nFor 'properties/state', "${state}" is not a member of the enum.`);
      }
      if (!repo.commits.has(req.params.sha)) throw new SimulatorError(422, `No commit found for SHA: ${req.params.sha}`);
      const creator = req.auth.kind === "token" ? req.auth.login : `${req.world.apps.get(callerAppId(req))?.slug ?? "app"}[bot]`;
      req.world.addUser(creator);
      const status = req.world.setStatus(repo.fullName, req.params.sha, {
        context: optionalString(body, "context") ?? "default",
        state,
        description: optionalString(body, "description") ?? null,
        targetUrl: optionalString(body, "target_url") ?? null,
        creator,
      });
      return created(req.rep.status(repo, status));
    },
  },
];

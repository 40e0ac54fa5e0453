/** What a REST route handler receives and returns, plus the pieces every handler shares. */
import type { IncomingHttpHeaders } from "node:http";
import { SimulatorError, notFound } from "../world/errors.js";
import type { InstallationRecord, RepoPermission, RepoRecord } from "../world/records.js";
import type { World } from "../world/world.js";
import type { Credentials } from "../http/credentials.js";
import type { Representations } from "./representations.js";

export type Auth =
  | { kind: "jwt"; appId: number }
  | { kind: "installation"; installation: InstallationRecord; permissions: Record<string, string> }
  | { kind: "token"; login: string }
  | { kind: "none" };

export interface RestRequest {
  world: World;
  rep: Representations;
  credentials: Credentials;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: IncomingHttpHeaders;
  auth: Auth;
  /** The full request URL (for Link headers). */
  url: URL;
}

export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface RestRoute {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Exactly as in GitHub's OpenAPI `paths`. */
  path: string;
  /** app = app JWT; installation = installation token or personal token; any = anything incl. none. */
  auth: "app" | "installation" | "any";
  /** Installation permission the route needs, e.g. ["checks", "write"]; "a|b" = either. */
  permission?: [string, "read" | "write"];
  handle(req: RestRequest): RestReply;
}

export const ok = (body: unknown, headers?: Record<string, string>): RestReply => ({ status: 200, body, headers });
export const created = (body: unknown): RestReply => ({ status: 201, body });
export const noContent = (): RestReply => ({ status: 204 });

/** The repository in the path, if the caller may see it (else GitHub's 404). */
export function repoOf(req: RestRequest): RepoRecord {
  const repo = req.world.findRepo(req.params.owner, req.params.repo);
  if (!repo) throw notFound();
  if (req.auth.kind === "installation" && !req.world.installationCovers(req.auth.installation, repo)) throw notFound();
  // A user's token sees a private repository only with read access to it, like GitHub.
  if (req.auth.kind === "token" && userPermission(req.world, repo, req.auth.login) === "none") throw notFound();
  return repo;
}

/** A user's permission on a repository; anyone may read a public one. */
export function userPermission(world: World, repo: RepoRecord, login: string): RepoPermission {
  const granted = world.permissionOf(repo.fullName, login);
  return granted === "none" && !repo.private ? "read" : granted;
}

/** Whether an installation token's permissions allow the route (write implies read). */
export function permits(permissions: Record<string, string>, needed: [string, "read" | "write"] | undefined): boolean {
  if (!needed) return true;
  const [names, level] = needed;
  return names.split("|").some((name) => {
    const granted = permissions[name];
    return granted === "write" || granted === "admin" || (level === "read" && granted === "read");
  });
}

/** The login GitHub records as the actor of a write: the app's bot or the token's user. */
export function actorLogin(req: RestRequest): string {
  if (req.auth.kind === "token") return req.auth.login;
  if (req.auth.kind === "installation") return req.world.appBot(req.auth.installation.appId).login;
  return req.world.appBot().login;
}

export function integerParam(req: RestRequest, name: string): number {
  const value = Number(req.params[name]);
  if (!Number.isInteger(value) || value < 0) throw notFound();
  return value;
}

export function bodyObject(req: RestRequest): Record<string, unknown> {
  if (req.body && typeof req.body === "object" && !Array.isArray(req.body)) return req.body as Record<string, unknown>;
  if (req.body === undefined || req.body === null) return {};
  throw new SimulatorError(400, "Problems parsing JSON");
}

/** A missing/ill-typed required field, reported the way GitHub reports it. */
export function invalidField(message: string): SimulatorError {
  return new SimulatorError(422, message);
}

export function requireString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== "string" || value === "") throw invalidField(`Invalid request.\n\n"${field}" wasn't supplied.`);
  return value;
}

export function optionalString(body: Record<string, unknown>, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw invalidField(`Invalid request.\n\nFor '${field}', ${JSON.stringify(value)} is not a string.`);
  return value;
}

/** Applies per_page/page like GitHub (default 30, max 100) and builds the Link header. */
export function paginate<T>(req: RestRequest, items: T[], options: { max?: number } = {}): { page: T[]; headers: Record<string, string> } {
  const all = options.max !== undefined ? items.slice(0, options.max) : items;
  const perPage = Math.min(Math.max(Number(req.query.get("per_page") ?? 30) || 30, 1), 100);
  const page = Math.max(Number(req.query.get("page") ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(all.length / perPage), 1);
  const slice = all.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string): string => {
    const url = new URL(req.url.toString());
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(p));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  if (page > 1) links.push(link(1, "first"));
  return { page: slice, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}

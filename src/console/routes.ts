/**
 * The console's HTTP routes, beside the webhook path on the app's own server. Every page asks
 * GitHub, with the signed-in user's token, whether the user may see it: a repository's pages
 * need read access, an organisation's pages membership, and lists only ever contain the
 * repositories the user can read. What the user may not see answers exactly like what does
 * not exist (404), so a private name is never confirmed.
 */
import { randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { authorizeUrl, exchangeCode, OAuthError } from "../github/oauth.js";
import { UserAccessError, type UserAccess } from "../github/user-access.js";
import type { GitHubUrls } from "../github/web-urls.js";
import { scopeOf, type LedgerReads } from "../ledger/index.js";
import type { Conclusion } from "../policy/decision.js";
import { nextTierChange } from "../policy/autonomy.js";
import { auditCsv, auditJson } from "./audit-export.js";
import { clearCookie, readCookie, SESSION_COOKIE, setCookie, SIGN_IN_COOKIE } from "./cookies.js";
import { securityHeaders } from "./headers.js";
import { organisationView, WINDOW_WEEKS } from "./organisation-view.js";
import { agentPage } from "./pages/agent.js";
import { auditPage, type AuditQuery } from "./pages/audit.js";
import type { Chrome } from "./pages/layout.js";
import { STYLESHEET_PATH } from "./pages/layout.js";
import { errorPage, homePage, notFoundPage } from "./pages/messages.js";
import { organisationPage } from "./pages/organisation.js";
import { pullRequestPage } from "./pages/pull-request.js";
import type { PullRequestReader } from "./pull-request-reader.js";
import { newSession, Sealer, SESSION_HOURS, type Session, type SignIn } from "./session.js";
import type { ConsoleSettings } from "./settings.js";
import { lastWeeks } from "./statistics.js";
import { STYLESHEET } from "./styles.js";

export const CALLBACK_PATH = "/-/oauth/callback";
const SIGN_IN_MINUTES = 10;
const MAX_FORM_BYTES = 4096;
const PAGE_LIMIT = 100;
const EXPORT_LIMIT = 10_000;
/** First path segments that are never an owner: the app's own endpoints. */
const RESERVED = new Set(["-", "api", "healthz", "metrics", "probot", "favicon.ico", "robots.txt"]);
const CONCLUSIONS: readonly Conclusion[] = ["success", "action_required", "failure", "in_progress"];
const DAY_MS = 24 * 3600 * 1000;

export interface ConsoleDeps {
  settings: ConsoleSettings;
  urls: GitHubUrls;
  reads: LedgerReads;
  access: UserAccess;
  pulls: PullRequestReader;
  /** Queue an evaluation of the pull request; false when the app is not installed there. */
  reEvaluate(pr: { owner: string; repo: string; number: number }): Promise<boolean>;
  now(): Date;
  log: { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function consoleHandler(deps: ConsoleDeps): Handler {
  const sessions = new Sealer(deps.settings.sessionSecret, "session");
  const signIns = new Sealer(deps.settings.sessionSecret, "sign-in");
  const secure = deps.settings.secureCookies;
  const redirectUri = `${deps.settings.publicUrl}${CALLBACK_PATH}`;
  const oauth = { clientId: deps.settings.clientId, clientSecret: deps.settings.clientSecret, urls: deps.urls };

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string | string[]> = {}) => {
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", ...securityHeaders(secure), ...headers });
    res.end(body);
  };
  const redirect = (res: ServerResponse, location: string, cookies: string[] = []) => {
    res.writeHead(303, { location, ...securityHeaders(secure), ...(cookies.length > 0 ? { "set-cookie": cookies } : {}) });
    res.end();
  };
  const chromeOf = (session: Session | null): Chrome => ({ login: session?.login ?? null, csrf: session?.csrf ?? null });

  /** The repositories of `owner` the ledger knows and the user can read. */
  async function readableRepos(session: Session, owner: string): Promise<string[]> {
    const known = await deps.reads.repositories(owner);
    const access = await Promise.all(known.map((repo) => deps.access.repository(session.token, owner, repo)));
    return known.filter((_, i) => access[i].read);
  }

  async function requireMember(session: Session, owner: string): Promise<void> {
    if (!(await deps.access.isMember(session.token, owner, session.login))) throw new HttpProblem(404, "not a member");
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL, parts: string[]): Promise<boolean> {
    const method = req.method ?? "GET";
    const now = deps.now().getTime();
    const rawSession = readCookie(req, SESSION_COOKIE);
    const session = sessions.open<Session>(rawSession, now);
    // A forged, damaged or expired cookie is dropped, never trusted.
    const dropCookie = rawSession !== undefined && session === null ? [clearCookie(SESSION_COOKIE, secure)] : [];
    const path = url.pathname;

    if (method === "GET" && path === STYLESHEET_PATH) {
      res.writeHead(200, { "content-type": "text/css; charset=utf-8", "cache-control": "public, max-age=3600", "x-content-type-options": "nosniff" });
      res.end(STYLESHEET);
      return true;
    }
    if (method === "GET" && path === "/-/login") {
      const state = randomBytes(18).toString("base64url");
      const next = localPath(url.searchParams.get("next"));
      const cookie = signIns.seal({ state, next, expiresAt: now + SIGN_IN_MINUTES * 60_000 } satisfies SignIn);
      const hint = url.searchParams.get("login") ?? "";
      redirect(res, authorizeUrl(oauth, redirectUri, state, /^[a-z\d](?:[a-z\d-]{0,38})$/i.test(hint) ? hint : undefined), [setCookie(SIGN_IN_COOKIE, cookie, { secure, maxAgeSeconds: SIGN_IN_MINUTES * 60 })]);
      return true;
    }
    if (method === "GET" && path === CALLBACK_PATH) {
      const signIn = signIns.open<SignIn>(readCookie(req, SIGN_IN_COOKIE), now);
      const state = url.searchParams.get("state") ?? "";
      const code = url.searchParams.get("code") ?? "";
      if (!signIn || !code || !sameText(signIn.state, state)) {
        send(res, 400, errorPage(chromeOf(null), 400, "This sign-in link is not valid or has expired. Sign in again."), { "set-cookie": clearCookie(SIGN_IN_COOKIE, secure) });
        return true;
      }
      const token = await exchangeCode(oauth, code, redirectUri);
      const login = await deps.access.login(token);
      if (!login) throw new OAuthError("GitHub did not say who signed in");
      const sealed = sessions.seal(newSession(login, token, now));
      redirect(res, signIn.next, [setCookie(SESSION_COOKIE, sealed, { secure, maxAgeSeconds: SESSION_HOURS * 3600 }), clearCookie(SIGN_IN_COOKIE, secure)]);
      return true;
    }

    if (method === "POST") {
      const isLogout = path === "/-/logout";
      const reEvaluate = parts.length === 5 && parts[2] === "pull" && parts[4] === "re-evaluate" ? pullNumber(parts[3]) : null;
      if (!isLogout && reEvaluate === null) return false;
      const form = await readForm(req);
      if (!session || !sameText(form.get("csrf") ?? "", session.csrf) || !sameOrigin(req, deps.settings.publicUrl)) {
        send(res, 403, errorPage(chromeOf(session), 403, "This form has expired or did not come from this site. Reload the page and try again."), dropCookie.length ? { "set-cookie": dropCookie } : {});
        return true;
      }
      if (isLogout) {
        redirect(res, "/", [clearCookie(SESSION_COOKIE, secure)]);
        return true;
      }
      const [owner, repo] = parts;
      const access = await deps.access.repository(session.token, owner, repo);
      if (!access.read) throw new HttpProblem(404, "no read access");
      if (!access.write) throw new HttpProblem(403, "Re-evaluating needs write access to the repository.");
      if (!(await deps.reEvaluate({ owner, repo, number: reEvaluate! }))) throw new HttpProblem(404, "not installed");
      redirect(res, `/${enc(owner)}/${enc(repo)}/pull/${reEvaluate}?re-evaluated=1`);
      return true;
    }
    if (method !== "GET") return false;

    const route = matchPage(parts);
    if (!route) return false;
    if (!session) {
      redirect(res, `/-/login?next=${enc(path + url.search)}`, dropCookie);
      return true;
    }
    const chrome = chromeOf(session);
    switch (route.kind) {
      case "home": {
        const owners = await deps.reads.owners();
        const member = await Promise.all(owners.map((owner) => deps.access.isMember(session.token, owner, session.login)));
        send(res, 200, homePage(chrome, owners.filter((_, i) => member[i])));
        return true;
      }
      case "pull": {
        const { owner, repo, number } = route;
        if (!(await deps.access.repository(session.token, owner, repo)).read) throw new HttpProblem(404, "no read access");
        const [reading, timeline] = await Promise.all([deps.pulls.read({ owner, repo, number }), deps.reads.pullTimeline({ owner, repo }, number)]);
        if (!reading) throw new HttpProblem(404, "no such pull request");
        const { facts, decision, autonomy } = reading;
        const access = await deps.access.repository(session.token, owner, repo);
        const outlook = Object.fromEntries((decision?.agents ?? []).map((a) => [a.agent, nextTierChange(a, autonomy).message]));
        const linked = url.searchParams.get("sha");
        send(res, 200, pullRequestPage({
          owner, repo, number,
          title: facts.title, author: facts.author.login, headRef: facts.headRef, baseRef: facts.baseRef, state: facts.state,
          decision, outlook, timeline,
          commits: facts.commits.map((c) => ({ sha: c.sha, message: c.message })),
          policyUrl: decision ? policyUrl(deps.urls.web, owner, repo, facts.baseRef, decision.policySource.kind) : null,
          canReEvaluate: access.write && decision !== null,
          linkedSha: linked && /^[0-9a-f]{7,64}$/i.test(linked) ? linked.toLowerCase() : null,
        }, chrome));
        return true;
      }
      case "organisation": {
        await requireMember(session, route.owner);
        const scope = scopeOf(route.owner, await readableRepos(session, route.owner));
        send(res, 200, organisationPage({ ...(await organisationView(deps.reads, scope, deps.now())), owner: route.owner }, chrome));
        return true;
      }
      case "agent": {
        await requireMember(session, route.owner);
        const scope = scopeOf(route.owner, await readableRepos(session, route.owner));
        const since = lastWeeks(deps.now(), WINDOW_WEEKS)[0];
        const [summaries, tiers, merges] = await Promise.all([
          deps.reads.agentSummaries(scope, since, { agent: route.agent }),
          deps.reads.agentTierHistory(scope, route.agent, since),
          deps.reads.agentMerges(scope, route.agent),
        ]);
        const windowDays = Math.round((deps.now().getTime() - since.getTime()) / DAY_MS);
        send(res, 200, agentPage({ owner: route.owner, agent: route.agent, windowDays, summary: summaries.find((s) => s.agent === route.agent) ?? null, tiers, merges }, chrome));
        return true;
      }
      case "audit": {
        await requireMember(session, route.owner);
        const repos = await readableRepos(session, route.owner);
        const { query, filter, problem } = auditFilter(url.searchParams);
        const limit = route.format === "html" ? PAGE_LIMIT : EXPORT_LIMIT;
        const records = problem ? [] : await deps.reads.audit(scopeOf(route.owner, repos), { ...filter, limit });
        if (route.format === "html") {
          send(res, 200, auditPage({ owner: route.owner, query, repositories: repos, records, limit, problem }, chrome));
        } else if (problem) {
          throw new HttpProblem(400, problem);
        } else {
          const csv = route.format === "csv";
          const name = `${route.owner.replace(/[^\w.-]/g, "_")}-audit.${route.format}`;
          res.writeHead(200, {
            ...securityHeaders(secure),
            "content-type": csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
            "content-disposition": `attachment; filename="${name}"`,
          });
          res.end(csv ? auditCsv(records) : auditJson(records));
        }
        return true;
      }
    }
  }

  return async (req, res) => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://console.invalid");
    } catch {
      return false;
    }
    const parts = url.pathname.split("/").slice(1).map(safeDecode);
    if (parts.length > 1 && parts.at(-1) === "") parts.pop();
    if (parts[0] !== "-" && RESERVED.has(parts[0] ?? "")) return false;
    try {
      return await handle(req, res, url, parts);
    } catch (error) {
      const session = sessions.open<Session>(readCookie(req, SESSION_COOKIE), deps.now().getTime());
      if (error instanceof HttpProblem) {
        send(res, error.status, error.status === 404 ? notFoundPage(chromeOf(session)) : errorPage(chromeOf(session), error.status, error.message));
      } else if (error instanceof OAuthError) {
        deps.log.warn({ reason: error.message }, "console: sign-in failed");
        send(res, 502, errorPage(chromeOf(null), 502, error.message));
      } else if (error instanceof UserAccessError) {
        deps.log.warn({ reason: error.message }, "console: GitHub did not answer an access question");
        send(res, 503, errorPage(chromeOf(session), 503, "GitHub did not answer whether you may see this page. Try again in a minute."));
      } else {
        deps.log.error({ err: error, path: url.pathname }, "console: page failed");
        send(res, 500, errorPage(chromeOf(session), 500, "The page could not be built. The error is in the server's log."));
      }
      return true;
    }
  };
}

type PageRoute =
  | { kind: "home" }
  | { kind: "organisation"; owner: string }
  | { kind: "agent"; owner: string; agent: string }
  | { kind: "audit"; owner: string; format: "html" | "csv" | "json" }
  | { kind: "pull"; owner: string; repo: string; number: number };

function matchPage(parts: string[]): PageRoute | null {
  if (parts.length === 1 && parts[0] === "") return { kind: "home" };
  const [owner] = parts;
  if (!owner || owner === "-") return null;
  if (parts.length === 1) return { kind: "organisation", owner };
  if (parts.length === 2 && /^audit(\.csv|\.json)?$/.test(parts[1])) {
    return { kind: "audit", owner, format: parts[1] === "audit" ? "html" : (parts[1].slice(6) as "csv" | "json") };
  }
  if (parts.length === 3 && parts[1] === "agents" && parts[2]) return { kind: "agent", owner, agent: parts[2] };
  if (parts.length === 4 && parts[2] === "pull") {
    const number = pullNumber(parts[3]);
    return number === null ? null : { kind: "pull", owner, repo: parts[1], number };
  }
  return null;
}

function auditFilter(params: URLSearchParams): { query: AuditQuery; filter: Parameters<LedgerReads["audit"]>[1]; problem: string | null } {
  const text = (name: string) => params.get(name)?.trim().slice(0, 200) || undefined;
  const query: AuditQuery = { repo: text("repo"), agent: text("agent"), approver: text("approver"), since: text("since"), until: text("until") };
  const conclusion = text("conclusion");
  let problem: string | null = null;
  if (conclusion !== undefined) {
    if (CONCLUSIONS.includes(conclusion as Conclusion)) query.conclusion = conclusion as Conclusion;
    else problem = `Unknown outcome "${conclusion}": use one of ${CONCLUSIONS.join(", ")}.`;
  }
  const day = (value: string | undefined, name: string): Date | undefined => {
    if (value === undefined) return undefined;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(NaN);
    if (Number.isNaN(date.getTime())) problem = `"${name}" must be a date like 2026-05-01.`;
    return Number.isNaN(date.getTime()) ? undefined : date;
  };
  const since = day(query.since, "From");
  const until = day(query.until, "Until");
  return {
    query,
    problem,
    filter: {
      repo: query.repo,
      agent: query.agent,
      approver: query.approver,
      conclusion: query.conclusion,
      since,
      // Until a day means through the end of it.
      until: until ? new Date(until.getTime() + DAY_MS) : undefined,
    },
  };
}

function policyUrl(web: string, owner: string, repo: string, baseRef: string, kind: string): string | null {
  if (kind === "built-in") return null;
  if (kind === "organization") return `${web}/${enc(owner)}/.github/blob/HEAD/.agent-governance.yml`;
  return `${web}/${enc(owner)}/${enc(repo)}/blob/${baseRef.split("/").map(enc).join("/")}/.agent-governance.yml`;
}

function pullNumber(text: string): number | null {
  return /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
}

/** Only a path on this site: never an absolute or protocol-relative URL (no open redirect). */
function localPath(next: string | null): string {
  return next && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/";
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

/** Browsers send Origin on POST; when present it must be this site. */
function sameOrigin(req: IncomingMessage, publicUrl: string): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === new URL(publicUrl).origin;
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_FORM_BYTES) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const enc = encodeURIComponent;

/**
 * GitHub's web OAuth flow for the app's client: `GET /login/oauth/authorize` signs in a chosen
 * simulated user (the `login` hint, which GitHub also accepts, or a click on a page listing the
 * world's people) and redirects back with a code; `POST /login/oauth/access_token` exchanges
 * the code for a user-to-server token that sees exactly what that user can read.
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { World } from "../world/world.js";
import type { Credentials } from "./credentials.js";

export interface OAuthClientCredentials {
  clientId: string;
  clientSecret: string;
}

export const AUTHORIZE_PATH = "/login/oauth/authorize";
export const ACCESS_TOKEN_PATH = "/login/oauth/access_token";
const CODE_LIFETIME_MS = 10 * 60_000;

interface PendingCode {
  login: string;
  redirectUri: string;
  expiresAt: number;
}

export class OAuthEndpoints {
  private readonly codes = new Map<string, PendingCode>();

  constructor(
    private readonly world: World,
    private readonly credentials: Credentials,
    private readonly client: OAuthClientCredentials | undefined,
  ) {}

  handles(method: string, path: string): boolean {
    return (method === "GET" && path === AUTHORIZE_PATH) || (method === "POST" && path === ACCESS_TOKEN_PATH);
  }

  async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === AUTHORIZE_PATH) return this.authorize(res, url);
    return this.exchange(req, res);
  }

  private authorize(res: ServerResponse, url: URL): void {
    const clientId = url.searchParams.get("client_id");
    const redirectUri = url.searchParams.get("redirect_uri") ?? "";
    if (!this.client || clientId !== this.client.clientId || !/^https?:\/\//.test(redirectUri)) {
      page(res, 404, "<h1>Not found</h1><p>Unknown OAuth client, or no redirect_uri.</p>");
      return;
    }
    const login = url.searchParams.get("login");
    const account = login ? this.world.account(login) : undefined;
    if (!account || account.type !== "User") {
      const people = [...this.world.accounts.values()].filter((a) => a.type === "User").sort((a, b) => a.login.localeCompare(b.login));
      const links = people.map((person) => {
        const choice = new URL(url);
        choice.searchParams.set("login", person.login);
        return `<li><a href="${escape(choice.pathname + choice.search)}">${escape(person.login)}</a></li>`;
      });
      page(res, 200, `<h1>Sign in to the simulated GitHub</h1><p>Choose who you are:</p><ul>${links.join("")}</ul>`);
      return;
    }
    const code = randomBytes(10).toString("hex");
    this.codes.set(code, { login: account.login, redirectUri, expiresAt: Date.now() + CODE_LIFETIME_MS });
    const back = new URL(redirectUri);
    back.searchParams.set("code", code);
    const state = url.searchParams.get("state");
    if (state !== null) back.searchParams.set("state", state);
    res.writeHead(302, { location: back.toString() });
    res.end();
  }

  private async exchange(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      req.on("error", reject);
    });
    const params = (req.headers["content-type"] ?? "").includes("json")
      ? new URLSearchParams(Object.fromEntries(Object.entries(safeJson(raw)).map(([k, v]) => [k, String(v)])))
      : new URLSearchParams(raw);
    const json = (req.headers.accept ?? "").includes("json");
    const reply = (body: Record<string, string>) => {
      // GitHub answers 200 even for a refused exchange; the body carries `error`.
      res.writeHead(200, { "content-type": json ? "application/json; charset=utf-8" : "application/x-www-form-urlencoded" });
      res.end(json ? JSON.stringify(body) : new URLSearchParams(body).toString());
    };
    if (!this.client || params.get("client_id") !== this.client.clientId || params.get("client_secret") !== this.client.clientSecret) {
      reply({ error: "incorrect_client_credentials", error_description: "The client_id and/or client_secret passed are incorrect." });
      return;
    }
    const code = params.get("code") ?? "";
    const pending = this.codes.get(code);
    this.codes.delete(code);
    const redirectUri = params.get("redirect_uri");
    if (!pending || pending.expiresAt < Date.now() || (redirectUri !== null && redirectUri !== pending.redirectUri)) {
      reply({ error: "bad_verification_code", error_description: "The code passed is incorrect or expired." });
      return;
    }
    const token = `ghu_${randomBytes(27).toString("base64url").replace(/[-_]/g, "x").slice(0, 36)}`;
    this.credentials.addPersonalToken(token, pending.login);
    reply({ access_token: token, token_type: "bearer", scope: "" });
  }
}

function page(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Simulated GitHub</title></head><body>${body}</body></html>`);
}

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function safeJson(raw: string): Record<string, unknown> {
  try {
    const value = JSON.parse(raw) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

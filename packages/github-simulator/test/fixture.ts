/** A running simulator with a small organisation, for the simulator's own tests. */
import { createSign, generateKeyPairSync } from "node:crypto";
import { startSimulator, type Simulator } from "../src/index.js";

export const APP_ID = 4242;
export const WEBHOOK_SECRET = "simulator-test-secret";

const keys = generateKeyPairSync("rsa", { modulusLength: 2048 });
export const PRIVATE_KEY = keys.privateKey.export({ type: "pkcs1", format: "pem" }).toString();
export const OTHER_PRIVATE_KEY = generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();

/** An app JWT as @octokit/auth-app makes it (claims overridable to make bad ones). */
export function appJwt(claims: Partial<{ iss: unknown; iat: number; exp: number }> = {}, key = PRIVATE_KEY): string {
  const now = Math.floor(Date.now() / 1000);
  const header = Buffer.from(JSON.stringify({ alg: "RS256", typ: "JWT" })).toString("base64url");
  const payload = Buffer.from(JSON.stringify({ iat: now - 30, exp: now + 540, iss: APP_ID, ...claims })).toString("base64url");
  const signature = createSign("RSA-SHA256").update(`${header}.${payload}`).sign(key).toString("base64url");
  return `${header}.${payload}.${signature}`;
}

export interface Fixture {
  sim: Simulator;
  installationId: number;
  token: string;
  api: (path: string, init?: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> }) => Promise<{ status: number; headers: Headers; body: any }>;
  graphql: (query: string, variables?: Record<string, unknown>, token?: string) => Promise<{ status: number; body: any }>;
}

/** Starts a simulator with org "acme" (team "seniors": alice, bob), repo acme/widgets and an installation token. */
export async function startFixture(): Promise<Fixture> {
  const sim = await startSimulator({ appId: APP_ID, privateKey: PRIVATE_KEY, webhookSecret: WEBHOOK_SECRET });
  const { world } = sim;
  world.addOrg("acme", { members: ["alice", "bob", "carol"] });
  world.addTeam("acme", "seniors", ["alice", "bob"]);
  world.addRepo("acme", "widgets", { files: { "README.md": "# widgets\n", ".agent-governance.yml": "version: 1\n" } });
  world.setPermission("acme/widgets", "alice", "maintain");
  world.setPermission("acme/widgets", "bob", "write");
  const installationId = world.installationFor("acme")!.id;
  const api: Fixture["api"] = async (path, init = {}) => {
    const headers: Record<string, string> = { accept: "application/vnd.github+json", ...(init.headers ?? {}) };
    const auth = init.token === undefined ? token : init.token;
    if (auth) headers.authorization = `token ${auth}`;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${sim.url}/api/v3${path}`, { method: init.method ?? "GET", headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const issued = await fetch(`${sim.url}/api/v3/app/installations/${installationId}/access_tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${appJwt()}` },
  });
  const token = ((await issued.json()) as { token: string }).token;
  const graphql: Fixture["graphql"] = async (query, variables, asToken = token) => {
    const res = await fetch(`${sim.url}/api/graphql`, {
      method: "POST",
      headers: { authorization: `bearer ${asToken}`, "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return { status: res.status, body: await res.json() };
  };
  return { sim, installationId, token, api, graphql };
}

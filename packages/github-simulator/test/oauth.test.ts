/** "Sign in with GitHub" against the simulator: a chosen user signs in, and their token sees what they can read. */
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { startSimulator, type Simulator } from "../src/index.js";
import { APP_ID, PRIVATE_KEY, WEBHOOK_SECRET } from "./fixture.js";

const CLIENT = { clientId: "Iv1.test", clientSecret: "client-secret" };
const CALLBACK = "http://127.0.0.1:9/-/oauth/callback";
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ appId: APP_ID, privateKey: PRIVATE_KEY, webhookSecret: WEBHOOK_SECRET, oauth: CLIENT });
  sim.world.addOrg("acme", { members: ["alice", "carol"], basePermission: "none" });
  sim.world.addUser("olivia");
  sim.world.addRepo("acme", "api");
  sim.world.addRepo("acme", "vault", { private: true });
  sim.world.setPermission("acme/vault", "alice", "write");
});
afterAll(() => sim.close());

async function authorize(query: Record<string, string>): Promise<Response> {
  const url = new URL("/login/oauth/authorize", sim.url);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return fetch(url, { redirect: "manual" });
}

async function tokenFor(login: string): Promise<string> {
  const back = new URL((await authorize({ client_id: CLIENT.clientId, redirect_uri: CALLBACK, state: "s1", login })).headers.get("location")!);
  expect([back.origin + back.pathname, back.searchParams.get("state")]).toEqual([CALLBACK, "s1"]);
  const exchange = await fetch(`${sim.url}/login/oauth/access_token`, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ ...{ client_id: CLIENT.clientId, client_secret: CLIENT.clientSecret }, code: back.searchParams.get("code")!, redirect_uri: CALLBACK }).toString(),
  });
  const body = (await exchange.json()) as { access_token: string };
  expect(body.access_token).toMatch(/^ghu_/);
  return body.access_token;
}

const api = (token: string, path: string) => fetch(`${sim.url}/api/v3${path}`, { headers: { authorization: `Bearer ${token}` } });

describe("the authorize endpoint", () => {
  it("lists the world's people to choose from when no login is suggested", async () => {
    const page = await authorize({ client_id: CLIENT.clientId, redirect_uri: CALLBACK });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/login=alice/);
  });

  it("refuses an unknown client", async () => {
    expect((await authorize({ client_id: "other", redirect_uri: CALLBACK, login: "alice" })).status).toBe(404);
  });
});

describe("the code exchange", () => {
  it("refuses a wrong secret and a code used twice", async () => {
    const back = new URL((await authorize({ client_id: CLIENT.clientId, redirect_uri: CALLBACK, login: "alice" })).headers.get("location")!);
    const exchange = (secret: string) =>
      fetch(`${sim.url}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json", "content-type": "application/json" },
        body: JSON.stringify({ client_id: CLIENT.clientId, client_secret: secret, code: back.searchParams.get("code") }),
      }).then((r) => r.json() as Promise<Record<string, string>>);
    expect((await exchange("wrong")).error).toBe("incorrect_client_credentials");
    expect((await exchange(CLIENT.clientSecret)).access_token).toMatch(/^ghu_/);
    expect((await exchange(CLIENT.clientSecret)).error).toBe("bad_verification_code");
  });
});

describe("a user-to-server token", () => {
  it("says who signed in", async () => {
    const token = await tokenFor("alice");
    expect(((await (await api(token, "/user")).json()) as { login: string }).login).toBe("alice");
  });

  it("sees a private repository only with access to it, with that user's permissions", async () => {
    const alice = await tokenFor("alice");
    const carol = await tokenFor("carol");
    const vault = await api(alice, "/repos/acme/vault");
    expect([vault.status, ((await vault.json()) as { permissions: Record<string, boolean> }).permissions]).toEqual([200, { pull: true, triage: true, push: true, maintain: false, admin: false }]);
    expect((await api(carol, "/repos/acme/vault")).status).toBe(404);
    const publicRepo = (await (await api(carol, "/repos/acme/api")).json()) as { permissions: Record<string, boolean> };
    expect(publicRepo.permissions).toMatchObject({ pull: true, push: false });
  });

  it("answers organisation membership for members only", async () => {
    expect(((await (await api(await tokenFor("carol"), "/user/memberships/orgs/acme")).json()) as { state: string }).state).toBe("active");
    expect((await api(await tokenFor("olivia"), "/user/memberships/orgs/acme")).status).toBe(404);
  });
});

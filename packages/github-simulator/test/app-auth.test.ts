import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { APP_ID, OTHER_PRIVATE_KEY, appJwt, startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(() => f.sim.close());

const now = () => Math.floor(Date.now() / 1000);

describe("installation tokens need a valid app JWT", () => {
  const tokenPath = () => `/app/installations/${f.installationId}/access_tokens`;

  it.each([
    ["no credentials", null],
    ["a JWT signed by another key", appJwt({}, OTHER_PRIVATE_KEY)],
    ["an expired JWT", appJwt({ iat: now() - 1200, exp: now() - 600 })],
    ["a JWT issued for another app", appJwt({ iss: APP_ID + 1 })],
    ["a JWT living longer than ten minutes", appJwt({ exp: now() + 3600 })],
    ["an installation token instead of a JWT", "installation"],
  ])("%s is refused with 401", async (_case, jwt) => {
    const token = jwt === "installation" ? f.token : jwt;
    const res = await f.api(tokenPath(), { method: "POST", headers: token ? { authorization: `Bearer ${token}` } : {}, token: null });
    expect(res.status).toBe(401);
    expect(res.body).toEqual(expect.objectContaining({ message: expect.any(String), documentation_url: expect.stringContaining("docs.github.com") }));
  });

  it("a valid JWT gets a one-hour token with the installation's permissions", async () => {
    const res = await f.api(tokenPath(), { method: "POST", headers: { authorization: `Bearer ${appJwt()}` }, token: null });
    expect(res.status).toBe(201);
    expect(res.body.token).toMatch(/^ghs_\w{36}$/);
    const lifetime = Date.parse(res.body.expires_at) - Date.now();
    expect(lifetime).toBeGreaterThan(55 * 60 * 1000);
    expect(lifetime).toBeLessThanOrEqual(60 * 60 * 1000);
    expect(res.body.permissions).toEqual(expect.objectContaining({ checks: "write", pull_requests: "write" }));
  });

  it("the token opens the installation's repositories", async () => {
    const res = await f.api("/repos/acme/widgets");
    expect(res.status).toBe(200);
    expect(res.body.full_name).toBe("acme/widgets");
  });
});

describe("other credentials", () => {
  it("an unknown token is 401 Bad credentials", async () => {
    const res = await f.api("/repos/acme/widgets", { token: "ghs_notissuedbythesimulator000000000000" });
    expect(res.status).toBe(401);
    expect(res.body.message).toBe("Bad credentials");
  });

  it("an expired installation token stops working", async () => {
    const issued = await f.api(`/app/installations/${f.installationId}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${appJwt()}` }, token: null });
    f.sim.expireInstallationTokens();
    const res = await f.api("/repos/acme/widgets", { token: issued.body.token });
    expect(res.status).toBe(401);
  });

  it("a repository outside the installation is 404", async () => {
    f.sim.world.addOrg("elsewhere", { installation: false });
    f.sim.world.addRepo("elsewhere", "secret", { installation: false });
    const issued = await f.api(`/app/installations/${f.installationId}/access_tokens`, { method: "POST", headers: { authorization: `Bearer ${appJwt()}` }, token: null });
    const res = await f.api("/repos/elsewhere/secret", { token: issued.body.token });
    expect(res.status).toBe(404);
    expect(res.body.message).toBe("Not Found");
  });

  it("the app JWT finds the repository's installation", async () => {
    const res = await f.api("/repos/acme/widgets/installation", { headers: { authorization: `Bearer ${appJwt()}` }, token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ id: f.installationId, app_id: APP_ID, account: expect.objectContaining({ login: "acme" }) }));
  });

  it("a write without the permission is 403 Resource not accessible by integration", async () => {
    const issued = await f.api(`/app/installations/${f.installationId}/access_tokens`, {
      method: "POST",
      headers: { authorization: `Bearer ${appJwt()}` },
      body: { permissions: { checks: "read" } },
      token: null,
    });
    const headSha = f.sim.world.repo("acme/widgets").branches.get("main");
    const res = await f.api("/repos/acme/widgets/check-runs", { method: "POST", body: { name: "x", head_sha: headSha }, token: issued.body.token });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe("Resource not accessible by integration");
  });
});

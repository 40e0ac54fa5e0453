/**
 * The web console through the real server and the simulator's OAuth: every check run links to
 * its pull request's page; a repository's pages need read access on GitHub, an organisation's
 * pages membership; a private repository never shows, not even its name, to a user who cannot
 * read it; a forged session is refused; a POST without the CSRF token fails; Re-evaluate works.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { ConsoleClient, signIn } from "../../tools/sandbox/console-client.js";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, useSandbox } from "./stage.js";

const sandbox = useSandbox({ console: true });
let publicPr: PullRecord;
let privatePr: PullRecord;

beforeAll(async () => {
  const { world } = sandbox();
  // alice: member, writes to both repositories; carol: member, no access to the private one;
  // olivia: an outsider. No base permission: members read only what they are given.
  world.addOrg("acme", { members: ["alice", "carol", "bob"], basePermission: "none" });
  world.addUser("olivia");
  world.addRepo("acme", "api");
  world.addRepo("acme", "vault", { private: true });
  for (const login of ["alice", "bob"]) {
    world.setPermission("acme/api", login, "write");
    world.setPermission("acme/vault", login, "write");
  }
  world.setPermission("acme/api", "carol", "read");
  publicPr = world.openPullRequest({ repo: "acme/api", author: "bob", head: "feature/limiter", title: "Add a limiter", commits: [{ message: aiMessage("Add a token-bucket limiter") }] });
  privatePr = world.openPullRequest({ repo: "acme/vault", author: "bob", head: "feature/secret-rotation", title: "Rotate the vault keys", commits: [{ message: aiMessage("Rotate keys") }] });
  await sandbox().deliver("pull_request", "opened", { pr: publicPr });
  await sandbox().deliver("pull_request", "opened", { pr: privatePr });
});

const consoleUrl = () => sandbox().consoleUrl!;
const pagePath = (pr: PullRecord) => `/acme/${pr.repo.split("/")[1]}/pull/${pr.number}`;

describe("check runs", () => {
  it("link to the pull request's console page at the head they judged", () => {
    const verdict = verdictOf(sandbox().world, publicPr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.run?.detailsUrl).toBe(`${consoleUrl()}${pagePath(publicPr)}?sha=${verdict.headSha}`);
  });

  it("link there too while GitHub fails: the blocking in_progress run and the failure report that follows", async () => {
    const { world, sim } = sandbox();
    world.addRepo("acme", "teams", { files: { ".agent-governance.yml": "version: 1\nrules:\n  - name: senior approval\n    require: { from: { teams: [senior-engineers] } }\n" } });
    world.setPermission("acme/teams", "bob", "write");
    const pr = world.openPullRequest({ repo: "acme/teams", author: "bob", head: "feature/slow", commits: [{ message: aiMessage("Add a slow path") }] });
    sim.resetRequests();
    sim.faults.fail("GET /orgs/{org}/teams/{team_slug}/members", { status: 502, times: 1_000 });
    try {
      await sandbox().deliver("pull_request", "opened", { pr });
    } finally {
      sim.faults.clear();
    }
    const expected = `${consoleUrl()}/acme/teams/pull/${pr.number}?sha=${verdictOf(world, pr).headSha}`;
    const writes = sim.requests({ route: "/repos/{owner}/{repo}/check-runs", method: "POST" });
    expect(writes[0]?.body).toMatchObject({ status: "in_progress", details_url: expected });
    const verdict = verdictOf(world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.run?.detailsUrl).toBe(expected);
  });
});

describe("signing in", () => {
  it("sends a visitor without a session to GitHub's sign-in and back to the page", async () => {
    const page = await new ConsoleClient(consoleUrl()).get(pagePath(publicPr));
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toBe(`/-/login?next=${encodeURIComponent(pagePath(publicPr))}`);
  });

  it("sets an HttpOnly, SameSite=Lax session cookie and a strict Content-Security-Policy", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    expect(alice.cookie).toMatch(/^ag_session=/);
    const page = await alice.get(pagePath(publicPr));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toMatch(/default-src 'none'/);
    expect(page.headers.get("content-security-policy")).not.toMatch(/script-src|unsafe-inline/);
  });

  it("refuses a forged session cookie", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    const [name, value] = alice.cookie.split("=");
    const forged = new ConsoleClient(consoleUrl(), `${name}=${value.slice(0, 20)}${value[20] === "A" ? "B" : "A"}${value.slice(21)}`);
    const page = await forged.get(pagePath(publicPr));
    expect(page.status).toBe(303);
    expect(page.headers.get("location")).toMatch(/^\/-\/login/);
    expect(page.text).not.toContain("limiter");
  });
});

describe("the pull request page", () => {
  it("shows the verdict the check run shows", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    const page = await alice.get(pagePath(publicPr));
    const verdict = verdictOf(sandbox().world, publicPr);
    expect(page.text).toContain(`<span class="verdict-title">${verdict.title}</span>`);
    expect(page.text).toContain("Add a limiter");
  });

  it("is not found for a private repository the user cannot read, exactly like a missing one", async () => {
    const carol = await signIn(consoleUrl(), "carol");
    const hidden = await carol.get(pagePath(privatePr));
    const missing = await carol.get("/acme/no-such-repo/pull/1");
    expect([hidden.status, missing.status]).toEqual([404, 404]);
    expect(hidden.text).toBe(missing.text);
    expect(hidden.text).not.toMatch(/vault|Rotate/i);
  });

  it("is readable by an outsider for a public repository", async () => {
    const olivia = await signIn(consoleUrl(), "olivia");
    expect((await olivia.get(pagePath(publicPr))).status).toBe(200);
  });
});

describe("Re-evaluate", () => {
  it("fails without the CSRF token, and changes nothing", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    const response = await alice.post(`${pagePath(publicPr)}/re-evaluate`, {});
    expect(response.status).toBe(403);
    const forged = await alice.post(`${pagePath(publicPr)}/re-evaluate`, { csrf: "not-the-token" });
    expect(forged.status).toBe(403);
  });

  it("is refused to a user who can only read", async () => {
    const carol = await signIn(consoleUrl(), "carol");
    const page = await carol.get(pagePath(publicPr));
    expect(page.text).not.toContain("re-evaluate");
    const response = await carol.post(`${pagePath(publicPr)}/re-evaluate`, { csrf: ConsoleClient.csrfOf(page.text) });
    expect(response.status).toBe(403);
  });

  it("re-evaluates the pull request after an approval the app has not heard of", async () => {
    const { world } = sandbox();
    // The review is in GitHub but its webhook never arrived.
    world.addReview(publicPr, { user: "alice", state: "APPROVED" });
    expect(verdictOf(world, publicPr).conclusion).toBe("action_required");
    const alice = await signIn(consoleUrl(), "alice");
    const page = await alice.get(pagePath(publicPr));
    const response = await alice.post(`${pagePath(publicPr)}/re-evaluate`, { csrf: ConsoleClient.csrfOf(page.text) }, { origin: consoleUrl() });
    expect(response.status).toBe(303);
    await sandbox().settle();
    expect(verdictOf(world, publicPr).conclusion).toBe("success");
    const after = await alice.get(pagePath(publicPr));
    expect(after.text).toContain("Passed");
  });

  it("refuses a POST from another site even with the token", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    const page = await alice.get(pagePath(publicPr));
    const response = await alice.post(`${pagePath(publicPr)}/re-evaluate`, { csrf: ConsoleClient.csrfOf(page.text) }, { origin: "https://evil.example" });
    expect(response.status).toBe(403);
  });
});

describe("organisation pages", () => {
  it("need membership", async () => {
    const olivia = await signIn(consoleUrl(), "olivia");
    for (const path of ["/acme", "/acme/audit", "/acme/audit.csv", "/acme/audit.json", "/acme/agents/claude-code"]) {
      expect([path, (await olivia.get(path)).status]).toEqual([path, 404]);
    }
  });

  it("never name a private repository the member cannot read, in lists or exports", async () => {
    const carol = await signIn(consoleUrl(), "carol");
    const pages = await Promise.all(["/acme", "/acme/audit", "/acme/audit.csv", "/acme/audit.json", "/acme/audit.json?repo=vault", "/acme/agents/claude-code"].map((p) => carol.get(p)));
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.text).not.toMatch(/vault|Rotate/i);
    }
    expect(pages[1].text).toContain("api#");
    expect(JSON.parse(pages[4].text)).toEqual([]);
  });

  it("show a member with access both repositories", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    const audit = JSON.parse((await alice.get("/acme/audit.json")).text) as Array<{ repo: string }>;
    expect(new Set(audit.map((r) => r.repo))).toEqual(new Set(["api", "vault"]));
    const csv = await alice.get("/acme/audit.csv");
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.text.split("\r\n")[0]).toMatch(/^time,owner,repo,pr/);
  });
});

describe("signing out", () => {
  it("needs the CSRF token and ends the session", async () => {
    const alice = await signIn(consoleUrl(), "alice");
    expect((await alice.post("/-/logout", {})).status).toBe(403);
    const page = await alice.get("/acme");
    const out = await alice.post("/-/logout", { csrf: ConsoleClient.csrfOf(page.text) });
    expect(out.status).toBe(303);
    expect(out.headers.get("set-cookie")).toMatch(/ag_session=;.*Max-Age=0/);
  });
});

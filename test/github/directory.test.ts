import { afterEach, beforeAll, describe, expect, it, jest } from "@jest/globals";
import nock from "nock";
import { loginDouble } from "./login-double.js";
import { API, testOctokit } from "./octokit.js";

jest.unstable_mockModule("../../src/detect/login.js", loginDouble);
const { DirectoryCache, MemoryDirectory, githubDirectory } = await import("../../src/github/directory.js");

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("githubDirectory", () => {
  it("reads a team's members in pages of 100, normalised", async () => {
    const page1 = Array.from({ length: 100 }, (_, i) => ({ login: `User${i}` }));
    nock(API)
      .get("/orgs/acme/teams/senior-engineers/members")
      .query({ per_page: "100", page: "1" })
      .reply(200, page1)
      .get("/orgs/acme/teams/senior-engineers/members")
      .query({ per_page: "100", page: "2" })
      .reply(200, [{ login: "Zoe" }]);
    const members = await githubDirectory(testOctokit()).teamMembers("acme", "senior-engineers");
    expect(members).toHaveLength(101);
    expect(members?.slice(0, 2)).toEqual(["user0", "user1"]);
    expect(members?.at(-1)).toBe("zoe");
  });

  it("answers null for a team that does not exist", async () => {
    nock(API).get("/orgs/acme/teams/typo/members").query(true).reply(404, { message: "Not Found" });
    await expect(githubDirectory(testOctokit()).teamMembers("acme", "typo")).resolves.toBeNull();
  });

  it("lets other failures through, so the check fails closed", async () => {
    nock(API).get("/orgs/acme/teams/seniors/members").query(true).reply(500, { message: "boom" });
    await expect(githubDirectory(testOctokit()).teamMembers("acme", "seniors")).rejects.toMatchObject({ status: 500 });
  });

  it.each([
    ["maintain", "write", "maintain"],
    ["triage", "read", "triage"],
    ["admin", "admin", "admin"],
    ["security-reviewer", "write", "write"],
  ])("reads role %s (legacy %s) as %s", async (roleName, legacy, expected) => {
    nock(API)
      .get("/repos/acme/api/collaborators/alice/permission")
      .reply(200, { permission: legacy, role_name: roleName, user: { login: "alice" } });
    await expect(githubDirectory(testOctokit()).permission("acme", "api", "alice")).resolves.toBe(expected);
  });

  it("answers none for an unknown user", async () => {
    nock(API).get("/repos/acme/api/collaborators/ghost/permission").reply(404, { message: "Not Found" });
    await expect(githubDirectory(testOctokit()).permission("acme", "api", "ghost")).resolves.toBe("none");
  });
});

describe("DirectoryCache", () => {
  function setup(ttlMs = 60_000) {
    let now = 1_000_000;
    const source = new MemoryDirectory({ teams: { "acme/seniors": ["alice"], "globex/leads": ["gail"] }, permissions: { bob: "admin" } });
    const cache = new DirectoryCache({ ttlMs, now: () => now });
    return { source, cache, directory: cache.over(source), advance: (ms: number) => (now += ms) };
  }

  it("answers a repeated team question from the cache", async () => {
    const { source, directory } = setup();
    await directory.teamMembers("acme", "seniors");
    await expect(directory.teamMembers("Acme", "Seniors")).resolves.toEqual(["alice"]);
    expect(source.calls).toEqual(["team acme/seniors"]);
  });

  it("answers a repeated permission question from the cache", async () => {
    const { source, directory } = setup();
    await directory.permission("acme", "api", "bob");
    await expect(directory.permission("acme", "api", "Bob")).resolves.toBe("admin");
    expect(source.calls).toEqual(["permission acme/api bob"]);
  });

  it("asks again once the TTL has passed", async () => {
    const { source, directory, advance } = setup(60_000);
    await directory.teamMembers("acme", "seniors");
    advance(60_001);
    await directory.teamMembers("acme", "seniors");
    expect(source.calls).toHaveLength(2);
  });

  it("still answers from the cache just before the TTL", async () => {
    const { source, directory, advance } = setup(60_000);
    await directory.teamMembers("acme", "seniors");
    advance(59_999);
    await directory.teamMembers("acme", "seniors");
    expect(source.calls).toHaveLength(1);
  });

  it("forgets one team on invalidateTeam", async () => {
    const { source, cache, directory } = setup();
    await directory.teamMembers("acme", "seniors");
    source.setTeam("acme/seniors", ["alice", "carol"]);
    cache.invalidateTeam("ACME", "seniors");
    await expect(directory.teamMembers("acme", "seniors")).resolves.toEqual(["alice", "carol"]);
  });

  it("forgets an organisation's rosters and permissions on invalidateOrg, and only that one's", async () => {
    const { source, cache, directory } = setup();
    await directory.teamMembers("acme", "seniors");
    await directory.permission("acme", "api", "bob");
    await directory.teamMembers("globex", "leads");
    cache.invalidateOrg("acme");
    await directory.teamMembers("acme", "seniors");
    await directory.permission("acme", "api", "bob");
    await directory.teamMembers("globex", "leads");
    expect(source.calls).toEqual([
      "team acme/seniors",
      "permission acme/api bob",
      "team globex/leads",
      "team acme/seniors",
      "permission acme/api bob",
    ]);
  });

  it("shares one read between concurrent misses", async () => {
    const { source, directory } = setup();
    await Promise.all([directory.teamMembers("acme", "seniors"), directory.teamMembers("acme", "seniors")]);
    expect(source.calls).toEqual(["team acme/seniors"]);
  });

  it("does not cache a failure", async () => {
    const cache = new DirectoryCache();
    const teamMembers = jest
      .fn<(org: string, slug: string) => Promise<string[] | null>>()
      .mockRejectedValueOnce(new Error("GitHub is down"))
      .mockResolvedValueOnce(["alice"]);
    const directory = cache.over({ teamMembers, permission: async () => "none" });
    await expect(directory.teamMembers("acme", "seniors")).rejects.toThrow("GitHub is down");
    await expect(directory.teamMembers("acme", "seniors")).resolves.toEqual(["alice"]);
  });

  it("caches nothing with a TTL of 0", async () => {
    const { source, directory } = setup(0);
    await directory.teamMembers("acme", "seniors");
    await directory.teamMembers("acme", "seniors");
    expect(source.calls).toHaveLength(2);
  });

  it("stays within maxEntries, dropping the oldest", async () => {
    const source = new MemoryDirectory();
    const cache = new DirectoryCache({ maxEntries: 2 });
    const directory = cache.over(source);
    for (const login of ["a", "b", "c"]) await directory.permission("acme", "api", login);
    await directory.permission("acme", "api", "c");
    await directory.permission("acme", "api", "a");
    expect(cache.size).toBe(2);
    expect(source.calls).toEqual(["permission acme/api a", "permission acme/api b", "permission acme/api c", "permission acme/api a"]);
  });
});

describe("MemoryDirectory", () => {
  it("prefers a repository-specific permission over a global one", async () => {
    const directory = new MemoryDirectory({ permissions: { alice: "read", "acme/api:alice": "maintain" } });
    await expect(directory.permission("acme", "api", "alice")).resolves.toBe("maintain");
    await expect(directory.permission("acme", "web", "alice")).resolves.toBe("read");
  });
});

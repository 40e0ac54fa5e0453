import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { PullRecord } from "../src/index.js";
import { APP_ID, startFixture, type Fixture } from "./fixture.js";

let f: Fixture;
let open: PullRecord;
let merged: PullRecord;

beforeAll(async () => {
  f = await startFixture();
  const { world } = f.sim;
  open = world.openPullRequest({ repo: "acme/widgets", author: "carol", head: "a", commits: [{ message: "a" }] });
  merged = world.openPullRequest({ repo: "acme/widgets", author: "carol", head: "b", commits: [{ message: "b" }] });
  world.merge(merged);
  for (let i = 0; i < 4; i++) world.setFile("acme/widgets", "main", `notes/${i}.md`, `${i}\n`);
});
afterAll(() => f.sim.close());

describe("REST listings", () => {
  it.each([
    ["open", () => [open.number]],
    ["closed", () => [merged.number]],
    ["all", () => [merged.number, open.number]],
  ])("pulls?state=%s", async (state, expected) => {
    const res = await f.api(`/repos/acme/widgets/pulls?state=${state}`);
    expect(res.body.map((p: { number: number }) => p.number)).toEqual(expected());
  });

  it("commits page with a Link header to next and last", async () => {
    const res = await f.api("/repos/acme/widgets/commits?per_page=2");
    expect(res.body).toHaveLength(2);
    const link = res.headers.get("link")!;
    expect(link).toMatch(/<[^>]*page=2[^>]*>; rel="next"/);
    expect(link).toMatch(/<[^>]*page=\d+[^>]*>; rel="last"/);
  });

  it("commits?sha= lists the branch's history, newest first", async () => {
    const res = await f.api("/repos/acme/widgets/commits?sha=a");
    expect(res.body.map((c: { commit: { message: string } }) => c.commit.message)).toEqual(["a", "Initial commit"]);
  });

  it("commits?since= drops older commits", async () => {
    const all = await f.api("/repos/acme/widgets/commits?per_page=100");
    const cutoff = all.body[1].commit.committer.date;
    const res = await f.api(`/repos/acme/widgets/commits?per_page=100&since=${encodeURIComponent(cutoff)}`);
    expect(res.body).toHaveLength(2);
  });

  it("commits/{sha}/pulls finds the pull request that merged a commit", async () => {
    const res = await f.api(`/repos/acme/widgets/commits/${merged.mergeCommitSha}/pulls`);
    expect(res.body.map((p: { number: number }) => p.number)).toEqual([merged.number]);
  });

  it("check-runs?check_name=&app_id= keeps the app's own run", async () => {
    const head = f.sim.world.headSha(open);
    f.sim.world.addCheckRun("acme/widgets", { headSha: head, name: "agent-governance", app: APP_ID, status: "in_progress" });
    f.sim.world.addCheckRun("acme/widgets", { headSha: head, name: "agent-governance", conclusion: "success" });
    const res = await f.api(`/repos/acme/widgets/commits/${head}/check-runs?check_name=agent-governance&app_id=${APP_ID}&filter=latest`);
    expect(res.body.total_count).toBe(1);
    expect(res.body.check_runs[0]).toEqual(expect.objectContaining({ name: "agent-governance", status: "in_progress", app: expect.objectContaining({ id: APP_ID }) }));
  });

  it("team members and membership", async () => {
    const members = await f.api("/orgs/acme/teams/seniors/members");
    expect(members.body.map((m: { login: string }) => m.login)).toEqual(["alice", "bob"]);
    expect((await f.api("/orgs/acme/teams/seniors/memberships/alice")).body).toEqual(expect.objectContaining({ state: "active", role: "member" }));
    expect((await f.api("/orgs/acme/teams/seniors/memberships/carol")).status).toBe(404);
  });

  it("collaborator permission reports the role and the legacy permission", async () => {
    const res = await f.api("/repos/acme/widgets/collaborators/alice/permission");
    expect(res.body).toEqual(expect.objectContaining({ permission: "write", role_name: "maintain", user: expect.objectContaining({ login: "alice" }) }));
  });
});

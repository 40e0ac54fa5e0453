import { describe, expect, it } from "@jest/globals";
import { SimulatorError, World } from "../src/index.js";

function scenario(): World {
  const world = new World({ appId: 7 });
  world.addOrg("acme", { members: ["carol"], admins: ["root"] });
  world.addTeam("acme", "seniors", ["alice"]);
  world.addRepo("acme", "app", { files: { "src/a.ts": "a\n" } });
  return world;
}

const open = (world: World) =>
  world.openPullRequest({
    repo: "acme/app",
    author: "carol",
    head: "feature",
    commits: [{ message: "one", files: [{ path: "src/a.ts", content: "a\nb\n" }] }, { message: "two", files: [{ path: "src/b.ts", additions: 3 }] }],
  });

describe("World", () => {
  it("gives the same scenario the same 40-hex SHAs", () => {
    const shas = [scenario(), scenario()].map((w) => w.commitsOf(open(w)).map((c) => c.sha));
    expect(shas[0]).toEqual(shas[1]);
    for (const sha of shas[0]) expect(sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it("a pull request's files are the combined diff of its commits", () => {
    const world = scenario();
    expect(world.filesOf(open(world))).toEqual([
      { path: "src/a.ts", status: "modified", additions: 1, deletions: 0 },
      { path: "src/b.ts", status: "added", additions: 3, deletions: 0 },
    ]);
  });

  it("a push moves the head and leaves earlier approvals on the old commit", () => {
    const world = scenario();
    const pr = open(world);
    const review = world.addReview(pr, { user: "alice", state: "APPROVED" });
    const newHead = world.push(pr, [{ message: "three" }]);
    expect(world.headSha(pr)).toBe(newHead);
    expect(review.commitId).not.toBe(newHead);
    expect(world.pullRequest(pr).commits).toHaveLength(3);
  });

  it("a branch created from another's head lets two pull requests share a head and then part", () => {
    const world = scenario();
    const pr = open(world);
    const shared = world.createBranch("acme/app", "feature-copy", "feature");
    const copy = world.openPullRequest({ repo: "acme/app", author: "carol", head: "feature-copy", commits: [] });
    expect(world.headSha(copy)).toBe(shared);
    expect(world.headSha(pr)).toBe(shared);
    world.push(pr, [{ message: "three" }]);
    expect(world.headSha(copy)).toBe(shared);
    expect(world.pullsWithCommit("acme/app", shared).map((p) => p.number)).toEqual([pr.number, copy.number]);
  });

  it("refuses a branch that exists or a commit it does not know", () => {
    const world = scenario();
    open(world);
    expect(() => world.createBranch("acme/app", "feature", "main")).toThrow(SimulatorError);
    expect(() => world.createBranch("acme/app", "other", "f".repeat(40))).toThrow(SimulatorError);
  });

  it("a force push replaces the commits and is on the timeline", () => {
    const world = scenario();
    const pr = open(world);
    world.push(pr, [{ message: "rewritten" }], [], { force: true });
    expect(world.commitsOf(pr).map((c) => c.message)).toEqual(["rewritten"]);
    expect(world.pullRequest(pr).timeline.map((e) => e.type)).toContain("HeadRefForcePushedEvent");
  });

  it("merging writes a merge commit with two parents on the base branch", () => {
    const world = scenario();
    const pr = open(world);
    const head = world.headSha(pr);
    const merge = world.merge(pr, { by: "alice" });
    expect(merge.parents[1]).toBe(head);
    expect(world.repo("acme/app").branches.get("main")).toBe(merge.sha);
    expect(world.readFile("acme/app", "main", "src/a.ts")).toBe("a\nb\n");
    expect(world.pullRequest(pr)).toEqual(expect.objectContaining({ state: "closed", merged: true, mergedBy: "alice", mergeCommitSha: merge.sha }));
  });

  it("a squash merge is one commit titled with the PR number", () => {
    const world = scenario();
    const pr = open(world);
    const commit = world.merge(pr, { method: "squash" });
    expect(commit.parents).toHaveLength(1);
    expect(commit.message.split("\n")[0]).toBe(`one (#${pr.number})`);
  });

  it.each([
    ["the repository owner organisation's admin", "root", "admin"],
    ["an organisation member (base permission)", "carol", "read"],
    ["a direct collaborator", "dave", "write"],
    ["a member of a team granted maintain", "alice", "maintain"],
    ["a stranger", "nobody", "none"],
  ])("permission of %s", (_who, login, expected) => {
    const world = scenario();
    world.setPermission("acme/app", "dave", "write");
    world.setTeamPermission("acme/app", "seniors", "maintain");
    expect(world.permissionOf("acme/app", login)).toBe(expected);
  });

  it("refuses a review request for the author", () => {
    const world = scenario();
    const pr = open(world);
    expect(() => world.requestReviewers(pr, { users: ["carol"] })).toThrow(SimulatorError);
  });

  it("a submitted review fulfils that reviewer's request", () => {
    const world = scenario();
    const pr = open(world);
    world.requestReviewers(pr, { users: ["alice"], teams: ["seniors"] });
    world.addReview(pr, { user: "alice", state: "APPROVED" });
    expect(world.requestedReviewers(pr)).toEqual({ users: [], teams: ["seniors"] });
  });

  it("labels are case-insensitive and removing a missing one is a 404", () => {
    const world = scenario();
    const pr = open(world);
    world.addLabel(pr, "AI-Assisted", "carol");
    world.addLabel(pr, "ai-assisted", "carol");
    expect(world.labelsOf(pr)).toEqual(["AI-Assisted"]);
    expect(() => world.removeLabel(pr, "other", "carol")).toThrow(expect.objectContaining({ status: 404 }));
  });

  it("the latest check run per name wins, and the whole state serialises", () => {
    const world = scenario();
    const pr = open(world);
    const head = world.headSha(pr);
    world.addCheckRun("acme/app", { headSha: head, name: "build", conclusion: "failure" });
    world.addCheckRun("acme/app", { headSha: head, name: "build", conclusion: "success" });
    expect(world.checkRunsFor("acme/app", head).map((r) => r.conclusion)).toEqual(["failure", "success"]);
    const json = JSON.parse(JSON.stringify(world));
    expect(Object.keys(json.repos)).toEqual(["acme/app"]);
  });

  it("links a commit to an account by its noreply e-mail", () => {
    const world = scenario();
    const bot = world.addUser("copilot-swe-agent[bot]", { id: 198982749 });
    expect(world.accountForPerson({ name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", date: "" })).toBe(bot);
  });
});

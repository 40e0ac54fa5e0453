/**
 * Issue 5 "Done when", through the real server: sibling PRs share the strictest verdict. One
 * head branch is proposed into two bases; the `release` branch's policy wants two approvals,
 * `main`'s one. With one approval on each PR, main's PR passes and release's does not, and
 * the single check run on the shared head commit shows release's verdict and names that PR —
 * whichever of the two was evaluated last.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const policy = (approvals: number) => `version: 1\nrules:\n  - name: review\n    require:\n      approvals: ${approvals}\n`;

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob", "carol"] });
});

/** [into main (1 approval), into release (2 approvals)], both opened and evaluated. */
async function openSiblings(): Promise<[PullRecord, PullRecord]> {
  const { world } = sandbox();
  const name = freshRepo("siblings");
  world.addRepo("acme", name, { files: { ".agent-governance.yml": policy(1) } });
  const repo = `acme/${name}`;
  world.setFile(repo, "release", ".agent-governance.yml", policy(2), { message: "Release needs two reviews" });
  for (const login of ["alice", "bob", "carol"]) world.setPermission(repo, login, "write");
  const intoMain = world.openPullRequest({ repo, author: "alice", head: "agent/hotfix", commits: [{ message: aiMessage("Fix the overflow"), files: [{ path: "src/fix.ts", content: "export {};\n" }] }] });
  const intoRelease = world.openPullRequest({ repo, author: "alice", head: "agent/hotfix", base: "release", commits: [] });
  for (const pr of [intoMain, intoRelease]) await sandbox().deliver("pull_request", "opened", { pr });
  return [intoMain, intoRelease];
}

/**
 * The same pair on two branches at one commit, so that one can move without the other; the
 * stricter (release's) shows on the shared check once both have one approval.
 */
async function siblingsOnTwoBranches(): Promise<[PullRecord, PullRecord]> {
  const { world } = sandbox();
  const name = freshRepo("parting");
  world.addRepo("acme", name, { files: { ".agent-governance.yml": policy(1) } });
  const repo = `acme/${name}`;
  world.setFile(repo, "release", ".agent-governance.yml", policy(2), { message: "Release needs two reviews" });
  for (const login of ["alice", "bob", "carol"]) world.setPermission(repo, login, "write");
  const intoMain = world.openPullRequest({ repo, author: "alice", head: "agent/hotfix", commits: [{ message: aiMessage("Fix the overflow"), files: [{ path: "src/fix.ts", content: "export {};\n" }] }] });
  world.createBranch(repo, "agent/hotfix-release", "agent/hotfix");
  const intoRelease = world.openPullRequest({ repo, author: "alice", head: "agent/hotfix-release", base: "release", commits: [] });
  for (const pr of [intoMain, intoRelease]) await sandbox().deliver("pull_request", "opened", { pr });
  for (const pr of [intoMain, intoRelease]) await approve(pr, "bob");
  expect(verdictOf(world, intoMain)).toMatchObject({ conclusion: "action_required", title: expect.stringMatching(new RegExp(`^#${intoRelease.number}: `)) });
  return [intoMain, intoRelease];
}

async function approve(pr: PullRecord, login: string): Promise<void> {
  sandbox().world.addReview(pr, { user: login, state: "APPROVED" });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: login });
}

describe("two open PRs with one head commit", () => {
  it("really share the head commit", async () => {
    const [intoMain, intoRelease] = await openSiblings();
    expect(sandbox().world.headSha(intoMain)).toBe(sandbox().world.headSha(intoRelease));
  });

  it.each([
    ["main's PR is evaluated last", 0],
    ["release's PR is evaluated last", 1],
  ])("show the stricter PR's verdict when %s", async (_when, last) => {
    const pulls = await openSiblings();
    const order = last === 0 ? [pulls[1], pulls[0]] : [pulls[0], pulls[1]];
    for (const pr of order) await approve(pr, "bob");
    const [intoMain, intoRelease] = pulls;
    const verdict = verdictOf(sandbox().world, intoMain);
    expect(verdict.runCount).toBe(1);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.title).toMatch(new RegExp(`^#${intoRelease.number}: `));
    expect(verdict.summary).toContain("2 open pull requests share this head commit");
  });

  it("passes once the stricter PR is satisfied too", async () => {
    const [intoMain, intoRelease] = await openSiblings();
    await approve(intoMain, "bob");
    await approve(intoRelease, "bob");
    await approve(intoRelease, "carol");
    const verdict = verdictOf(sandbox().world, intoMain);
    expect(verdict).toMatchObject({ conclusion: "success", runCount: 1 });
  });
});

describe("when the stricter PR leaves the shared head, the other's check shows its own verdict at once", () => {
  it("the stricter PR is pushed to (synchronize)", async () => {
    const [intoMain, intoRelease] = await siblingsOnTwoBranches();
    const sharedHead = sandbox().world.headSha(intoMain);
    sandbox().world.push(intoRelease, [{ message: aiMessage("Also cover the release") }]);
    await sandbox().deliver("pull_request", "synchronize", { pr: intoRelease });

    expect(sandbox().world.headSha(intoMain)).toBe(sharedHead);
    const verdict = verdictOf(sandbox().world, intoMain);
    expect(verdict).toMatchObject({ conclusion: "success", runCount: 1 });
    expect(verdict.summary).not.toContain("share this head commit");
  });

  it("the stricter PR is closed", async () => {
    const [intoMain, intoRelease] = await siblingsOnTwoBranches();
    sandbox().world.closePullRequest(intoRelease, "alice");
    await sandbox().deliver("pull_request", "closed", { pr: intoRelease, sender: "alice" });

    const verdict = verdictOf(sandbox().world, intoMain);
    expect(verdict).toMatchObject({ conclusion: "success", runCount: 1 });
    expect(verdict.summary).not.toContain("share this head commit");
  });
});

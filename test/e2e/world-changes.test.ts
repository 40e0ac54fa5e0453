/**
 * Issue 5 "Done when", through the real server: changes outside a pull request reach its
 * verdict. A policy change pushed to the default branch re-evaluates open PRs without any PR
 * event; a senior removed from the team stops counting as soon as the membership event
 * arrives, although the app caches team rosters for a minute.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const policy = (approvals: number, team?: string) =>
  `version: 1\nrules:\n  - name: review\n    require:\n      approvals: ${approvals}\n${team ? `      from:\n        teams: [${team}]\n` : ""}`;

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob", "carol"] });
});

async function openApprovedPullRequest(policyText: string, approver: string): Promise<PullRecord> {
  const { world } = sandbox();
  const name = freshRepo("changes");
  world.addRepo("acme", name, { files: { ".agent-governance.yml": policyText } });
  const repo = `acme/${name}`;
  for (const login of ["alice", "bob", "carol"]) world.setPermission(repo, login, "write");
  const pr = world.openPullRequest({ repo, author: "alice", head: "agent/feature", commits: [{ message: aiMessage("Add the feature") }] });
  await sandbox().deliver("pull_request", "opened", { pr });
  world.addReview(pr, { user: approver, state: "APPROVED" });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: approver });
  expect(verdictOf(world, pr).conclusion).toBe("success");
  return pr;
}

describe("a policy change pushed to the default branch", () => {
  it("re-evaluates an open PR with no event of its own", async () => {
    const pr = await openApprovedPullRequest(policy(1), "bob");
    const { world } = sandbox();
    world.setFile(pr.repo, "main", ".agent-governance.yml", policy(2), { message: "Two reviews from now on" });
    await sandbox().deliver("push", undefined, { repo: pr.repo, sender: "bob" });
    const verdict = verdictOf(world, pr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/1 more approval/);
  });
});

describe("a senior removed from the team", () => {
  let teams = 0;
  it("stops counting once the membership event arrives", async () => {
    const { world } = sandbox();
    teams += 1;
    const team = `seniors-${teams}`;
    world.addTeam("acme", team, ["carol"]);
    const pr = await openApprovedPullRequest(policy(1, team), "carol");

    world.removeTeamMember("acme", team, "carol");
    // Until GitHub says so, the app trusts its cached roster (a minute): a re-run still counts carol.
    await sandbox().deliver("check_run", "rerequested", { pr, sender: "alice" });
    expect(verdictOf(world, pr).conclusion).toBe("success");

    await sandbox().deliver("membership", "removed", { repo: pr.repo, team: `acme/${team}`, member: "carol", sender: "alice" });
    await sandbox().deliver("check_run", "rerequested", { pr, sender: "alice" });
    const verdict = verdictOf(world, pr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/@carol — not eligible/);
  });
});

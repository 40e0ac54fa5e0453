/**
 * Done when (b), through the real server: a base policy rule that needs team
 * senior-engineers. The team is asked for a review, a non-member's approval does not count,
 * a member's does; a new push makes that approval stale and blocks again; a member's
 * CHANGES_REQUESTED blocks.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const SENIOR_POLICY = `version: 1
rules:
  - name: senior approval
    require:
      approvals: 1
      from:
        teams: [senior-engineers]
`;

const sandbox = useSandbox();

beforeAll(() => {
  const { world } = sandbox();
  world.addOrg("acme", { members: ["alice", "dave"] });
  world.addTeam("acme", "senior-engineers", ["carol"]);
});

async function openPullRequest(): Promise<PullRecord> {
  const { world } = sandbox();
  const name = freshRepo("team");
  world.addRepo("acme", name, { files: { ".agent-governance.yml": SENIOR_POLICY } });
  const repo = `acme/${name}`;
  for (const login of ["alice", "carol", "dave"]) world.setPermission(repo, login, "write");
  const pr = world.openPullRequest({ repo, author: "alice", head: "feature/cache", commits: [{ message: aiMessage("Cache the team lookups") }] });
  await sandbox().deliver("pull_request", "opened", { pr });
  return pr;
}

async function review(pr: PullRecord, login: string, state: "APPROVED" | "CHANGES_REQUESTED"): Promise<void> {
  sandbox().world.addReview(pr, { user: login, state });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: login });
}

describe("a base policy rule that needs the senior-engineers team", () => {
  it("requests a review from the team", async () => {
    const pr = await openPullRequest();
    expect(sandbox().world.requestedReviewers(pr).teams).toEqual(["senior-engineers"]);
    expect(verdictOf(sandbox().world, pr).conclusion).toBe("action_required");
  });

  it("does not count the approval of a writer outside the team", async () => {
    const pr = await openPullRequest();
    await review(pr, "dave", "APPROVED");
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/@dave — not eligible/);
  });

  it("passes on a team member's approval of the head commit", async () => {
    const pr = await openPullRequest();
    await review(pr, "carol", "APPROVED");
    expect(verdictOf(sandbox().world, pr)).toMatchObject({ conclusion: "success", runCount: 1 });
  });

  it("reports the approval as stale after a new push and blocks the new head", async () => {
    const pr = await openPullRequest();
    await review(pr, "carol", "APPROVED");
    const approvedHead = verdictOf(sandbox().world, pr).headSha;

    sandbox().world.push(pr, [{ message: aiMessage("Expire cached entries") }]);
    await sandbox().deliver("pull_request", "synchronize", { pr });

    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.headSha).not.toBe(approvedHead);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/@carol — stale/);
  });

  it("fails the check when a team member requests changes", async () => {
    const pr = await openPullRequest();
    await review(pr, "carol", "CHANGES_REQUESTED");
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.summary).toMatch(/@carol/);
  });
});

/**
 * Issue 5 "Done when", through the real server: a merge group passes only when its pull
 * requests do. Two AI-assisted PRs are queued together; `merge_group.checks_requested` gets
 * one check run on the group's head commit, success only when both are approved at their
 * heads, otherwise a failure that names the PR holding the group back.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { governanceRuns } from "../../tools/sandbox/verdict.js";
import type { CheckRunRecord, PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const POLICY = "version: 1\nrules:\n  - name: one approval\n    require:\n      approvals: 1\n";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob"] });
});

async function openQueuedPair(): Promise<[PullRecord, PullRecord]> {
  const { world } = sandbox();
  const name = freshRepo("queue");
  world.addRepo("acme", name, { files: { ".agent-governance.yml": POLICY } });
  const repo = `acme/${name}`;
  for (const login of ["alice", "bob"]) world.setPermission(repo, login, "write");
  const first = world.openPullRequest({ repo, author: "alice", head: "agent/cache", commits: [{ message: aiMessage("Cache the lookups"), files: [{ path: "src/cache.ts", content: "export {};\n" }] }] });
  const second = world.openPullRequest({ repo, author: "alice", head: "agent/retry", commits: [{ message: aiMessage("Retry the writes"), files: [{ path: "src/retry.ts", content: "export {};\n" }] }] });
  for (const pr of [first, second]) await sandbox().deliver("pull_request", "opened", { pr });
  return [first, second];
}

async function approve(pr: PullRecord): Promise<void> {
  sandbox().world.addReview(pr, { user: "bob", state: "APPROVED" });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: "bob" });
}

/** Queues both PRs and returns the app's run on the group's head commit. */
async function checkGroup(pulls: PullRecord[]): Promise<CheckRunRecord> {
  const { world } = sandbox();
  const group = world.createMergeGroup(pulls[0].repo, pulls);
  await sandbox().deliver("merge_group", "checks_requested", { repo: pulls[0].repo, mergeGroup: group });
  const runs = governanceRuns(world, pulls[0].repo, group.headSha);
  expect(runs).toHaveLength(1);
  return runs[0];
}

describe("a merge group of two AI-assisted pull requests", () => {
  it("passes when both are approved at their heads", async () => {
    const [first, second] = await openQueuedPair();
    await approve(first);
    await approve(second);
    const run = await checkGroup([first, second]);
    expect(run.conclusion).toBe("success");
    expect(run.output.title).toMatch(/all 2 pull requests pass/);
  });

  it("fails, naming the PR, when one of them is not approved", async () => {
    const [first, second] = await openQueuedPair();
    await approve(first);
    const run = await checkGroup([first, second]);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe(`Merge group blocked by #${second.number}`);
    expect(run.output.title).not.toContain(`#${first.number}`);
  });

  it("fails when an approval went stale by a push after it", async () => {
    const [first, second] = await openQueuedPair();
    await approve(first);
    await approve(second);
    sandbox().world.push(first, [{ message: aiMessage("One more tweak") }]);
    await sandbox().deliver("pull_request", "synchronize", { pr: first });
    const run = await checkGroup([first, second]);
    expect(run.conclusion).toBe("failure");
    expect(run.output.title).toBe(`Merge group blocked by #${first.number}`);
  });
});

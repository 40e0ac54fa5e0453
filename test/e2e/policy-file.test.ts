/**
 * Done when (d) and (e), through the real server: a PR that relaxes .agent-governance.yml in
 * its own head is judged by the base policy and needs a policy admin; a base policy with a
 * syntax error or an unknown key fails the check with the line and column, and the app keeps
 * serving other events.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const BASE_POLICY = "version: 1\nrules:\n  - name: senior approval\n    require:\n      approvals: 1\n";
const RELAXED_POLICY = "version: 1\nrules:\n  - name: senior approval\n    require:\n      approvals: 0\n";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob"], admins: ["eve"] });
});

function repoWith(policy: string): string {
  const name = freshRepo("policy");
  sandbox().world.addRepo("acme", name, { files: { ".agent-governance.yml": policy } });
  const repo = `acme/${name}`;
  for (const login of ["alice", "bob"]) sandbox().world.setPermission(repo, login, "write");
  return repo;
}

async function openRelaxingPullRequest(): Promise<PullRecord> {
  const pr = sandbox().world.openPullRequest({
    repo: repoWith(BASE_POLICY),
    author: "alice",
    head: "agent/relax-policy",
    commits: [{ message: aiMessage("Nobody needs to review this"), files: [{ path: ".agent-governance.yml", content: RELAXED_POLICY }] }],
  });
  await sandbox().deliver("pull_request", "opened", { pr });
  return pr;
}

async function approve(pr: PullRecord, login: string): Promise<void> {
  sandbox().world.addReview(pr, { user: login, state: "APPROVED" });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: login });
}

describe("a PR that relaxes .agent-governance.yml in its own head", () => {
  it("is judged by the base policy and waits for a policy admin", async () => {
    const pr = await openRelaxingPullRequest();
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("action_required");
    // The base rule still needs its approval although the head file says 0.
    expect(verdict.summary).toMatch(/⏳ senior approval \| waiting/);
    expect(verdict.summary).toMatch(/⏳ policy change \| waiting/);
  });

  it("does not pass on a writer's approval", async () => {
    const pr = await openRelaxingPullRequest();
    await approve(pr, "bob");
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/✅ senior approval \| met/);
    expect(verdict.summary).toMatch(/⏳ policy change \| waiting/);
  });

  it("passes once an organisation admin approves", async () => {
    const pr = await openRelaxingPullRequest();
    await approve(pr, "eve");
    expect(verdictOf(sandbox().world, pr).conclusion).toBe("success");
  });
});

describe("a broken base policy fails closed", () => {
  it.each([
    ["a YAML syntax error", "version: 1\nlabel: x: y\n", /\.agent-governance\.yml:2:8/, 2],
    ["an unknown key", "version: 1\nrule:\n  - name: x\n", /\.agent-governance\.yml:2:1.*unknown key.*rule.*rules/, 2],
  ])("reports %s as a failure naming the line and column", async (_what, policy, located, line) => {
    const pr = sandbox().world.openPullRequest({ repo: repoWith(policy), author: "alice", head: "fix/typo", commits: [{ message: "Fix a typo" }] });
    await sandbox().deliver("pull_request", "opened", { pr });
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.summary).toMatch(located);
    expect(verdict.run?.output.annotations).toEqual([
      expect.objectContaining({ path: ".agent-governance.yml", start_line: line, annotation_level: "failure" }),
    ]);
  });

  it("keeps serving other repositories after a broken policy", async () => {
    const broken = sandbox().world.openPullRequest({ repo: repoWith("version: 1\nrule: []\n"), author: "alice", head: "a", commits: [{ message: "One" }] });
    const healthy = sandbox().world.openPullRequest({ repo: repoWith(BASE_POLICY), author: "alice", head: "b", commits: [{ message: "Two" }] });
    await sandbox().deliver("pull_request", "opened", { pr: broken });
    await sandbox().deliver("pull_request", "opened", { pr: healthy });
    expect(verdictOf(sandbox().world, broken).conclusion).toBe("failure");
    expect(verdictOf(sandbox().world, healthy).conclusion).toBe("success");
    expect(sandbox().app.exited()).toBe(false);
  });
});

/**
 * A busy pull request through the real server and a GitHub that pages: more than 100 check runs
 * on its head, more than 100 label events since its override label was applied. What lies
 * beyond the first 100 is read, never taken as absent.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob", "carol"] });
});

function aiPullRequest(policy: string) {
  const name = freshRepo("busy");
  sandbox().world.addRepo("acme", name, { files: { ".agent-governance.yml": policy } });
  return sandbox().world.openPullRequest({
    repo: `acme/${name}`,
    author: "carol",
    head: "agent/busy",
    commits: [{ message: aiMessage("Add the limiter"), files: [{ path: "src/limiter.ts", additions: 10 }] }],
  });
}

describe("a pull request with more than 100 of something", () => {
  it("a required check that is the head's 101st check, and failed, fails the gate", async () => {
    const pr = aiPullRequest("version: 1\nrules: []\ngates:\n  required_checks: [security-scan]\n");
    const { world } = sandbox();
    for (let i = 0; i < 100; i++) world.addCheckRun(pr.repo, { headSha: world.headSha(pr), name: `lint-${i}`, conclusion: "success" });
    world.addCheckRun(pr.repo, { headSha: world.headSha(pr), name: "security-scan", conclusion: "failure" });

    await sandbox().deliver("pull_request", "opened", { pr });

    const verdict = verdictOf(world, pr);
    expect(verdict.conclusion).toBe("failure");
    expect(verdict.title).toContain("security-scan");
  });

  it("an override label applied before the last 100 label events still overrides, applied by whom it was", async () => {
    const pr = aiPullRequest(
      "version: 1\nrules:\n  - name: senior\n    require: { approvals: 1, from: { users: [bob] } }\noverride:\n  label: governance-override\n  by: { users: [alice] }\n",
    );
    const { world } = sandbox();
    world.addLabel(pr, "governance-override", "alice");
    for (let i = 0; i < 101; i++) {
      world.addLabel(pr, "wip", "carol");
      world.removeLabel(pr, "wip", "carol");
    }

    await sandbox().deliver("pull_request", "opened", { pr });

    const verdict = verdictOf(world, pr);
    expect(verdict.conclusion).toBe("success");
    expect(verdict.title).toBe("Overridden by @alice");
  });
});

/**
 * Done when (c), through the real server: a PR from the Copilot coding agent is AI-assisted;
 * a dependabot PR and a human commit that merely mentions Copilot are not.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { CommitSpec } from "@agent-governance/github-simulator";
import { freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  const { world } = sandbox();
  world.addOrg("acme", { members: ["alice"] });
  world.addUser("copilot-swe-agent[bot]", { id: 198982749 });
  world.addUser("dependabot[bot]", { id: 49699333 });
});

async function opened(author: string, head: string, commit: CommitSpec) {
  const { world } = sandbox();
  const name = freshRepo("detect");
  world.addRepo("acme", name);
  const pr = world.openPullRequest({ repo: `acme/${name}`, author, head, commits: [commit] });
  await sandbox().deliver("pull_request", "opened", { pr });
  return { verdict: verdictOf(world, pr), labels: world.labelsOf(pr) };
}

describe("who wrote the pull request", () => {
  it("treats a PR from copilot-swe-agent[bot] as AI-assisted", async () => {
    const { verdict, labels } = await opened("copilot-swe-agent[bot]", "copilot/fix-login", {
      message: "Fix the login redirect",
      author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" },
    });
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/AI-assisted.*copilot/);
    expect(labels).toContain("ai-assisted");
  });

  it("does not treat a dependabot PR as AI-assisted", async () => {
    const { verdict, labels } = await opened("dependabot[bot]", "dependabot/npm_and_yarn/yaml-2.9.1", {
      message: "Bump yaml from 2.9.0 to 2.9.1",
      author: { name: "dependabot[bot]", email: "49699333+dependabot[bot]@users.noreply.github.com" },
    });
    expect(verdict.conclusion).toBe("success");
    expect(verdict.summary).toMatch(/No AI involvement detected/);
    expect(labels).not.toContain("ai-assisted");
  });

  it('does not treat a human commit "Fix Copilot keybinding" as AI-assisted', async () => {
    const { verdict, labels } = await opened("alice", "fix/keybinding", { message: "Fix Copilot keybinding" });
    expect(verdict.conclusion).toBe("success");
    expect(verdict.summary).toMatch(/No AI involvement detected/);
    expect(labels).not.toContain("ai-assisted");
  });
});

describe("who pushed the pull request", () => {
  async function humanPullRequest() {
    const { world } = sandbox();
    const name = freshRepo("pusher");
    world.addRepo("acme", name);
    world.setPermission(`acme/${name}`, "alice", "write");
    world.addUser("dave");
    world.setPermission(`acme/${name}`, "dave", "write");
    const pr = world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "fix/login", commits: [{ message: "Fix the login redirect" }] });
    await sandbox().deliver("pull_request", "opened", { pr });
    expect(verdictOf(world, pr).conclusion).toBe("success");
    return pr;
  }

  it("an agent's push of human-looking commits makes the PR AI-assisted, and a later review does not forget it", async () => {
    const { world } = sandbox();
    const pr = await humanPullRequest();

    world.push(pr, [{ message: "Handle the empty redirect", author: { name: "Alice", email: "alice@example.com" } }], [], { pusher: "copilot-swe-agent[bot]" });
    await sandbox().deliver("pull_request", "synchronize", { pr, sender: "copilot-swe-agent[bot]" });
    expect(verdictOf(world, pr)).toMatchObject({ conclusion: "action_required", summary: expect.stringMatching(/pushed by @copilot/) });

    world.addReview(pr, { user: "dave", state: "COMMENTED" });
    await sandbox().deliver("pull_request_review", "submitted", { pr, sender: "dave" });
    expect(verdictOf(world, pr)).toMatchObject({ conclusion: "action_required", summary: expect.stringMatching(/pushed by @copilot/) });
  });

  it("an agent's force push, seen in the timeline, makes the PR AI-assisted whoever sent the event", async () => {
    const { world } = sandbox();
    const pr = await humanPullRequest();

    world.push(pr, [{ message: "Rewrite the redirect", author: { name: "Alice", email: "alice@example.com" } }], [], { force: true, pusher: "copilot-swe-agent[bot]" });
    await sandbox().deliver("pull_request", "synchronize", { pr, sender: "alice" });

    expect(verdictOf(world, pr)).toMatchObject({ conclusion: "action_required", summary: expect.stringMatching(/pushed by @copilot/) });
  });
});

/**
 * Graduated autonomy through the real server and its SQLite ledger: an agent that
 * merged enough PRs needs one approval instead of two; a revert — a `git revert` pushed to the
 * default branch, or a merged revert PR — makes it need two again. The record survives a
 * restart of the server.
 */
import { describe, expect, it } from "@jest/globals";
import { AutonomyStory } from "./autonomy-story.js";
import { useSandbox } from "./stage.js";

const sandbox = useSandbox();

describe("an agent's track record on the SQLite ledger", () => {
  it("asks two approvals for an agent with no merged PR", async () => {
    const story = new AutonomyStory(sandbox());
    const verdict = story.verdict(await story.open());
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.title).toMatch(/2 approvals/);
    expect(verdict.summary).toMatch(/claude-code<\/code>: new/);
  });

  it("asks one approval once the agent has three merged PRs", async () => {
    const story = new AutonomyStory(sandbox());
    await story.mergeSeveral(3);
    const verdict = story.verdict(await story.open());
    expect(verdict.title).toMatch(/1 approval\b/);
    expect(verdict.summary).toMatch(/claude-code<\/code>: established — 3 merged, 0 reverted/);
  });

  it("asks two approvals again after a revert commit is pushed to the default branch", async () => {
    const story = new AutonomyStory(sandbox());
    const merges = await story.mergeSeveral(3);
    const pr = await story.open();
    expect(story.verdict(pr).title).toMatch(/1 approval\b/);

    await story.revertByPush(merges[1]);
    await story.reevaluate(pr);

    const verdict = story.verdict(pr);
    expect(verdict.title).toMatch(/2 approvals/);
    expect(verdict.summary).toMatch(/claude-code<\/code>: new — 3 merged, 1 reverted/);
  });

  it("asks two approvals again after a revert PR is merged", async () => {
    const story = new AutonomyStory(sandbox());
    await story.mergeSeveral(3);
    const pr = await story.open();
    expect(story.verdict(pr).title).toMatch(/1 approval\b/);

    const reverted = sandbox().world.pullRequest({ repo: story.repo, number: 1 });
    await story.revertByPullRequest(reverted);
    await story.reevaluate(pr);

    expect(story.verdict(pr).title).toMatch(/2 approvals/);
  });

  it("keeps the track record when the server restarts", async () => {
    const story = new AutonomyStory(sandbox());
    await story.mergeSeveral(3);

    await sandbox().restartApp();

    expect(story.verdict(await story.open()).title).toMatch(/1 approval\b/);
  });
});

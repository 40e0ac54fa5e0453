/**
 * Graduated autonomy: the Copilot agent's merged PRs are recorded in the ledger; after three
 * it is `established` and needs one senior instead of two. A revert makes it `new` again.
 */
import type { PullRecord } from "@agent-governance/github-simulator";
import { CHECKOUT, COPILOT } from "../cast.js";
import type { Stage } from "../stage.js";
import type { Story } from "./story.js";

const COPILOT_AUTHOR = { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" };

async function agentPullRequest(stage: Stage, n: number, title: string): Promise<PullRecord> {
  const pr = stage.world.openPullRequest({
    repo: CHECKOUT,
    author: COPILOT,
    head: `copilot/task-${n}`,
    title,
    commits: [{ message: title, author: COPILOT_AUTHOR, files: [{ path: `src/task-${n}.ts`, additions: 12 }] }],
  });
  await stage.send("pull_request", "opened", { pr });
  return pr;
}

export const trustedAgent: Story = {
  title: "A reliable agent earns autonomy",
  premise: "In acme/checkout new agents need two seniors; an agent with 3 merged PRs (≤ 20 % reverted) needs one.",
  async play(stage) {
    const titles = ["Add a cart total helper", "Validate coupon codes", "Round prices half-even"];
    const merged: PullRecord[] = [];
    for (const [i, title] of titles.entries()) {
      stage.say.act(`${COPILOT} opens ${CHECKOUT}#${i + 1} "${title}"`);
      const pr = await agentPullRequest(stage, i + 1, title);
      if (i === 0) stage.show(pr, "action_required", { only: ["rule", "agent"] });
      stage.say.act("carol and dave approve; bob merges");
      await stage.review(pr, "carol");
      await stage.review(pr, "dave");
      stage.world.merge(pr, { by: "bob", method: "squash" });
      await stage.send("pull_request", "closed", { pr, sender: "bob" });
      await stage.send("push", undefined, { repo: CHECKOUT, sender: "bob" });
      merged.push(pr);
    }

    stage.say.act(`${COPILOT} opens ${CHECKOUT}#4 "Show saved carts"`);
    const next = await agentPullRequest(stage, 4, "Show saved carts");
    stage.show(next, "action_required", { only: ["rule", "agent"], titleMatches: /1 approval\b/ });

    const reverted = merged[1];
    stage.say.act(`bob reverts ${CHECKOUT}#${reverted.number} on main ("This reverts commit ${reverted.mergeCommitSha!.slice(0, 7)}")`);
    stage.world.commit(CHECKOUT, "main", {
      message: `Revert "${reverted.title}"\n\nThis reverts commit ${reverted.mergeCommitSha}.\n`,
      author: { name: "bob", email: stage.world.noreplyEmail("bob") },
    }, { pusher: "bob" });
    await stage.send("push", undefined, { repo: CHECKOUT, sender: "bob" });
    stage.say.act(`someone presses "Re-run" on ${CHECKOUT}#4's check`);
    await stage.send("check_run", "rerequested", { pr: next });
    stage.show(next, "action_required", { only: ["rule", "agent"], titleMatches: /2 approvals/ });
  },
};

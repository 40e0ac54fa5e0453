/** An approval belongs to the commit it was given on: a new push makes it stale. */
import { CLAUDE_CO_AUTHOR, PAYMENTS } from "../cast.js";
import type { Story } from "./story.js";

export const staleApproval: Story = {
  title: "A new push makes the approval stale",
  premise: "carol approved an AI-assisted PR; then the agent pushes one more commit.",
  async play(stage) {
    const pr = stage.world.openPullRequest({
      repo: PAYMENTS,
      author: "alice",
      head: "claude/idempotency-keys",
      title: "Add idempotency keys to refunds",
      commits: [{ message: `Add idempotency keys to refunds\n\n${CLAUDE_CO_AUTHOR}\n`, files: [{ path: "src/refund.ts", additions: 25 }] }],
    });
    stage.say.act(`alice opens ${stage.where(pr)} "${pr.title}"; carol approves it`);
    await stage.send("pull_request", "opened", { pr });
    await stage.review(pr, "carol");
    stage.show(pr, "success", { only: [] });

    const head = stage.world.push(pr, [{ message: `Also retry on timeouts\n\n${CLAUDE_CO_AUTHOR}\n`, files: [{ path: "src/refund.ts", additions: 8 }] }]);
    stage.say.act(`the agent pushes ${head.slice(0, 7)} "Also retry on timeouts"`);
    await stage.send("pull_request", "synchronize", { pr });
    stage.show(pr, "action_required", { only: ["rule", "ignored"] });

    stage.say.act("carol reviews the new commit and approves again");
    await stage.review(pr, "carol");
    stage.show(pr, "success", { only: [] });
  },
};

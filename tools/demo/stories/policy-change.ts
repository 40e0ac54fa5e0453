/** A PR that relaxes the policy is judged by the base branch's policy and needs a policy admin. */
import { CLAUDE_CO_AUTHOR, PAYMENTS } from "../cast.js";
import type { Story } from "./story.js";

const RELAXED = "version: 1\nrules: []\n";

export const policyChange: Story = {
  title: "A pull request tries to relax the policy",
  premise: "An agent's PR deletes every rule from .agent-governance.yml. Rules come from the base branch, never from the PR.",
  async play(stage) {
    const pr = stage.world.openPullRequest({
      repo: PAYMENTS,
      author: "alice",
      head: "claude/simplify-governance",
      title: "Simplify the governance config",
      commits: [{ message: `Simplify the governance config\n\n${CLAUDE_CO_AUTHOR}\n`, files: [{ path: ".agent-governance.yml", content: RELAXED }] }],
    });
    stage.say.act(`alice opens ${stage.where(pr)} "${pr.title}" (new file: rules: [])`);
    await stage.send("pull_request", "opened", { pr });
    stage.show(pr, "action_required", { only: ["rule"] });

    stage.say.act("carol (senior) approves: the senior rule is met, the policy change is not");
    await stage.review(pr, "carol");
    stage.show(pr, "action_required", { only: ["rule"] });

    stage.say.act("root (platform-leads) approves");
    await stage.review(pr, "root");
    stage.show(pr, "success", { only: [] });
  },
};

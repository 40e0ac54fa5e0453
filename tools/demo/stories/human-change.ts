/** No AI involvement: nothing to ask for. */
import { PAYMENTS } from "../cast.js";
import type { Story } from "./story.js";

export const humanChange: Story = {
  title: "A human pull request passes",
  premise: "bob fixes a typo by hand. No agent, no trailer, no label: the policy's rules are for AI-assisted changes.",
  async play(stage) {
    const pr = stage.world.openPullRequest({
      repo: PAYMENTS,
      author: "bob",
      head: "fix/readme-typo",
      title: "Fix Copilot keybinding in the README",
      commits: [{ message: "Fix Copilot keybinding in the README", files: [{ path: "README.md", additions: 1, deletions: 1 }] }],
    });
    stage.say.act(`bob opens ${stage.where(pr)} "${pr.title}" (mentions Copilot, but a bare word is not a signal)`);
    await stage.send("pull_request", "opened", { pr });
    stage.show(pr, "success", { only: ["rule"] });
    stage.expect(!stage.world.labelsOf(pr).includes("ai-assisted"), "a human PR must not be labelled ai-assisted");
  },
};

/** A gate no approval can lift: an agent's PR touches a forbidden path. */
import { COPILOT, PAYMENTS } from "../cast.js";
import type { Story } from "./story.js";

export const forbiddenPath: Story = {
  title: "An agent touches a forbidden path",
  premise: "The Copilot coding agent edits the deploy workflow; the policy forbids AI changes under .github/workflows/.",
  async play(stage) {
    const pr = stage.world.openPullRequest({
      repo: PAYMENTS,
      author: COPILOT,
      head: "copilot/speed-up-deploy",
      title: "Speed up the deploy workflow",
      commits: [
        {
          message: "Cache dependencies in the deploy workflow",
          author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" },
          files: [
            { path: ".github/workflows/deploy.yml", additions: 6, deletions: 1 },
            { path: "src/capture.ts", additions: 2 },
          ],
        },
      ],
    });
    stage.say.act(`${COPILOT} opens ${stage.where(pr)} "${pr.title}"`);
    await stage.send("pull_request", "opened", { pr });
    stage.show(pr, "failure", { only: ["gate", "rule", "signal"] });

    stage.say.act("carol approves anyway");
    await stage.review(pr, "carol");
    stage.show(pr, "failure", { only: ["gate"] });
  },
};

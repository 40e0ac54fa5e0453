/** An AI-assisted PR waits for a senior; a non-senior's approval does not count, a senior's does. */
import { CLAUDE_CO_AUTHOR, PAYMENTS } from "../cast.js";
import type { Story } from "./story.js";

export const seniorApproval: Story = {
  title: "An AI pull request waits for a senior",
  premise: "alice ships a change written with Claude Code; the policy wants a senior-engineers approval.",
  async play(stage) {
    const pr = stage.world.openPullRequest({
      repo: PAYMENTS,
      author: "alice",
      head: "claude/retry-captures",
      title: "Retry failed card captures",
      commits: [{ message: `Retry failed card captures\n\n${CLAUDE_CO_AUTHOR}\n`, files: [{ path: "src/capture.ts", additions: 40, deletions: 3 }] }],
    });
    stage.say.act(`alice opens ${stage.where(pr)} "${pr.title}" (commit trailer: ${CLAUDE_CO_AUTHOR})`);
    await stage.send("pull_request", "opened", { pr });
    stage.show(pr, "action_required", { only: ["rule", "signal"] });
    const requested = stage.world.requestedReviewers(pr);
    const labels = stage.world.labelsOf(pr);
    stage.say.note(`label: ${labels.join(", ") || "none"} · review requested from: ${[...requested.teams.map((t) => `team ${t}`), ...requested.users].join(", ") || "nobody"}`);
    stage.expect(labels.includes("ai-assisted"), "the PR should be labelled ai-assisted");
    stage.expect(requested.teams.includes("senior-engineers"), "senior-engineers should be asked for a review");

    stage.say.act("bob approves (he can write, but is not a senior)");
    await stage.review(pr, "bob");
    stage.show(pr, "action_required", { only: ["ignored"] });

    stage.say.act("carol (senior-engineers) approves");
    await stage.review(pr, "carol");
    stage.show(pr, "success", { only: ["rule"] });
  },
};

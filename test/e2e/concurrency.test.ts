/**
 * Events that race, through the real server: a review and a new push delivered at the same
 * moment, and a burst of pushes, end with the check on the latest head SHA showing that
 * head's verdict — an approval of the old head never passes the new one.
 */
import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { postWebhook } from "../../tools/sandbox/raw-delivery.js";
import { governanceRuns, verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob"] });
});
afterEach(() => sandbox().sim.faults.clear());

async function openAiPullRequest(): Promise<PullRecord> {
  const name = freshRepo("race");
  const { world } = sandbox();
  world.addRepo("acme", name);
  for (const login of ["alice", "bob"]) world.setPermission(`acme/${name}`, login, "write");
  const pr = world.openPullRequest({ repo: `acme/${name}`, author: "alice", head: "agent/race", commits: [{ message: aiMessage("First try") }] });
  await sandbox().deliver("pull_request", "opened", { pr });
  return pr;
}

const send = (event: string, payload: Record<string, unknown>) =>
  postWebhook(sandbox().app.webhookUrl, sandbox().webhookSecret, { event, body: JSON.stringify(payload) });

describe("a review and a new push delivered at the same moment", () => {
  it.each([
    ["review first", false],
    ["push first", true],
  ])("end with the check on the new head, approval stale (%s)", async (_order, pushFirst) => {
    const { world, sim } = sandbox();
    const pr = await openAiPullRequest();
    const oldHead = world.headSha(pr);
    world.addReview(pr, { user: "bob", state: "APPROVED" });
    const review = sim.payload("pull_request_review", "submitted", { pr, sender: "bob" });
    const newHead = world.push(pr, [{ message: aiMessage("Second try") }]);
    const synchronize = sim.payload("pull_request", "synchronize", { pr });
    // Slow GitHub down so that the two evaluations overlap.
    sim.faults.delay("graphql:PullRequestFacts", 200, 2);

    const deliveries = pushFirst
      ? [send("pull_request", synchronize), send("pull_request_review", review)]
      : [send("pull_request_review", review), send("pull_request", synchronize)];
    expect((await Promise.all(deliveries)).map((r) => r.status)).toEqual([200, 200]);
    await sandbox().settle();

    const verdict = verdictOf(world, pr);
    expect(verdict.headSha).toBe(newHead);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(/@bob — stale/);
    expect(governanceRuns(world, pr.repo, newHead)).toHaveLength(1);
    expect(governanceRuns(world, pr.repo, oldHead).every((run) => run.conclusion !== "success")).toBe(true);
  });
});

describe("a burst of pushes", () => {
  it("ends with one check run on the final head, approved there", async () => {
    const { world, sim } = sandbox();
    const pr = await openAiPullRequest();
    const payloads: Record<string, unknown>[] = [];
    for (let i = 1; i <= 8; i++) {
      world.push(pr, [{ message: aiMessage(`Iteration ${i}`) }]);
      payloads.push(sim.payload("pull_request", "synchronize", { pr }));
    }
    world.addReview(pr, { user: "bob", state: "APPROVED" });
    payloads.push(sim.payload("pull_request_review", "submitted", { pr, sender: "bob" }));

    const responses = await Promise.all(payloads.map((p, i) => send(i < 8 ? "pull_request" : "pull_request_review", p)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    await sandbox().settle();

    const verdict = verdictOf(world, pr);
    expect(verdict).toMatchObject({ conclusion: "success", runCount: 1 });
  });
});

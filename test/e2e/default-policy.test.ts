/**
 * Done when (a), through the real server: under the built-in default policy a PR whose commit
 * carries a Claude co-author trailer is labelled ai-assisted and blocked; an approval of the
 * head commit by a writer who wrote none of it passes it; approvals by the PR author, a
 * commit author, a co-author or a bot do not.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { PullRecord } from "@agent-governance/github-simulator";
import { CLAUDE_CO_AUTHOR, aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();

beforeAll(() => {
  const { world } = sandbox();
  // Before the organisation: addUser keeps an existing account as it is.
  world.addUser("erin", { email: "erin@acme.test", name: "Erin" });
  world.addOrg("acme", { members: ["carol", "alice", "dave", "erin"] });
  world.addUser("review-helper[bot]");
});

/** An AI-assisted PR by carol in a new repository without any policy file; every named user may write. */
async function openAiPullRequest(options: { commitAuthor?: string; coAuthor?: string } = {}): Promise<PullRecord> {
  const { world } = sandbox();
  const repo = `acme/${freshRepo("default")}`;
  world.addRepo("acme", repo.split("/")[1]);
  for (const login of ["carol", "alice", "dave", "erin", "review-helper[bot]"]) world.setPermission(repo, login, "write");
  const trailers = [CLAUDE_CO_AUTHOR, ...(options.coAuthor ? [options.coAuthor] : [])].join("\n");
  const pr = world.openPullRequest({
    repo,
    author: "carol",
    head: "feature/limiter",
    commits: [
      { message: aiMessage("Add a token-bucket limiter") },
      ...(options.commitAuthor
        ? [{ message: `Tune the limiter\n\n${trailers}\n`, author: { name: options.commitAuthor, email: world.noreplyEmail(options.commitAuthor) } }]
        : options.coAuthor
          ? [{ message: `Tune the limiter\n\n${trailers}\n` }]
          : []),
    ],
  });
  const delivery = await sandbox().deliver("pull_request", "opened", { pr });
  expect(delivery.status).toBe(200);
  return pr;
}

async function approve(pr: PullRecord, login: string): Promise<void> {
  sandbox().world.addReview(pr, { user: login, state: "APPROVED" });
  await sandbox().deliver("pull_request_review", "submitted", { pr, sender: login });
}

describe("the default policy on a PR with a Claude co-author", () => {
  it("labels the PR ai-assisted", async () => {
    const pr = await openAiPullRequest();
    expect(sandbox().world.labelsOf(pr)).toContain("ai-assisted");
  });

  it("blocks the PR with one check run waiting for an approval", async () => {
    const pr = await openAiPullRequest();
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict).toMatchObject({ runCount: 1, conclusion: "action_required" });
    expect(verdict.summary).toMatch(/AI-assisted/);
  });

  it("links the check run to nothing while the console is not configured", async () => {
    const pr = await openAiPullRequest();
    expect(verdictOf(sandbox().world, pr).run?.detailsUrl ?? null).toBeNull();
  });

  it("passes on an approval of the head commit by a writer who wrote no commit", async () => {
    const pr = await openAiPullRequest();
    await approve(pr, "alice");
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict).toMatchObject({ runCount: 1, conclusion: "success" });
    expect(verdict.title).toMatch(/@alice/);
  });

  it.each([
    ["the PR author", {}, "carol", /@carol — PR author/],
    ["a commit author", { commitAuthor: "dave" }, "dave", /@dave — commit author/],
    ["a co-author", { coAuthor: "Co-authored-by: Erin <erin@acme.test>" }, "erin", /@erin — co-author/],
    ["a bot", {}, "review-helper[bot]", /@review-helper(\[bot\])? — bot/],
  ])("does not count an approval by %s", async (_who, options, login, reason) => {
    const pr = await openAiPullRequest(options);
    await approve(pr, login);
    const verdict = verdictOf(sandbox().world, pr);
    expect(verdict.conclusion).toBe("action_required");
    expect(verdict.summary).toMatch(reason);
  });
});

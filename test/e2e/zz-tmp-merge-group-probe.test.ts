import { beforeAll, describe, expect, it } from "@jest/globals";
import { governanceRuns, verdictOf } from "../../src/demo/verdict.js";
import { aiMessage, freshRepo, useSandbox } from "./stage.js";

const sandbox = useSandbox();
beforeAll(() => {
  sandbox().world.addOrg("acme", { members: ["alice", "bob"] });
});

describe("probe", () => {
  it("merge group of two PRs, one unapproved AI", async () => {
    const { world } = sandbox();
    const name = freshRepo("mq");
    world.addRepo("acme", name);
    const repo = `acme/${name}`;
    const a = world.openPullRequest({ repo, author: "alice", head: "a", commits: [{ message: "human", files: [{ path: "a.txt" }] }] });
    const b = world.openPullRequest({ repo, author: "alice", head: "b", commits: [{ message: aiMessage("ai"), files: [{ path: "b.txt" }] }] });
    const group = world.createMergeGroup(repo, [a, b]);
    await sandbox().deliver("merge_group", "checks_requested", { repo, mergeGroup: group } as never);
    const runs = governanceRuns(world, repo, group.headSha);
    console.log(JSON.stringify(runs.map((r) => [r.conclusion, r.output.title])), runs[0]?.output.summary);
    expect(runs[0]?.conclusion).toBe("failure");
    expect(runs[0]?.output.title).toBe(`Merge group blocked by #${b.number}`);
    expect(world.labelsOf(b)).toEqual([]);
  });

  it("siblings", async () => {
    const { world } = sandbox();
    const name = freshRepo("sib");
    world.addRepo("acme", name);
    const repo = `acme/${name}`;
    const a = world.openPullRequest({ repo, author: "alice", head: "a", commits: [{ message: "human", files: [{ path: "a.txt" }] }] });
    const b = world.openPullRequest({ repo, author: "alice", head: "b", commits: [{ message: aiMessage("ai"), files: [{ path: "b.txt" }] }] });
    world.pullRequest(b).commits = [...world.pullRequest(a).commits];
    world.pullRequest(a).commits = [...world.pullRequest(a).commits];
    // make a's head the AI commit: b's commits list
    const aiHead = world.history(repo, "b")[0].sha;
    world.pullRequest(a).commits = [aiHead];
    world.pullRequest(b).commits = [aiHead];
    await sandbox().deliver("pull_request", "opened", { pr: a });
    const v = verdictOf(world, a);
    console.log(v.conclusion, v.title, v.summary.slice(0, 600));
    expect(v.title).toMatch(/^#/);
  });
});

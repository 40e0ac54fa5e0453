/**
 * The graduated-autonomy story against any sandbox, so that the SQLite e2e test and
 * the PostgreSQL services test tell it the same way: an agent's merged PRs raise it to
 * `established`, where a rule asks one approval instead of two; a revert of one of its
 * changes makes it `new` again.
 */
import { expect } from "@jest/globals";
import type { Sandbox } from "../../tools/sandbox/sandbox.js";
import { verdictOf } from "../../tools/sandbox/verdict.js";
import type { CommitRecord, PullRecord } from "@agent-governance/github-simulator";
import { aiMessage, freshRepo } from "./stage.js";

export const AUTONOMY_POLICY = `version: 1
autonomy:
  window_days: 90
  tiers:
    - { name: established, min_merged: 3, max_revert_rate: 0.5 }
  demote_on_revert_days: 14
rules:
  - name: new agents need two approvals
    when: { ai: true, tier: [new] }
    require: { approvals: 2 }
  - name: established agents need one approval
    when: { ai: true, tier: [established] }
    require: { approvals: 1 }
`;

export class AutonomyStory {
  readonly repo: string;
  private next = 0;

  constructor(private readonly sandbox: Sandbox) {
    const { world } = sandbox;
    if (!world.orgs.has("acme")) world.addOrg("acme", { members: ["alice", "bob", "carol"] });
    const name = freshRepo("autonomy");
    world.addRepo("acme", name, { files: { ".agent-governance.yml": AUTONOMY_POLICY } });
    this.repo = `acme/${name}`;
    for (const login of ["alice", "bob", "carol"]) world.setPermission(this.repo, login, "write");
  }

  /** A Claude-assisted PR by alice, evaluated once. */
  async open(): Promise<PullRecord> {
    this.next += 1;
    const pr = this.sandbox.world.openPullRequest({
      repo: this.repo,
      author: "alice",
      head: `claude/change-${this.next}`,
      commits: [{ message: aiMessage(`Change number ${this.next}`), files: [{ path: `src/change-${this.next}.ts`, additions: 5 }] }],
    });
    await this.sandbox.deliver("pull_request", "opened", { pr });
    return pr;
  }

  /** Two writers approve, bob merges; GitHub sends the closed event and the push to main. */
  async merge(pr: PullRecord): Promise<CommitRecord> {
    const { world } = this.sandbox;
    for (const login of ["bob", "carol"]) {
      world.addReview(pr, { user: login, state: "APPROVED" });
      await this.sandbox.deliver("pull_request_review", "submitted", { pr, sender: login });
    }
    expect(verdictOf(world, pr).conclusion).toBe("success");
    const merge = world.merge(pr, { by: "bob" });
    await this.sandbox.deliver("pull_request", "closed", { pr, sender: "bob" });
    await this.sandbox.deliver("push", undefined, { repo: this.repo, sender: "bob" });
    return merge;
  }

  /** Opens and merges `count` agent PRs; returns their merge commits. */
  async mergeSeveral(count: number): Promise<CommitRecord[]> {
    const merges: CommitRecord[] = [];
    for (let i = 0; i < count; i++) merges.push(await this.merge(await this.open()));
    return merges;
  }

  /** bob reverts a merge with `git revert` pushed straight to main. */
  async revertByPush(merge: CommitRecord): Promise<void> {
    const subject = merge.message.split("\n").find((line) => line.trim() !== "" && !line.startsWith("Merge pull request")) ?? "change";
    this.sandbox.world.commit(
      this.repo,
      "main",
      { message: `Revert "${subject}"\n\nThis reverts commit ${merge.sha}.\n`, author: { name: "Bob", email: this.sandbox.world.noreplyEmail("bob") } },
      { pusher: "bob" },
    );
    await this.sandbox.deliver("push", undefined, { repo: this.repo, sender: "bob" });
  }

  /** bob opens GitHub's "Revert" pull request for `pr` and merges it. */
  async revertByPullRequest(pr: PullRecord): Promise<void> {
    const { world } = this.sandbox;
    const revert = world.openPullRequest({
      repo: this.repo,
      author: "bob",
      head: `revert-${pr.number}-${pr.headRef.replace(/\//g, "-")}`,
      title: `Revert "${pr.title}"`,
      body: `Reverts ${this.repo}#${pr.number}`,
      commits: [{ message: `Revert "${pr.title}"\n\nThis reverts commit ${pr.mergeCommitSha}.\n` }],
    });
    await this.sandbox.deliver("pull_request", "opened", { pr: revert });
    world.merge(revert, { by: "bob" });
    await this.sandbox.deliver("pull_request", "closed", { pr: revert, sender: "bob" });
    await this.sandbox.deliver("push", undefined, { repo: this.repo, sender: "bob" });
  }

  /** Asks the app to evaluate `pr` again (the check run's "Re-run"). */
  async reevaluate(pr: PullRecord): Promise<void> {
    await this.sandbox.deliver("check_run", "rerequested", { pr });
  }

  verdict(pr: PullRecord) {
    return verdictOf(this.sandbox.world, pr);
  }
}

/**
 * A merged AI-assisted PR is recorded for its
 * agents, a human one is not, and a default-branch commit saying "This reverts commit <sha>"
 * counts a revert against the agent.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { openLedger, type Ledger } from "../../src/ledger/index.js";
import { CLAUDE_TRAILER, OWNER, REPO, SHA_1, pullRequestEvent, pushEvent, type PullRequestSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp } from "./harness.js";

const MERGE_SHA = "9999999ddddddddddddddddddddddddddddddddd";
const REVERT_SHA = "8888888eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
const MERGED_AT = "2025-06-02T10:00:00Z";

const merged = (message: string): PullRequestSpec => ({
  headSha: SHA_1,
  author: "alice",
  state: "MERGED",
  commits: [{ sha: SHA_1, message }],
});

function closedEvent(wasMerged: boolean) {
  const payload = pullRequestEvent("closed");
  payload.pull_request.state = "closed";
  payload.pull_request.merged = wasMerged;
  payload.pull_request.merged_at = wasMerged ? MERGED_AT : null;
  payload.pull_request.merge_commit_sha = MERGE_SHA;
  payload.pull_request.title = "Add a token-bucket limiter";
  payload.pull_request.body = "Adds a limiter.";
  return payload;
}

let h: Harness;
let ledger: Ledger;
beforeAll(() => nock.disableNetConnect());
afterAll(releaseNock);
beforeEach(async () => {
  ledger = await openLedger({ sqliteFile: ":memory:" });
  h = await startApp({ ledger });
  h.api.token();
});
afterEach(async () => {
  h.api.dispose();
  await ledger.close();
});

describe("evaluations", () => {
  it("records each decision with its head SHA and outcome", async () => {
    h.api
      .facts({ headSha: SHA_1, author: "alice", commits: [{ sha: SHA_1, message: `Add a limiter\n\n${CLAUDE_TRAILER}\n` }] })
      .listCheckRuns(SHA_1)
      .createCheckRun(1)
      .addLabels();

    await h.deliver("pull_request", pullRequestEvent("opened"));

    h.api.verify();
    const decisions = await ledger.decisions({ owner: OWNER, repo: REPO, pr: 7 });
    expect(decisions).toEqual([
      expect.objectContaining({ pr: 7, headSha: SHA_1, conclusion: "action_required", agents: ["claude-code"] }),
    ]);
  });
});

describe("pull_request.closed", () => {
  it("records the merge of an AI-assisted PR for its agents", async () => {
    h.api.facts(merged(`Add a limiter\n\n${CLAUDE_TRAILER}\n`)).pullsLeftBehind(closedEvent(true));

    await h.deliver("pull_request", closedEvent(true));

    h.api.verify();
    expect(await ledger.findMergeByPr({ owner: OWNER, repo: REPO }, 7)).toMatchObject({
      pr: 7,
      headSha: SHA_1,
      mergeCommitSha: MERGE_SHA,
      agents: ["claude-code"],
      mergedAt: new Date(MERGED_AT),
    });
  });

  it("does not record a human PR", async () => {
    h.api.facts(merged("Add a limiter")).pullsLeftBehind(closedEvent(true));

    await h.deliver("pull_request", closedEvent(true));

    h.api.verify();
    expect(await ledger.findMergeByPr({ owner: OWNER, repo: REPO }, 7)).toBeNull();
  });

  it("records nothing for a PR closed without merging (only its head's other pull requests are looked up)", async () => {
    h.api.pullsLeftBehind(closedEvent(false));

    await h.deliver("pull_request", closedEvent(false));

    h.api.verify();
    expect(h.api.calls().map((call) => `${call.method} ${call.path}`)).toEqual([`GET /repos/acme/api/commits/${SHA_1}/pulls?per_page=100`]);
    expect(await ledger.findMergeByPr({ owner: OWNER, repo: REPO }, 7)).toBeNull();
  });
});

describe("push to the default branch", () => {
  it('records a revert for "This reverts commit <sha>" of a recorded AI merge', async () => {
    h.api.facts(merged(`Add a limiter\n\n${CLAUDE_TRAILER}\n`)).pullsLeftBehind(closedEvent(true));
    await h.deliver("pull_request", closedEvent(true));

    await h.deliver(
      "push",
      pushEvent("refs/heads/main", [
        { id: REVERT_SHA, message: `Revert "Add a token-bucket limiter"\n\nThis reverts commit ${MERGE_SHA}.\n`, modified: ["src/limiter.ts"] },
      ]),
    );

    h.api.verify();
    const records = await ledger.trackRecords({ owner: OWNER, repo: REPO }, new Date("2025-01-01T00:00:00Z"));
    expect(records).toEqual([expect.objectContaining({ agent: "claude-code", merged: 1, reverted: 1 })]);
  });

  it("records nothing for a commit that reverts no recorded merge", async () => {
    h.api.facts(merged(`Add a limiter\n\n${CLAUDE_TRAILER}\n`)).pullsLeftBehind(closedEvent(true));
    await h.deliver("pull_request", closedEvent(true));

    await h.deliver("push", pushEvent("refs/heads/main", [{ id: REVERT_SHA, message: `This reverts commit ${"a".repeat(40)}.` }]));

    h.api.verify();
    const records = await ledger.trackRecords({ owner: OWNER, repo: REPO }, new Date("2025-01-01T00:00:00Z"));
    expect(records).toEqual([expect.objectContaining({ agent: "claude-code", merged: 1, reverted: 0 })]);
  });
});

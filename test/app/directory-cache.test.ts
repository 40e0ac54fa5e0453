/**
 * Team rosters are cached between evaluations (the API budget), and a membership or team webhook drops the cached roster so the next
 * evaluation reads the team again.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "@jest/globals";
import nock from "nock";
import { SHA_1, example, membershipEvent, pullRequestEvent, reviewEvent, type PullRequestSpec, type ReviewSpec } from "./fixtures.js";
import { type Harness, releaseNock, startApp } from "./harness.js";

const TEAM_POLICY = "version: 1\nrules:\n  - name: senior approval\n    when: { ai: any }\n    require:\n      approvals: 1\n      from: { teams: [senior-engineers] }\n";

const pullRequest = (reviews: ReviewSpec[] = []): PullRequestSpec => ({
  headSha: SHA_1,
  author: "alice",
  basePolicy: TEAM_POLICY,
  commits: [{ sha: SHA_1, message: "Refactor the limiter" }],
  reviews,
  reviewRequests: { teams: ["senior-engineers"] },
});

const DAVE_APPROVES: ReviewSpec[] = [{ by: "dave", state: "APPROVED", commit: SHA_1 }];

let h: Harness;
beforeAll(() => nock.disableNetConnect());
afterAll(releaseNock);
beforeEach(async () => {
  h = await startApp();
  h.api.token();
  // First evaluation: the roster is read once; Dave is not a member yet.
  h.api.facts(pullRequest(DAVE_APPROVES)).teamMembers("senior-engineers", ["carol"]).listCheckRuns(SHA_1).createCheckRun(1);
  await h.deliver("pull_request", pullRequestEvent("opened"));
});
afterEach(() => h.api.dispose());

function teamReads(): number {
  return h.api.calls().filter((call) => call.path.startsWith("/orgs/acme/teams/senior-engineers/members")).length;
}

describe("team rosters", () => {
  it("are read once and then served from the cache", async () => {
    h.api.facts(pullRequest(DAVE_APPROVES));
    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(teamReads()).toBe(1);
    expect(h.api.lastCheckRun().conclusion).toBe("action_required");
  });

  it.each([
    ["membership.added", () => ["membership", membershipEvent("senior-engineers")] as const],
    [
      "team.edited",
      () => {
        const payload = example("team", "edited");
        payload.installation = { id: 4242 };
        payload.organization.login = "acme";
        payload.team.slug = "senior-engineers";
        return ["team", payload] as const;
      },
    ],
  ])("are read again after %s", async (_event, event) => {
    const [name, payload] = event();
    const before = h.api.calls().length;
    await h.deliver(name, payload);
    expect(h.api.calls()).toHaveLength(before); // the webhook itself asks GitHub nothing

    // Dave joined the team: his approval now counts.
    h.api.facts(pullRequest(DAVE_APPROVES)).teamMembers("senior-engineers", ["carol", "dave"]).updateCheckRun(1);
    await h.deliver("pull_request_review", reviewEvent("submitted"));

    h.api.verify();
    expect(teamReads()).toBe(2);
    expect(h.api.lastCheckRun().conclusion).toBe("success");
  });
});

/** Approvals, one row per rule. The PR is AI-assisted, authored by @dev. */
import { describe, expect, it } from "@jest/globals";
import type { Policy } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import type { IgnoredReason, RuleStatus } from "../../src/policy/decision.js";
import { audienceText, ignoredText, needsText } from "../../src/report/reasons.js";
import { actor, aiCommit, commit, decide, facts, OLDER, person, policy, review, rule } from "./factories.js";

const seniors = policy({ rules: [rule({ name: "senior approval", require: { approvals: 1, from: { teams: ["senior-engineers"], users: [] } } })] });

interface Row {
  sentence: string;
  facts: Partial<PullRequestFacts>;
  policy?: Policy;
  status: RuleStatus;
  counted?: string[];
  ignored?: [string, IgnoredReason["code"]];
  blockedBy?: string[];
}

const rows: Row[] = [
  { sentence: "an approval on the head commit from a user with write permission counts", facts: { reviews: [review("alice", "APPROVED")] }, status: "met", counted: ["alice"] },
  { sentence: "without any approval the rule waits", facts: {}, status: "waiting", counted: [] },
  { sentence: "approval by the PR author does not count", facts: { author: actor("carol"), reviews: [review("carol", "APPROVED")] }, status: "waiting", ignored: ["carol", "pr-author"] },
  { sentence: "approval by a commit author does not count", facts: { commits: [aiCommit({ author: person("carol") })], reviews: [review("carol", "APPROVED")] }, status: "waiting", ignored: ["carol", "commit-author"] },
  { sentence: "approval by a committer does not count", facts: { commits: [aiCommit({ committer: person("carol") })], reviews: [review("carol", "APPROVED")] }, status: "waiting", ignored: ["carol", "committer"] },
  {
    sentence: "approval by a co-author (noreply e-mail with id) does not count",
    facts: { commits: [aiCommit(), commit({ sha: OLDER, message: "Tweak\n\nCo-authored-by: Carol <4242+carol@users.noreply.github.com>" })], reviews: [review("carol", "APPROVED")] },
    status: "waiting",
    ignored: ["carol", "co-author"],
  },
  {
    sentence: "approval by a co-author (noreply e-mail without id, odd casing, CRLF) does not count",
    facts: { commits: [aiCommit(), commit({ sha: OLDER, message: "Tweak\r\n\r\n  co-authored-by: Carol <Carol@users.noreply.github.com>\r\n" })], reviews: [review("carol", "APPROVED")] },
    status: "waiting",
    ignored: ["carol", "co-author"],
  },
  { sentence: "approval by a bot does not count", facts: { reviews: [review("renovate", "APPROVED", { bot: true })] }, status: "waiting", ignored: ["renovate", "bot"] },
  { sentence: "approval by an agent identity does not count, even as a user account", facts: { reviews: [review("copilot", "APPROVED")] }, status: "waiting", ignored: ["copilot", "agent"] },
  { sentence: "approval on an older commit is stale", facts: { reviews: [review("alice", "APPROVED", { on: OLDER })] }, status: "waiting", ignored: ["alice", "stale"] },
  { sentence: "approval without a known commit is stale", facts: { reviews: [review("alice", "APPROVED", { on: null })] }, status: "waiting", ignored: ["alice", "stale"] },
  {
    sentence: "a later CHANGES_REQUESTED withdraws an approval and blocks",
    facts: { reviews: [review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" }), review("alice", "CHANGES_REQUESTED", { at: "2025-01-01T11:00:00Z" })] },
    status: "failed",
    counted: [],
    blockedBy: ["alice"],
  },
  {
    sentence: "a dismissed approval does not count",
    facts: { reviews: [review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" }), review("alice", "DISMISSED", { at: "2025-01-01T11:00:00Z" })] },
    status: "waiting",
    counted: [],
  },
  { sentence: "an approval GitHub reports as DISMISSED does not count", facts: { reviews: [review("alice", "DISMISSED")] }, status: "waiting", counted: [] },
  {
    sentence: "a later COMMENTED keeps the approval",
    facts: { reviews: [review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" }), review("alice", "COMMENTED", { at: "2025-01-01T11:00:00Z" })] },
    status: "met",
    counted: ["alice"],
  },
  { sentence: "a COMMENTED review alone is not an approval", facts: { reviews: [review("alice", "COMMENTED")] }, status: "waiting", counted: [] },
  {
    sentence: "a later COMMENTED keeps a change request",
    facts: { reviews: [review("alice", "CHANGES_REQUESTED", { at: "2025-01-01T10:00:00Z" }), review("alice", "COMMENTED", { at: "2025-01-01T11:00:00Z" })] },
    status: "failed",
    blockedBy: ["alice"],
  },
  {
    sentence: "a later PENDING review keeps the approval",
    facts: { reviews: [review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" }), review("alice", "PENDING", { at: "2025-01-01T11:00:00Z" })] },
    status: "met",
    counted: ["alice"],
  },
  {
    sentence: "reviews are ordered by time, not by list order",
    facts: { reviews: [review("alice", "CHANGES_REQUESTED", { at: "2025-01-02T10:00:00Z" }), review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" })] },
    status: "failed",
    blockedBy: ["alice"],
  },
  {
    sentence: "an approval after a change request unblocks",
    facts: { reviews: [review("alice", "CHANGES_REQUESTED", { at: "2025-01-01T10:00:00Z" }), review("alice", "APPROVED", { at: "2025-01-01T11:00:00Z" })] },
    status: "met",
    counted: ["alice"],
  },
  {
    sentence: "a re-approval on the head commit replaces a stale one",
    facts: { reviews: [review("alice", "APPROVED", { on: OLDER, at: "2025-01-01T10:00:00Z" }), review("alice", "APPROVED", { at: "2025-01-01T11:00:00Z" })] },
    status: "met",
    counted: ["alice"],
  },
  { sentence: "a team member's approval counts for a team rule", policy: seniors, facts: { reviews: [review("alice", "APPROVED")] }, status: "met", counted: ["alice"] },
  { sentence: "a non-member's approval is ignored as not in team", policy: seniors, facts: { reviews: [review("carol", "APPROVED")] }, status: "waiting", ignored: ["carol", "not-in-team"] },
  {
    sentence: "a team member's CHANGES_REQUESTED blocks even when another member approved",
    policy: seniors,
    facts: { reviews: [review("alice", "APPROVED"), review("bob", "CHANGES_REQUESTED")] },
    status: "failed",
    counted: ["alice"],
    blockedBy: ["bob"],
  },
  { sentence: "a stale CHANGES_REQUESTED still blocks", policy: seniors, facts: { reviews: [review("bob", "CHANGES_REQUESTED", { on: OLDER })] }, status: "failed", blockedBy: ["bob"] },
  {
    sentence: "a CHANGES_REQUESTED from someone who could not approve the rule does not block",
    policy: seniors,
    facts: { reviews: [review("carol", "CHANGES_REQUESTED"), review("alice", "APPROVED")] },
    status: "met",
    blockedBy: [],
  },
  {
    sentence: "a team written as org/slug uses that organisation's roster",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: ["Other/Seniors"], users: [] } } })] }),
    facts: { reviews: [review("carol", "APPROVED")], directory: { teams: { "other/seniors": ["carol"] }, permissions: {} } },
    status: "met",
    counted: ["carol"],
  },
  {
    sentence: "a team the directory does not know has no members",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: ["ghosts"], users: [] } } })] }),
    facts: { reviews: [review("alice", "APPROVED")] },
    status: "waiting",
    ignored: ["alice", "not-in-team"],
  },
  {
    sentence: "a listed user qualifies whatever their permission (logins compared case-insensitively)",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: [], users: ["Dave"] } } })] }),
    facts: { reviews: [review("dave", "APPROVED")] },
    status: "met",
    counted: ["dave"],
  },
  {
    sentence: "an approver with less than the required permission is ignored",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: [], users: [], permission: "maintain" } } })] }),
    facts: { reviews: [review("carol", "APPROVED")] },
    status: "waiting",
    ignored: ["carol", "insufficient-permission"],
  },
  {
    sentence: "an approver with the required permission or more counts",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: [], users: [], permission: "maintain" } } })] }),
    facts: { reviews: [review("erin", "APPROVED")] },
    status: "met",
    counted: ["erin"],
  },
  {
    sentence: "teams, users and permission are alternatives: permission alone is enough",
    policy: policy({ rules: [rule({ require: { approvals: 1, from: { teams: ["senior-engineers"], users: ["zoe"], permission: "admin" } } })] }),
    facts: { reviews: [review("root", "APPROVED")] },
    status: "met",
    counted: ["root"],
  },
  { sentence: "without `from`, read permission is not enough", facts: { reviews: [review("dave", "APPROVED")] }, status: "waiting", ignored: ["dave", "insufficient-permission"] },
  { sentence: "without `from`, a user with no permission at all is ignored", facts: { reviews: [review("stranger", "APPROVED")] }, status: "waiting", ignored: ["stranger", "insufficient-permission"] },
  {
    sentence: "two approvals need two distinct approvers",
    policy: policy({ rules: [rule({ require: { approvals: 2, from: null } })] }),
    facts: { reviews: [review("alice", "APPROVED", { at: "2025-01-01T10:00:00Z" }), review("alice", "APPROVED", { at: "2025-01-01T11:00:00Z" })] },
    status: "waiting",
    counted: ["alice"],
  },
  {
    sentence: "two distinct approvers satisfy two approvals",
    policy: policy({ rules: [rule({ require: { approvals: 2, from: null } })] }),
    facts: { reviews: [review("alice", "APPROVED"), review("bob", "APPROVED")] },
    status: "met",
    counted: ["alice", "bob"],
  },
  { sentence: "approvals: 0 reports only", policy: policy({ rules: [rule({ require: { approvals: 0, from: null } })] }), facts: {}, status: "met", counted: [] },
];

describe("approvals", () => {
  it.each(rows)("$sentence", (row) => {
    const decision = decide({ policy: row.policy, facts: facts(row.facts) });
    const result = decision.rules[0];
    expect(result.status).toBe(row.status);
    if (row.counted) expect(result.counted.map((record) => record.login)).toEqual(row.counted);
    if (row.ignored) {
      expect(result.ignored.map((ignored) => [ignored.login, ignored.reason.code])).toContainEqual(row.ignored);
    }
    if (row.blockedBy) expect(result.changesRequestedBy).toEqual(row.blockedBy);
  });

  it("one approver may satisfy several rules", () => {
    const two = policy({
      rules: [
        rule({ name: "any writer" }),
        rule({ name: "senior", require: { approvals: 1, from: { teams: ["senior-engineers"], users: [] } } }),
      ],
    });
    const decision = decide({ policy: two, facts: facts({ reviews: [review("alice", "APPROVED")] }) });
    expect(decision.rules.map((result) => result.status)).toEqual(["met", "met"]);
  });

  it("a stale approval names both commits, shown as short SHAs", () => {
    const decision = decide({ facts: facts({ reviews: [review("alice", "APPROVED", { on: OLDER })] }) });
    const { reason } = decision.rules[0].ignored[0];
    expect(reason).toEqual({ code: "stale", approved: OLDER, head: decision.headSha });
    expect(ignoredText(reason)).toBe("approved 3f2a1c0, head is 9b8e7d6");
  });

  it("a co-author's approval names the commit and the trailer", () => {
    const message = "Tweak\n\nCo-authored-by: Carol <4242+carol@users.noreply.github.com>";
    const decision = decide({ facts: facts({ commits: [aiCommit(), commit({ sha: OLDER, message })], reviews: [review("carol", "APPROVED")] }) });
    const { reason } = decision.rules[0].ignored[0];
    expect(reason).toEqual({ code: "co-author", sha: OLDER, trailer: "Carol <4242+carol@users.noreply.github.com>" });
    expect(ignoredText(reason)).toBe("co-author of commit 3f2a1c0 (Co-authored-by: Carol <4242+carol@users.noreply.github.com>)");
  });

  it("a waiting rule says how many approvals it needs and from whom", () => {
    const decision = decide({ policy: seniors });
    expect(decision.rules[0].needs).toEqual({ code: "approvals-missing", missing: 1, more: false, from: { teams: [{ org: "acme", slug: "senior-engineers", name: "acme/senior-engineers" }], users: [] } });
    expect(needsText(decision.rules[0])).toBe("1 approval from @acme/senior-engineers");
    expect(audienceText(decision.rules[0].eligible)).toEqual(["@acme/senior-engineers"]);
  });
});

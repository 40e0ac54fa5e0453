/**
 * Counting approvals for one rule: each reviewer's standing review, on the head
 * commit, from someone the rule accepts and who is not an author, bot or agent. A standing
 * change request from someone the rule accepts blocks it.
 */
import type { PullRequestFacts } from "../facts.js";
import type { Authorship } from "./authorship.js";
import type { ApprovalRecord, IgnoredApproval, RuleResult } from "./decision.js";
import { normalizeLogin } from "../detect/login.js";
import { type Audience, type DirectoryAnswers, membership } from "./principals.js";
import type { NeedReason } from "./reasons.js";
import type { StandingReview } from "./reviews.js";

export interface ApprovalRequirement {
  required: number;
  audience: Audience;
  requestReview: boolean;
}

export interface ReviewSetting {
  facts: PullRequestFacts;
  authorship: Authorship;
  reviews: readonly StandingReview[];
  directory: DirectoryAnswers;
}

export type ApprovalVerdict = Omit<RuleResult, "name" | "why">;

export function judgeApprovals(requirement: ApprovalRequirement, setting: ReviewSetting): ApprovalVerdict {
  const { facts, authorship, directory } = setting;
  const counted: ApprovalRecord[] = [];
  const ignored: IgnoredApproval[] = [];
  const changesRequestedBy: string[] = [];

  for (const review of setting.reviews) {
    if (review.state === "DISMISSED") continue;
    const { login, commitId } = review;
    const barred = authorship.disqualify(review.author);
    const member = membership(login, requirement.audience, directory);
    // Object literals of one shape, not spreads: rules × reviewers of these per evaluation.
    if (review.state === "CHANGES_REQUESTED") {
      if (!barred && member.eligible) changesRequestedBy.push(login);
    } else if (barred) {
      ignored.push({ login, commitId, reason: barred });
    } else if (!member.eligible) {
      ignored.push({ login, commitId, reason: member.reason });
    } else if (commitId !== facts.headSha) {
      ignored.push({ login, commitId, reason: { code: "stale", approved: commitId, head: facts.headSha } });
    } else {
      counted.push({ login, commitId });
    }
  }

  const eligible = requirement.audience;
  const required = requirement.required;
  const missing = Math.max(0, required - counted.length);
  const status = required === 0 ? "met" : changesRequestedBy.length > 0 ? "failed" : missing === 0 ? "met" : "waiting";
  const needs: NeedReason | null =
    status === "failed"
      ? { code: "changes-requested", by: changesRequestedBy }
      : status === "waiting"
        ? { code: "approvals-missing", missing, more: counted.length > 0, from: eligible }
        : null;
  const requestReviewers =
    status === "waiting" && requirement.requestReview && !facts.draft
      ? reviewersToRequest(requirement.audience, setting, counted)
      : { users: [], teams: [] };
  return { status, needs, required, eligible, counted, ignored, changesRequestedBy, requestReviewers };
}

/** Named users and teams of the rule, never an author or co-author, never asked twice. */
function reviewersToRequest(
  audience: Audience,
  { facts, authorship }: ReviewSetting,
  counted: readonly ApprovalRecord[],
): { users: string[]; teams: string[] } {
  const requestedUsers = new Set(facts.requestedReviewers.users.map(normalizeLogin));
  const done = new Set(counted.map((record) => record.login));
  const users = audience.users.filter(
    (login) =>
      login !== authorship.prAuthor &&
      !authorship.commitAuthors.has(login) &&
      !authorship.committers.has(login) &&
      !authorship.coAuthors.has(login) &&
      !requestedUsers.has(login) &&
      !done.has(login),
  );
  // GitHub can only request teams of the PR's own organisation, by slug.
  const owner = facts.owner.toLowerCase();
  const requestedTeams = new Set(facts.requestedReviewers.teams.map((team) => team.toLowerCase().replace(/^.*\//, "")));
  const teams = audience.teams
    .filter((team) => team.org === owner && !requestedTeams.has(team.slug))
    .map((team) => team.slug);
  return { users, teams };
}

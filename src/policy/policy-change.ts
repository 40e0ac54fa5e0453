/**
 * A PR that changes a governance file needs a policy admin's approval, AI or
 * not, and its new version of the file is validated now, so a broken policy never merges.
 */
import type { Policy, PolicyBlob, PolicyError } from "../config/policy.js";
import { judgeApprovals, type ReviewSetting } from "./approvals.js";
import type { RuleResult } from "./decision.js";
import { policyAdmins } from "./principals.js";

export const POLICY_CHANGE_RULE = "policy change";

export interface PolicyChangeVerdict {
  rule: RuleResult | null;
  /** Errors in the PR's new version of the files, located in those files. */
  errors: PolicyError[];
}

export function judgePolicyChange(
  policy: Policy | null,
  setting: ReviewSetting,
  validate: (blob: PolicyBlob, options?: { role?: "repository" | "organization" }) => PolicyError[],
): PolicyChangeVerdict {
  const changes = setting.facts.policyChanges;
  if (changes.length === 0) return { rule: null, errors: [] };
  const why = changes.map((change) => (change.blob ? `changes ${change.path}` : `deletes ${change.path}`));
  const audience = policyAdmins(policy, setting.facts.owner);
  const verdict = judgeApprovals({ required: 1, audience, requestReview: true }, setting);
  // In the organisation's `.github` repository the file is the organisation default, which
  // may say `enforce` but not `extends`; anywhere else it is a repository file.
  const role = setting.facts.repo.toLowerCase() === ".github" ? "organization" : "repository";
  const errors = changes.flatMap((change) =>
    change.blob ? validate(change.blob, { role }).map((error) => ({ ...error, file: change.path })) : [],
  );
  return { rule: { name: POLICY_CHANGE_RULE, why, ...verdict }, errors };
}

/**
 * Break glass (SPEC §4.5): the override label passes the check only when the person who
 * applied it belongs to `override.by`; from anyone else it does nothing, and says so.
 */
import type { Policy } from "../config/policy.js";
import type { PullRequestFacts } from "../facts.js";
import type { Decision } from "./decision.js";
import { canonicalLogin } from "./login.js";
import { audienceOf, describeAudience, type Directory, membership } from "./principals.js";

export function judgeOverride(policy: Policy, facts: PullRequestFacts, directory: Directory): Decision["override"] {
  const override = policy.override;
  if (!override) return null;
  const label = facts.labels.find((candidate) => candidate.name.toLowerCase() === override.label.toLowerCase());
  if (!label) return null;
  const audience = audienceOf(override.by, "admin", facts.owner);
  const who = describeAudience(audience).join(" or ");
  const applier = label.appliedBy;
  if (!applier) {
    return { applied: false, by: null, detail: `override label ${override.label} applied by an unknown user, not known to be in ${who}; ignored` };
  }
  const login = canonicalLogin(applier.login);
  const member = membership(login, audience, directory);
  if (applier.isBot || !member.eligible) {
    return { applied: false, by: login, detail: `override label ${override.label} applied by @${login} who is not in ${who}; ignored` };
  }
  return { applied: true, by: login, detail: `override label ${override.label} applied by @${login} (${member.detail})` };
}

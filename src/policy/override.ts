/**
 * Break glass: the override label passes the check only when the person who applied it
 * belongs to `override.by`; from anyone else it does nothing, and says so.
 */
import type { Policy } from "../config/policy.js";
import { normalizeLogin } from "../detect/login.js";
import type { LabelFacts, PullRequestFacts } from "../facts.js";
import type { Decision } from "./decision.js";
import { type DirectoryAnswers, membership, overrideAudience } from "./principals.js";

type Override = NonNullable<Policy["override"]>;

/** The override label on the PR (GitHub label names are case-insensitive), if any. */
export function overrideLabel(override: Override, facts: Pick<PullRequestFacts, "labels">): LabelFacts | undefined {
  return facts.labels.find((candidate) => candidate.name.toLowerCase() === override.label.toLowerCase());
}

export function judgeOverride(policy: Policy, facts: PullRequestFacts, directory: DirectoryAnswers): Decision["override"] {
  const override = policy.override;
  if (!override) return null;
  const label = overrideLabel(override, facts);
  if (!label) return null;
  const audience = overrideAudience(override, facts.owner);
  const who = audience;
  const applier = label.appliedBy;
  if (!applier) {
    return { applied: false, by: null, reason: { code: "override-applier-unknown", label: override.label, audience: who } };
  }
  const login = normalizeLogin(applier.login);
  const member = membership(login, audience, directory);
  if (applier.isBot || !member.eligible) {
    return { applied: false, by: login, reason: { code: "override-applier-ineligible", label: override.label, by: login, audience: who } };
  }
  return { applied: true, by: login, reason: { code: "override-applied", label: override.label, by: login, via: member.via } };
}

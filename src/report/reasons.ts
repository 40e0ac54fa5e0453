/**
 * The engine's reasons in English: the one place that words them. The check run, `check`
 * (text and `--json`), `explain` and the audit record all call these, so they agree. Each
 * table is keyed by every code of its union: a new code does not compile until it is worded.
 */
import type { Audience } from "../policy/audience.js";
import type { Decision, GateResult, RuleResult, Unread } from "../policy/decision.js";
import type {
  CheckState,
  ConditionReason,
  Eligibility,
  GateReason,
  Headline,
  IgnoredReason,
  NeedReason,
  OverrideReason,
  Problem,
} from "../policy/reasons.js";

type Wording<Reason extends { code: string }> = { [Code in Reason["code"]]: (reason: Extract<Reason, { code: Code }>) => string };

function word<Reason extends { code: string }>(wording: Wording<Reason>, reason: Reason): string {
  return (wording[reason.code as Reason["code"]] as (reason: Reason) => string)(reason);
}

/** "a, b, c and 4 more" for one-line explanations; the full list stays in the result's data. */
export function listed(items: readonly string[], limit = 5): string {
  const shown = items.slice(0, limit).join(", ");
  return items.length > limit ? `${shown} and ${items.length - limit} more` : shown;
}

/** Gate details name at most three offenders; the full list is `gateOffenders`. */
const named = (items: readonly string[]): string => listed(items, 3);

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** Who can satisfy a rule: "@acme/seniors", "@alice", "users with write permission or more". */
export function audienceText(audience: Audience): string[] {
  return [
    ...audience.teams.map((team) => `@${team.name}`),
    ...audience.users.map((user) => `@${user}`),
    ...(audience.permission ? [`users with ${audience.permission} permission or more`] : []),
  ];
}

export function shortSha(sha: string | null): string {
  return sha ? sha.slice(0, 7) : "unknown commit";
}

const mentions = (logins: readonly string[]) => logins.map((login) => `@${login}`).join(", ");

const CONDITION: Wording<ConditionReason> = {
  ai: ({ wanted, aiAssisted, agents }) =>
    `ai: ${wanted} — ${aiAssisted ? `AI-assisted${agents.length > 0 ? ` (${listed(agents)})` : ""}` : "no AI involvement detected"}`,
  "agent-named": ({ agent, wanted }) => `agents: ${agent} is one of ${listed(wanted)}`,
  "no-agent-named": ({ wanted, agents }) => `agents: none of ${listed(wanted)} (agents: ${agents.length > 0 ? listed(agents) : "none"})`,
  "base-matched": ({ base, glob }) => `base: ${base} matches ${glob}`,
  "base-unmatched": ({ base, globs }) => `base: ${base} matches none of ${listed(globs)}`,
  "label-carried": ({ label }) => `labels: has ${label}`,
  "no-label-carried": ({ wanted }) => `labels: has none of ${listed(wanted)}`,
  "changed-lines": ({ changed, minimum }) => `min_changed_lines: ${changed} changed ${changed >= minimum ? "≥" : "<"} ${minimum}`,
  "paths-matched": ({ file, glob }) => `paths: ${file} matches ${glob}`,
  "paths-unmatched": ({ globs }) => `paths: no changed file matches ${listed(globs)}`,
  tier: ({ tier, wanted, holds }) => `tier: ${tier} ${holds ? "is" : "is not"} one of ${listed(wanted)}`,
  "policy-file-changed": ({ path }) => `changes ${path}`,
  "policy-file-deleted": ({ path }) => `deletes ${path}`,
};

export const conditionText = (reason: ConditionReason): string => word(CONDITION, reason);

const NEED: Wording<NeedReason> = {
  "changes-requested": ({ by }) => `changes requested by ${mentions(by)}`,
  "approvals-missing": ({ missing, more, from }) => `${missing} ${more ? "more " : ""}approval${missing === 1 ? "" : "s"} from ${audienceText(from).join(" or ")}`,
};

/** What a rule still needs, "" when nothing. */
export const needsText = (rule: Pick<RuleResult, "needs">): string => (rule.needs ? word(NEED, rule.needs) : "");

const checkText = ({ name, state, conclusion }: CheckState): string =>
  `${name} (${state === "failed" ? (conclusion ?? "no conclusion") : state === "pending" ? "pending" : "not reported yet"})`;

/** The files, commits or checks a gate's result names, one line each. */
export function gateOffenders(reason: GateReason): string[] {
  switch (reason.code) {
    case "changed-lines-over":
      return reason.largest.map((file) => `${file.path} (+${file.additions} −${file.deletions})`);
    case "forbidden-paths":
      return reason.paths;
    case "changed-without-test":
      return reason.files;
    case "agent-signoff":
      return reason.signOffs.map((signOff) => `${shortSha(signOff.sha)} ${signOff.trailer} (${signOff.agent})`);
    case "required-checks-failed":
    case "required-checks-pending":
      return reason.checks.map(checkText);
    default:
      return [];
  }
}

const GATE: Wording<GateReason> = {
  "changed-lines-within": ({ changed, limit }) => `${changed} changed lines ≤ ${limit}`,
  "changed-lines-over": (reason) => `${reason.changed} changed lines > ${reason.limit} (largest: ${named(gateOffenders(reason))})`,
  "changed-files-within": ({ count: files, limit }) => `${files} changed files ≤ ${limit}`,
  "changed-files-over": ({ count: files, limit }) => `${files} changed files > ${limit}`,
  "no-forbidden-path": () => "no forbidden path changed",
  "forbidden-paths": ({ paths }) => (paths.length === 1 ? `forbidden path ${paths[0]}` : `${count(paths.length, "forbidden path")}: ${named(paths)}`),
  "no-test-required": () => "no file that requires tests changed",
  "changed-with-test": ({ file, test }) => `${file} changed with ${test}`,
  "changed-without-test": ({ files, globs }) => `${named(files)} changed without a test (nothing matches ${globs.join(", ")})`,
  "no-agent-signoff": () => "no agent signed off",
  "agent-signoff": (reason) => `agent sign-off in ${named(gateOffenders(reason))}`,
  "required-checks-failed": (reason) => `required check failed: ${named(gateOffenders(reason))}`,
  "required-checks-pending": (reason) => `waiting for ${named(gateOffenders(reason))}`,
  "required-checks-passed": ({ names }) => `${named(names)} succeeded`,
};

export const gateText = (gate: Pick<GateResult, "reason">): string => word(GATE, gate.reason);

/** The short label of why an approval did not count, before its detail. */
export const IGNORED_LABEL: Record<IgnoredReason["code"], string> = {
  "pr-author": "PR author",
  "commit-author": "commit author",
  committer: "committer",
  "co-author": "co-author",
  bot: "bot",
  agent: "agent",
  stale: "stale",
  "not-in-team": "not eligible",
  "insufficient-permission": "insufficient permission",
};

function refusalText(reason: Extract<IgnoredReason, { code: "not-in-team" | "insufficient-permission" }>): string {
  const missing: string[] = [];
  if (reason.teams.length > 0) missing.push(`not a member of ${reason.teams.map((team) => `@${team}`).join(" or ")}`);
  if (reason.usersListed) missing.push("not listed in users");
  if (reason.needs !== null) missing.push(`${reason.has} permission, needs ${reason.needs}`);
  return missing.join("; ");
}

const IGNORED: Wording<IgnoredReason> = {
  "pr-author": () => "author of the pull request",
  "commit-author": ({ sha }) => `author of commit ${shortSha(sha)}`,
  committer: ({ sha }) => `committer of commit ${shortSha(sha)}`,
  "co-author": ({ sha, trailer }) => `co-author of commit ${shortSha(sha)} (Co-authored-by: ${trailer})`,
  bot: () => "bots never approve",
  agent: ({ agent }) => `agent identity (${agent})`,
  stale: ({ approved, head }) => `approved ${shortSha(approved)}, head is ${shortSha(head)}`,
  "not-in-team": refusalText,
  "insufficient-permission": refusalText,
};

/** e.g. "approved 3f2a1c0, head is 9b8e7d6" or "not a member of @acme/senior-engineers". */
export const ignoredText = (reason: IgnoredReason): string => word(IGNORED, reason);

const ELIGIBILITY: Wording<Eligibility> = {
  "listed-user": () => "listed in users",
  "team-member": ({ team }) => `member of @${team}`,
  permission: ({ permission }) => `${permission} permission`,
};

const OVERRIDE: Wording<OverrideReason> = {
  "override-applied": ({ label, by, via }) => `override label ${label} applied by @${by} (${word(ELIGIBILITY, via)})`,
  "override-applier-unknown": ({ label, audience }) =>
    `override label ${label} applied by an unknown user, not known to be in ${audienceText(audience).join(" or ")}; ignored`,
  "override-applier-ineligible": ({ label, by, audience }) => `override label ${label} applied by @${by} who is not in ${audienceText(audience).join(" or ")}; ignored`,
};

export const overrideText = (reason: OverrideReason): string => word(OVERRIDE, reason);

/** "GitHub listed 3000 of 3006 files". */
export function unreadText({ what, read, total }: Unread): string {
  return `GitHub listed ${read} of ${total} ${what}`;
}

const PROBLEM: Wording<Problem> = {
  unread: (part) => `Could not read the whole pull request: ${unreadText(part)}`,
  "policy-invalid": ({ errors }) => `Policy is invalid — ${count(errors, "error")}`,
  "new-policy-invalid": ({ errors }) => `The new policy is invalid — ${count(errors, "error")}`,
  "gate-failed": ({ gate }) => `Gate failed: ${word(GATE, gate)}`,
  "changes-requested": ({ by, rule }) => `Changes requested by ${mentions(by)} (${rule})`,
};

function withMore(first: string, others: number, noun: string): string {
  return others > 0 ? `${first} (and ${count(others, noun)})` : first;
}

const HEADLINE: Wording<Headline> = {
  overridden: ({ by }) => `Overridden by @${by}`,
  problems: ({ problems }) => withMore(word(PROBLEM, problems[0]), problems.length - 1, "more problem"),
  "checks-pending": ({ checks }) => `Waiting for required checks: ${checks.map(checkText).join(", ")}`,
  "approvals-waiting": ({ missing, from, otherRules }) =>
    withMore(`Waiting for ${count(missing, "approval")} from ${audienceText(from).join(" or ")}`, otherRules, "more rule"),
  approved: ({ by }) => `Passed: approved by ${mentions(by)}`,
  "passed-ai-assisted": () => "Passed: AI-assisted, no rule requires an approval",
  "passed-no-ai": () => "Passed: no AI involvement detected",
  "evaluation-failed": ({ error }) => `Evaluation failed: ${error}`,
};

const TITLE_LIMIT = 200;

/** The check run's title: the headline on one line, at most 200 characters. */
export function decisionTitle(decision: Pick<Decision, "headline">): string {
  const flat = word(HEADLINE, decision.headline).replace(/\s+/g, " ").trim();
  if (decision.headline.code === "evaluation-failed") return flat.slice(0, TITLE_LIMIT);
  return flat.length > TITLE_LIMIT ? `${flat.slice(0, TITLE_LIMIT - 1)}…` : flat;
}

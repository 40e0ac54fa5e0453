/** The engine states which rosters and permissions it may look at, and the least permission each check asks. */
import { describe, expect, it } from "@jest/globals";
import type { Policy } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { directoryQuestions } from "../../src/policy/directory-questions.js";
import { actor, commit, facts, person, policy, review, rule } from "./factories.js";

function ask(inForce: Policy, changes: Partial<PullRequestFacts> = {}) {
  const { directory: _unused, ...rest } = facts(changes);
  return directoryQuestions(inForce, rest);
}

const writers = rule({ require: { approvals: 1, from: null } });
const maintainers = rule({ require: { approvals: 1, from: { teams: [], users: [], permission: "maintain" } } });
const seniors = rule({ require: { approvals: 1, from: { teams: ["senior-engineers"], users: [] } } });
const policyChange = { policyChanges: [{ path: ".agent-governance.yml", blob: null }] };

describe("directory questions", () => {
  it("asks for every team the policy names, parsed once, and the logins whose standing matters", () => {
    const full = policy({
      rules: [rule({ require: { approvals: 1, from: { teams: ["Senior-Engineers", "other/x", "@acme/senior-engineers"], users: [] } } })],
      policy_admins: { teams: ["platform-leads"], users: [] },
      override: { label: "governance-override", by: { teams: ["incident-commanders"], users: [] } },
    });
    const questions = ask(full, {
      labels: [{ name: "governance-override", appliedBy: actor("Ivy") }],
      reviews: [review("alice", "APPROVED"), review("bob", "CHANGES_REQUESTED"), review("carol", "COMMENTED"), review("renovate", "APPROVED", { bot: true })],
      commits: [commit({ author: person("dev") })],
    });
    expect(questions).toEqual({
      teams: [
        { org: "acme", slug: "incident-commanders", name: "acme/incident-commanders" },
        { org: "acme", slug: "platform-leads", name: "acme/platform-leads" },
        { org: "acme", slug: "senior-engineers", name: "acme/senior-engineers" },
        { org: "other", slug: "x", name: "other/x" },
      ],
      logins: ["alice", "bob", "ivy"],
      thresholds: [],
    });
  });

  it.each<[string, Policy, Partial<PullRequestFacts>, string[]]>([
    ["a rule without `from` needs write", policy({ rules: [writers] }), {}, ["write"]],
    ["a rule with a permission needs it", policy({ rules: [maintainers] }), {}, ["maintain"]],
    ["a team-only rule needs no permission", policy({ rules: [seniors] }), {}, []],
    ["a report-only rule (0 approvals) needs nothing", policy({ rules: [rule({ require: { approvals: 0, from: null } })] }), {}, []],
    ["policy admins default to admin when the PR changes the policy", policy({ rules: [] }), policyChange, ["admin"]],
    ["policy admins do not matter when the policy is untouched", policy({ rules: [] }), {}, []],
    [
      "the override's principals matter once its label is on the PR",
      policy({ rules: [], override: { label: "governance-override", by: { teams: [], users: [], permission: "maintain" } } }),
      { labels: [{ name: "Governance-Override", appliedBy: null }] },
      ["maintain"],
    ],
  ])("thresholds: %s", (_name, inForce, changes, expected) => {
    expect(ask(inForce, changes).thresholds).toEqual(expected);
  });
});

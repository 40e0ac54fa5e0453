/** The outcome: conclusion, title, override, policy changes, label, review requests. */
import { describe, expect, it } from "@jest/globals";
import type { PolicyBlob } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { detectUnder, evaluate } from "../../src/policy/evaluate.js";
import { actor, aiCommit, commit, decide, facts, humanFacts, invalid, loaded, person, policy, review, rule } from "./factories.js";
import { audienceText, conditionText, decisionTitle, overrideText } from "../../src/report/reasons.js";

const blob = (text: string): PolicyBlob => ({ path: ".agent-governance.yml", text, byteSize: text.length, oid: "b1" });
const policyChange = (text: string | null): PullRequestFacts["policyChanges"] => [{ path: ".agent-governance.yml", blob: text === null ? null : blob(text) }];
const withOverride = policy({ override: { label: "governance-override", by: { teams: ["incident-commanders"], users: [] } } });
const overrideLabel = (login: string | null) => [{ name: "governance-override", appliedBy: login === null ? null : actor(login) }];
const commanders = { teams: { "acme/incident-commanders": ["ivy"] }, permissions: { alice: "write" as const } };

describe("conclusion and title", () => {
  const rows: { sentence: string; facts: PullRequestFacts; conclusion: string; title: string }[] = [
    { sentence: "a human-only PR with no applicable rule passes", facts: humanFacts(), conclusion: "success", title: "Passed: no AI involvement detected" },
    { sentence: "an AI-assisted PR without approval waits", facts: facts(), conclusion: "action_required", title: "Waiting for 1 approval from users with write permission or more" },
    { sentence: "an approved AI-assisted PR passes and names the approver", facts: facts({ reviews: [review("alice", "APPROVED")] }), conclusion: "success", title: "Passed: approved by @alice" },
    { sentence: "changes requested fail the check", facts: facts({ reviews: [review("bob", "CHANGES_REQUESTED")] }), conclusion: "failure", title: "Changes requested by @bob (AI approval)" },
  ];
  it.each(rows)("$sentence", (row) => {
    const decision = decide({ facts: row.facts });
    expect([decision.conclusion, decisionTitle(decision)]).toEqual([row.conclusion, row.title]);
  });

  it("a failed gate outranks changes requested and counts the other problems", () => {
    const decision = decide({
      policy: policy({ gates: { forbidden_paths: ["src/**"], required_checks: [], forbid_agent_signoff: false } }),
      facts: facts({ reviews: [review("bob", "CHANGES_REQUESTED")] }),
    });
    expect(decisionTitle(decision)).toBe("Gate failed: forbidden path src/parser.ts (and 1 more problem)");
  });

  it("the waiting title names the first waiting rule and counts the others", () => {
    const decision = decide({
      policy: policy({ rules: [rule({ name: "senior", require: { approvals: 2, from: { teams: ["senior-engineers"], users: [] } } }), rule({ name: "any" })] }),
    });
    expect(decisionTitle(decision)).toBe("Waiting for 2 approvals from @acme/senior-engineers (and 1 more rule)");
  });

  it("an AI-assisted PR that no rule requires approval for passes", () => {
    const decision = decide({ policy: policy({ rules: [] }) });
    expect([decision.conclusion, decisionTitle(decision)]).toEqual(["success", "Passed: AI-assisted, no rule requires an approval"]);
  });

  it("an engine failure fails closed", () => {
    const detection = { ...detectUnder(loaded(), facts()), agents: null as unknown as string[] };
    const decision = evaluate(loaded(), facts(), detection, { agents: {} });
    expect(decision.conclusion).toBe("failure");
    expect(decisionTitle(decision)).toMatch(/^Evaluation failed: /);
  });
});

describe("a bad policy fails closed", () => {
  const errors = [
    { file: ".agent-governance.yml", line: 3, column: 1, message: "unknown key `rule` — did you mean `rules`?" },
    { file: ".agent-governance.yml", line: 7, column: 5, message: "approvals must be a number" },
  ];

  it("an invalid policy fails even a human-only PR, counting the errors", () => {
    const decision = decide({ policy: invalid(errors), facts: humanFacts() });
    expect([decision.conclusion, decisionTitle(decision)]).toEqual(["failure", "Policy is invalid — 2 errors"]);
  });

  it("its errors keep their line and column and become annotations on the policy file", () => {
    const decision = decide({ policy: invalid(errors) });
    expect(decision.policyErrors).toEqual(errors);
    expect(decision.annotations[0]).toMatchObject({ about: "policy", path: ".agent-governance.yml", start_line: 3, end_line: 3, start_column: 1 });
  });

  it("the summary still lists the AI signals", () => {
    expect(decide({ policy: invalid(errors) }).detection.aiAssisted).toBe(true);
  });

  it("errors in the organisation's file are not annotated in this repository", () => {
    const decision = decide({ policy: invalid([{ file: "acme/.github:.agent-governance.yml", line: 1, column: 1, message: "bad" }]) });
    expect(decision.annotations).toEqual([]);
  });
});

describe("policy changes", () => {
  it("a policy change needs a policy admin even on a human PR", () => {
    const decision = decide({ facts: humanFacts({ policyChanges: policyChange("version: 1\n") }) });
    expect(decision.conclusion).toBe("action_required");
    expect(decision.rules.at(-1)).toMatchObject({ name: "policy change", status: "waiting", eligible: { teams: [], users: [], permission: "admin" } });
    expect(audienceText(decision.rules.at(-1)!.eligible)).toEqual(["users with admin permission or more"]);
  });

  it("a write user's approval does not satisfy it", () => {
    const decision = decide({ facts: humanFacts({ policyChanges: policyChange("version: 1\n"), reviews: [review("alice", "APPROVED")] }) });
    expect(decision.rules.at(-1)?.status).toBe("waiting");
  });

  it("an admin's approval satisfies it", () => {
    const decision = decide({ facts: humanFacts({ policyChanges: policyChange("version: 1\n"), reviews: [review("root", "APPROVED")] }) });
    expect(decision.conclusion).toBe("success");
  });

  it("policy_admins replace the admin default", () => {
    const admins = policy({ policy_admins: { teams: ["platform-leads"], users: [] } });
    const decision = decide({ policy: admins, facts: humanFacts({ policyChanges: policyChange(null) }) });
    expect(decision.rules.at(-1)?.eligible).toEqual({ teams: [{ org: "acme", slug: "platform-leads", name: "acme/platform-leads" }], users: [] });
    expect(audienceText(decision.rules.at(-1)!.eligible)).toEqual(["@acme/platform-leads"]);
  });

  it("a deleted policy file needs the same approval", () => {
    const decision = decide({ facts: humanFacts({ policyChanges: policyChange(null) }) });
    const why = decision.rules.at(-1)?.why ?? [];
    expect(why).toEqual([{ code: "policy-file-deleted", path: ".agent-governance.yml" }]);
    expect(why.map(conditionText)).toEqual(["deletes .agent-governance.yml"]);
  });

  it("the new policy is validated: errors fail the check and annotate the new file", () => {
    const decision = decide({ facts: humanFacts({ policyChanges: policyChange("# policy\nversion: 2\n"), reviews: [review("root", "APPROVED")] }) });
    expect([decision.conclusion, decisionTitle(decision)]).toEqual(["failure", "The new policy is invalid — 1 error"]);
    expect(decision.annotations).toEqual([
      expect.objectContaining({ about: "proposal", path: ".agent-governance.yml", start_line: 2, start_column: 10, message: "`version` must be `1`, got `2`" }),
    ]);
  });
});

describe("override", () => {
  it("override by a member of override.by passes the check", () => {
    const decision = decide({ policy: withOverride, facts: facts({ labels: overrideLabel("ivy"), directory: commanders }) });
    expect([decision.conclusion, decisionTitle(decision)]).toEqual(["success", "Overridden by @ivy"]);
    expect(decision.override).toMatchObject({ applied: true, by: "ivy" });
  });

  it("override still lists everything else", () => {
    const decision = decide({ policy: withOverride, facts: facts({ labels: overrideLabel("ivy"), directory: commanders }) });
    expect(decision.rules[0].status).toBe("waiting");
  });

  it("override by a non-member is ignored and says so", () => {
    const decision = decide({ policy: withOverride, facts: facts({ labels: overrideLabel("alice"), directory: commanders }) });
    expect(decision.conclusion).toBe("action_required");
    expect(decision.override).toEqual({
      applied: false,
      by: "alice",
      reason: { code: "override-applier-ineligible", label: "governance-override", by: "alice", audience: { teams: [{ org: "acme", slug: "incident-commanders", name: "acme/incident-commanders" }], users: [] } },
    });
    expect(overrideText(decision.override!.reason)).toBe(
      "override label governance-override applied by @alice who is not in @acme/incident-commanders; ignored",
    );
  });

  it("override applied by an unknown user is ignored", () => {
    const decision = decide({ policy: withOverride, facts: facts({ labels: overrideLabel(null), directory: commanders }) });
    expect([decision.conclusion, decision.override?.applied]).toEqual(["action_required", false]);
  });

  it("without the label there is nothing to say", () => {
    expect(decide({ policy: withOverride }).override).toBeNull();
  });
});

describe("label", () => {
  it("adds the label to an AI-assisted PR", () => {
    expect(decide().label).toEqual({ add: "ai-assisted", remove: null });
  });

  it("does not add it twice", () => {
    expect(decide({ facts: facts({ labels: [{ name: "AI-Assisted", appliedBy: actor("agent-governance", true) }] }) }).label).toEqual({ add: null, remove: null });
  });

  it("removes its own label when the PR is no longer AI-assisted", () => {
    const decision = decide({ facts: humanFacts({ labels: [{ name: "ai-assisted", appliedBy: actor("agent-governance", true) }] }) });
    expect(decision.label).toEqual({ add: null, remove: "ai-assisted" });
  });

  it("never touches labels when the policy says label: false", () => {
    expect(decide({ policy: policy({ label: false }) }).label).toEqual({ add: null, remove: null });
  });
});

describe("review requests", () => {
  const named = policy({ rules: [rule({ require: { approvals: 1, from: { teams: ["senior-engineers", "other/outsiders"], users: ["alice", "carol", "dev", "bob"] } } })] });

  it("requests the waiting rule's teams and users, never the author, a co-author or someone already requested", () => {
    const decision = decide({
      policy: named,
      facts: facts({
        commits: [aiCommit({ message: "Fix\n\nCo-authored-by: Carol <7+carol@users.noreply.github.com>\nCo-Authored-By: Claude <noreply@anthropic.com>" })],
        requestedReviewers: { users: ["bob"], teams: [] },
      }),
    });
    expect(decision.reviewRequests).toEqual({ users: ["alice"], teams: ["senior-engineers"] });
  });

  it("never requests reviews on drafts", () => {
    expect(decide({ policy: named, facts: facts({ draft: true }) }).reviewRequests).toEqual({ users: [], teams: [] });
  });

  it("does not request when request_review is false", () => {
    const quiet = policy({ rules: [{ ...named.rules[0], request_review: false }] });
    expect(decide({ policy: quiet }).reviewRequests).toEqual({ users: [], teams: [] });
  });

  it("does not request again a team already requested", () => {
    const decision = decide({ policy: named, facts: facts({ requestedReviewers: { users: [], teams: ["acme/senior-engineers"] } }) });
    expect(decision.reviewRequests.teams).toEqual([]);
  });
});

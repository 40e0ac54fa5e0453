import { describe, expect, it } from "@jest/globals";
import { decisionRecordFrom } from "../../src/report/decision-record.js";
import type { Decision, RuleResult } from "../../src/policy/decision.js";

const HEAD = "9b8e7d6c5b4a39281706f5e4d3c2b1a0f9e8d7c6";
const OLD = "3f2a1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a49";
const NOW = new Date("2026-06-01T00:00:00Z");

function rule(name: string, overrides: Partial<RuleResult>): RuleResult {
  return {
    name,
    status: "met",
    why: [],
    needs: null,
    required: 1,
    eligible: { teams: [], users: [] },
    counted: [],
    ignored: [],
    changesRequestedBy: [],
    requestReviewers: { users: [], teams: [] },
    ...overrides,
  };
}

const DECISION = {
  conclusion: "action_required",
  headline: { code: "approvals-waiting", missing: 1, from: { teams: [{ org: "acme", slug: "seniors", name: "acme/seniors" }], users: [] }, otherRules: 0 },
  headSha: HEAD,
  policySource: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: [OLD] },
  policyErrors: [],
  detection: { aiAssisted: true },
  tier: "new",
  agents: [{ agent: "claude-code", tier: "new", merged: 0, reverted: 0, windowDays: 90 }],
  rules: [
    rule("senior-review", {
      status: "waiting",
      eligible: { teams: [{ org: "acme", slug: "seniors", name: "acme/seniors" }, { org: "acme", slug: "platform", name: "acme/platform" }], users: ["dave"] },
      counted: [{ login: "alice", commitId: HEAD }],
      ignored: [{ login: "bob", commitId: OLD, reason: { code: "stale", approved: OLD, head: HEAD } }],
    }),
    rule("any-review", { counted: [{ login: "carol", commitId: HEAD }] }),
  ],
  gates: [{ name: "forbidden_paths", status: "passed", reason: { code: "no-forbidden-path" } }],
  override: { applied: false, by: "mallory", reason: { code: "override-applier-ineligible", label: "break-glass", by: "mallory", audience: { teams: [{ org: "acme", slug: "oncall", name: "acme/oncall" }], users: [] } } },
  reviewRequests: { users: [], teams: [] },
  label: { add: null, remove: null },
  annotations: [],
} as unknown as Decision;

describe("the audit record of a decision", () => {
  const record = decisionRecordFrom(DECISION, { owner: "acme", repo: "api", number: 7 }, NOW);

  it("words the headline as the check run's title", () => {
    expect(record.title).toBe("Waiting for 1 approval from @acme/seniors");
  });

  it("identifies the PR, head SHA, policy version, outcome and time", () => {
    expect([record.owner, record.repo, record.pr, record.headSha, record.policy.blobShas, record.conclusion, record.at]).toEqual([
      "acme",
      "api",
      7,
      HEAD,
      [OLD],
      "action_required",
      NOW,
    ]);
  });

  it("lists every counted approver with the rule and SHA they approved", () => {
    expect(record.counted).toEqual([
      { rule: "senior-review", login: "alice", commitId: HEAD },
      { rule: "any-review", login: "carol", commitId: HEAD },
    ]);
  });

  it("lists every ignored approver with the reason's code and its wording", () => {
    expect(record.ignored).toEqual([
      { rule: "senior-review", login: "bob", commitId: OLD, reason: "stale", detail: "approved 3f2a1c0, head is 9b8e7d6" },
    ]);
  });

  it("keeps each rule's status and each gate's, and the teams whose approval a rule asks for (none when only users or a permission can approve)", () => {
    expect([record.rules, record.gates]).toEqual([
      [
        { name: "senior-review", status: "waiting", teams: ["acme/seniors", "acme/platform"] },
        { name: "any-review", status: "met", teams: [] },
      ],
      [{ name: "forbidden_paths", status: "passed" }],
    ]);
  });

  it("keeps a refused override attempt", () => {
    expect(record.override).toEqual({
      applied: false,
      by: "mallory",
      detail: "override label break-glass applied by @mallory who is not in @acme/oncall; ignored",
    });
  });

  it("names the agents by id", () => {
    expect(record.agents).toEqual(["claude-code"]);
  });
});

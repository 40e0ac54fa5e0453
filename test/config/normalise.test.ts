import { describe, expect, it } from "@jest/globals";
import { DEFAULT_POLICY, resolvePolicy } from "../../src/config/load.js";
import type { Policy } from "../../src/config/policy.js";
import { FULL_EXAMPLE_REPO, policyBlob } from "./fixtures.js";

/** The policy a repository file alone produces. */
function policyOf(text: string): Policy {
  const loaded = resolvePolicy({ repository: policyBlob(text), organization: null });
  if (!loaded.ok) throw new Error(`expected a valid policy, got ${JSON.stringify(loaded.errors)}`);
  return loaded.policy;
}

const BUILT_IN_DETECTION = {
  catalog: true,
  bots: [],
  trailers: ["Assisted-by", "Generated-by", "AI-Assisted"],
  co_authors: [],
  labels: ["ai-assisted"],
  branches: [],
  not_ai: ["dependabot[bot]", "renovate[bot]", "github-actions[bot]", "pre-commit-ci[bot]"],
  count: ["declared", "identity", "inferred"],
  unknown_bots: "report",
  reviewers: "ai",
};

describe("the built-in default policy", () => {
  it("has the catalogue on, labels `ai-assisted`, and needs 1 approval from write or more on AI-assisted PRs; no gates, no autonomy", () => {
    expect(DEFAULT_POLICY).toEqual({
      version: 1,
      detection: BUILT_IN_DETECTION,
      label: "ai-assisted",
      rules: [
        {
          name: "AI-assisted change needs review",
          when: { ai: true },
          require: { approvals: 1, from: null },
          request_review: true,
        },
      ],
      gates: { forbidden_paths: [], forbidden_paths_case_sensitive: false, required_checks: [], forbid_agent_signoff: false },
      autonomy: null,
      policy_admins: null,
      override: null,
    });
  });

  it("is what a file with only `version: 1` means", () => {
    expect(policyOf("version: 1\n")).toEqual(DEFAULT_POLICY);
  });

  it("cannot be changed by a consumer by accident", () => {
    expect(Object.isFrozen(DEFAULT_POLICY.rules[0].require)).toBe(true);
  });
});

describe("defaults are filled in", () => {
  it("detection keys left out keep their defaults; those given replace the list", () => {
    expect(policyOf("version: 1\ndetection:\n  bots: ['acme-coder[bot]']\n  catalog: false\n").detection).toEqual({
      ...BUILT_IN_DETECTION,
      catalog: false,
      bots: ["acme-coder[bot]"],
    });
  });

  it("`rules: []` needs no approvals at all", () => {
    expect(policyOf("version: 1\nrules: []\n").rules).toEqual([]);
  });

  it("a rule with only a name applies to AI-assisted PRs, needs 1 approval from write or more, and requests reviews", () => {
    expect(policyOf("version: 1\nrules:\n  - name: r\n").rules).toEqual([
      { name: "r", when: { ai: true }, require: { approvals: 1, from: null }, request_review: true },
    ]);
  });

  it("`when` without `ai` means AI-assisted PRs; only the conditions written are present", () => {
    expect(policyOf("version: 1\nrules:\n  - when: {paths: [src/**]}\n").rules[0].when).toEqual({ ai: true, paths: ["src/**"] });
  });

  it("an unnamed rule is named by its position", () => {
    expect(policyOf("version: 1\nrules:\n  - name: a\n  - {}\n").rules.map((r) => r.name)).toEqual(["a", "rule 2"]);
  });

  it("`from` fills the missing lists and keeps the permission only when given", () => {
    const rules = policyOf("version: 1\nrules:\n  - require: {from: {teams: [seniors]}}\n  - require: {from: {permission: maintain}}\n").rules;
    expect(rules.map((r) => r.require.from)).toEqual([
      { teams: ["seniors"], users: [] },
      { teams: [], users: [], permission: "maintain" },
    ]);
  });

  it("an empty `from` is the same as none: write permission or more", () => {
    expect(policyOf("version: 1\nrules:\n  - require: {from: {}}\n").rules[0].require.from).toBeNull();
  });

  it("gates left out are absent, or their schema default", () => {
    expect(policyOf("version: 1\ngates: {max_changed_files: 20}\n").gates).toEqual({
      max_changed_files: 20,
      forbidden_paths: [],
      forbidden_paths_case_sensitive: false,
      required_checks: [],
      forbid_agent_signoff: false,
    });
  });

  it("an autonomy section fills window, scope and demotion", () => {
    expect(policyOf("version: 1\nautonomy: {}\n").autonomy).toEqual({
      window_days: 90,
      scope: "repository",
      tiers: [],
      demote_on_revert_days: 14,
    });
  });

  it("`label: false` means no label", () => {
    expect(policyOf("version: 1\nlabel: false\n").label).toBe(false);
  });

  it("the full example normalises key by key", () => {
    expect(policyOf(FULL_EXAMPLE_REPO.replace(/^extends: .*\n/m, ""))).toEqual({
      version: 1,
      detection: BUILT_IN_DETECTION,
      label: "ai-assisted",
      rules: [
        {
          name: "senior approval",
          when: {
            ai: true,
            agents: ["copilot", "claude-code"],
            paths: ["src/**"],
            base: ["main", "release/*"],
            labels: ["needs-senior"],
            tier: ["new"],
            min_changed_lines: 1,
          },
          require: { approvals: 1, from: { teams: ["senior-engineers"], users: ["alice"], permission: "maintain" } },
          request_review: true,
        },
      ],
      gates: {
        max_changed_lines: 1000,
        max_changed_files: 50,
        forbidden_paths: [".github/workflows/**", "**/*.pem"],
        forbidden_paths_case_sensitive: false,
        tests: { when_changed: ["src/**"], require_changed: ["test/**", "**/*.test.*"] },
        required_checks: ["build", "test"],
        forbid_agent_signoff: true,
      },
      autonomy: {
        window_days: 90,
        scope: "repository",
        tiers: [
          { name: "established", min_merged: 10, max_revert_rate: 0.05 },
          { name: "trusted", min_merged: 50, max_revert_rate: 0.02 },
        ],
        demote_on_revert_days: 14,
      },
      policy_admins: { teams: ["platform-leads"], users: [] },
      override: { label: "governance-override", by: { teams: ["incident-commanders"], users: [] } },
    });
  });
});

/** `when`: a rule applies when every present condition holds. */
import { describe, expect, it } from "@jest/globals";
import type { Policy, RuleCondition } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { actor, commit, DETECTION, decide, facts, humanFacts, policy, rule } from "./factories.js";
import { audienceText, conditionText } from "../../src/report/reasons.js";

interface Row {
  sentence: string;
  when: Partial<RuleCondition>;
  facts?: PullRequestFacts;
  policy?: Partial<Policy>;
  applies: boolean;
}

const botCommit = commit({ author: { name: "acme-coder[bot]", email: "1+acme-coder[bot]@users.noreply.github.com", user: actor("acme-coder", true) } });

const rows: Row[] = [
  { sentence: "by default a rule applies to AI-assisted PRs", when: {}, applies: true },
  { sentence: "by default a rule does not apply to human-only PRs", when: {}, facts: humanFacts(), applies: false },
  { sentence: "ai: false applies to human-only PRs", when: { ai: false }, facts: humanFacts(), applies: true },
  { sentence: "ai: false does not apply to AI-assisted PRs", when: { ai: false }, applies: false },
  { sentence: "ai: any applies to human-only PRs", when: { ai: "any" }, facts: humanFacts(), applies: true },
  { sentence: "ai: any applies to AI-assisted PRs", when: { ai: "any" }, applies: true },
  { sentence: "agents matches a catalogue id", when: { agents: ["copilot", "claude-code"] }, applies: true },
  { sentence: "agents does not match another agent", when: { agents: ["copilot"] }, applies: false },
  {
    sentence: "agents matches a configured bot login written with [bot]",
    when: { agents: ["acme-coder[bot]"] },
    facts: humanFacts({ commits: [botCommit] }),
    policy: { detection: { ...DETECTION, bots: ["acme-coder[bot]"] } },
    applies: true,
  },
  {
    sentence: "agents matches a configured bot login written without [bot], in any case",
    when: { agents: ["Acme-Coder"] },
    facts: humanFacts({ commits: [botCommit] }),
    policy: { detection: { ...DETECTION, bots: ["acme-coder[bot]"] } },
    applies: true,
  },
  { sentence: "paths matches a changed file", when: { paths: ["docs/**", "src/**"] }, applies: true },
  { sentence: "paths does not match unrelated files", when: { paths: ["docs/**"] }, applies: false },
  {
    sentence: "paths matches the old path of a rename",
    when: { paths: ["src/legacy/**"] },
    facts: facts({ files: [{ path: "lib/parser.ts", previousPath: "src/legacy/parser.ts", additions: 0, deletions: 0, changeType: "RENAMED" }] }),
    applies: true,
  },
  {
    sentence: "paths sees dotfiles",
    when: { paths: [".github/**"] },
    facts: facts({ files: [{ path: ".github/workflows/ci.yml", additions: 1, deletions: 0 }] }),
    applies: true,
  },
  {
    sentence: "paths with **/ matches at any depth, dot directories included",
    when: { paths: ["**/*.pem"] },
    facts: facts({ files: [{ path: ".secrets/deploy/key.pem", additions: 1, deletions: 0 }] }),
    applies: true,
  },
  { sentence: "base matches a glob", when: { base: ["main", "release/*"] }, facts: facts({ baseRef: "release/1.2" }), applies: true },
  { sentence: "base does not match another branch", when: { base: ["release/*"] }, applies: false },
  {
    sentence: "labels holds when the PR carries one of them, in any case",
    when: { labels: ["needs-senior"] },
    facts: facts({ labels: [{ name: "Needs-Senior", appliedBy: actor("alice") }] }),
    applies: true,
  },
  { sentence: "labels does not hold without the label", when: { labels: ["needs-senior"] }, applies: false },
  { sentence: "tier holds for the PR's tier", when: { tier: ["new"] }, applies: true },
  { sentence: "tier does not hold for another tier", when: { tier: ["trusted"] }, applies: false },
  { sentence: "min_changed_lines holds at the threshold (additions + deletions)", when: { min_changed_lines: 12 }, applies: true },
  { sentence: "min_changed_lines does not hold below it", when: { min_changed_lines: 13 }, applies: false },
  { sentence: "all present conditions must hold", when: { paths: ["src/**"], base: ["release/*"] }, applies: false },
];

describe("rule conditions (when)", () => {
  it.each(rows)("$sentence", (row) => {
    const decision = decide({ policy: policy({ ...row.policy, rules: [rule({ when: row.when })] }), facts: row.facts ?? facts() });
    expect(decision.rules[0].status !== "not-applicable").toBe(row.applies);
  });

  it("explains each present condition on one line", () => {
    const decision = decide({ policy: policy({ rules: [rule({ when: { paths: ["src/**"], base: ["release/*"] } })] }) });
    expect(decision.rules[0].why).toEqual([
      { code: "ai", wanted: true, aiAssisted: true, agents: ["claude-code"] },
      { code: "paths-matched", file: "src/parser.ts", glob: "src/**" },
      { code: "base-unmatched", base: "main", globs: ["release/*"] },
    ]);
    expect(decision.rules[0].why.map(conditionText)).toEqual([
      "ai: true — AI-assisted (claude-code)",
      "paths: src/parser.ts matches src/**",
      "base: main matches none of release/*",
    ]);
  });

  it("a rule that does not apply still says who could satisfy it", () => {
    const decision = decide({ facts: humanFacts() });
    expect(decision.rules[0]).toMatchObject({ status: "not-applicable", eligible: { teams: [], users: [], permission: "write" }, needs: null });
    expect(audienceText(decision.rules[0].eligible)).toEqual(["users with write permission or more"]);
  });
});

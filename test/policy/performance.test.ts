/** SPEC §8 Speed: a 250-commit, 3 000-file PR under a 50-rule policy in under 20 ms (goal 5 ms). */
import { describe, expect, it } from "@jest/globals";
import type { Rule } from "../../src/config/policy.js";
import type { ChangedFile, CommitFacts } from "../../src/facts.js";
import type { Decision } from "../../src/policy/decision.js";
import { detectUnder, evaluate } from "../../src/policy/evaluate.js";
import { aiCommit, commit, decide, facts, loaded, person, policy, review } from "./factories.js";

function largePullRequest() {
  const commits: CommitFacts[] = Array.from({ length: 250 }, (_, i) => {
    const sha = i.toString(16).padStart(40, "0");
    return i % 5 === 0
      ? aiCommit({ sha })
      : commit({ sha, author: person(`dev${i % 7}`), message: `Change ${i}\n\nSigned-off-by: Dev ${i % 7} <dev${i % 7}@example.com>\nCo-authored-by: Pair <${i}+pair${i % 3}@users.noreply.github.com>\n` });
  });
  const files: ChangedFile[] = Array.from({ length: 3000 }, (_, i) => ({
    path: `services/svc${i % 60}/src/module${i % 97}/file${i}.ts`,
    previousPath: i % 50 === 0 ? `legacy/svc${i % 60}/file${i}.ts` : undefined,
    additions: i % 13,
    deletions: i % 5,
  }));
  const reviews = ["alice", "bob", "carol", "dave", "erin"].map((login) => review(login, "APPROVED"));
  return facts({ commits, files, reviews });
}

function largePolicy() {
  const rules: Rule[] = Array.from({ length: 50 }, (_, i) => ({
    name: `rule ${i}`,
    when: {
      ai: i % 3 === 0 ? "any" : true,
      paths: [`services/svc${i}/**`, `never/${i}/**/*.go`, `**/*.rule${i}`],
      base: i % 2 === 0 ? ["main", "release/*"] : undefined,
      tier: i % 4 === 0 ? ["new", "established"] : undefined,
      min_changed_lines: i % 5 === 0 ? 100 : undefined,
    },
    require: { approvals: 1 + (i % 2), from: i % 2 === 0 ? { teams: ["senior-engineers"], users: ["erin"] } : null },
    request_review: true,
  }));
  return policy({
    rules,
    gates: {
      max_changed_lines: 100_000,
      max_changed_files: 5000,
      forbidden_paths: [".github/workflows/**", "**/*.pem", "secrets/**"],
      tests: { when_changed: ["services/**/src/**"], require_changed: ["**/*.test.ts", "test/**"] },
      required_checks: ["build", "test"],
      forbid_agent_signoff: true,
    },
  });
}

function medianMs(run: () => Decision): number {
  for (let i = 0; i < 30; i++) run();
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  if (process.env.GOVERNANCE_BENCH_VERBOSE) console.log(`median ${median.toFixed(2)} ms`);
  return median;
}

describe("evaluation speed", () => {
  const prFacts = largePullRequest();
  const rules = largePolicy();

  it("the engine alone takes under 20 ms (median)", () => {
    const policyInForce = loaded(rules);
    const detection = detectUnder(policyInForce, prFacts);
    expect(medianMs(() => evaluate(policyInForce, prFacts, detection, { agents: {} }))).toBeLessThan(20);
  });

  it("detection and evaluation together take under 20 ms (median)", () => {
    expect(medianMs(() => decide({ policy: rules, facts: prFacts }))).toBeLessThan(20);
  });
});

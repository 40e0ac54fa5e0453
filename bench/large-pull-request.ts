/**
 * A large, realistic evaluation input for the engine benchmark: a 50-rule policy
 * using every condition, gates and autonomy; a pull request of 250 commits (AI co-authors,
 * agent authors, long human messages, sign-offs) and 3 000 changed files across 40
 * services; reviews (current, stale, from outsiders); a directory of 40 teams.
 */
import { resolvePolicy } from "../src/config/load.js";
import type { LoadedPolicy } from "../src/config/policy.js";
import type { CommitFacts, PullRequestFacts, ReviewFacts } from "../src/facts.js";
import type { Trust } from "../src/policy/decision.js";

const SERVICES = 40;

export function fiftyRulePolicy(): string {
  const lines = [
    "version: 1",
    "detection:",
    '  bots: ["acme-coder[bot]"]',
    '  branches: ["agent/*"]',
    "label: ai-assisted",
    "rules:",
  ];
  for (let i = 0; i < SERVICES; i++) {
    lines.push(
      `  - name: svc-${i} owners`,
      "    when:",
      "      ai: true",
      `      paths: ["services/svc-${i}/**", "libs/shared-${i % 7}/**"]`,
      "    require:",
      "      approvals: 1",
      `      from: { teams: [svc-${i}-owners] }`,
    );
  }
  lines.push(
    "  - name: claude and copilot need a senior",
    "    when: { agents: [claude-code, copilot], base: [main, \"release/*\"] }",
    "    require: { approvals: 1, from: { teams: [senior-engineers] } }",
    "  - name: large AI changes need two",
    "    when: { ai: true, min_changed_lines: 5000 }",
    "    require: { approvals: 2, from: { permission: maintain } }",
    "  - name: new agents need two seniors",
    "    when: { ai: true, tier: [new] }",
    "    require: { approvals: 2, from: { teams: [senior-engineers] } }",
    "  - name: established agents need one senior",
    "    when: { ai: true, tier: [established] }",
    "    require: { approvals: 1, from: { teams: [senior-engineers] } }",
    "  - name: labelled for security",
    "    when: { ai: any, labels: [security] }",
    "    require: { approvals: 1, from: { teams: [security] } }",
    "  - name: release branches",
    "    when: { ai: any, base: [\"release/*\"] }",
    "    require: { approvals: 1, from: { users: [release-manager] } }",
    "  - name: infrastructure",
    "    when: { ai: true, paths: [\"infra/**\", \"**/*.tf\"] }",
    "    require: { approvals: 1, from: { teams: [platform-leads] } }",
    "  - name: database migrations",
    "    when: { ai: true, paths: [\"**/migrations/**\"] }",
    "    require: { approvals: 1, from: { teams: [dba] } }",
    "  - name: reports only",
    "    when: { ai: false }",
    "    require: { approvals: 0 }",
    "  - name: any writer",
    "    when: { ai: any, paths: [\"docs/**\"] }",
    "    require: { approvals: 1 }",
    "gates:",
    "  max_changed_lines: 1000000",
    "  max_changed_files: 10000",
    '  forbidden_paths: [".github/workflows/**", "**/*.pem", "secrets/**"]',
    '  tests: { when_changed: ["services/**/src/**"], require_changed: ["**/*.test.ts"] }',
    "  required_checks: [build, test]",
    "  forbid_agent_signoff: true",
    "autonomy:",
    "  window_days: 90",
    "  tiers:",
    "    - { name: established, min_merged: 10, max_revert_rate: 0.05 }",
    "    - { name: trusted, min_merged: 50, max_revert_rate: 0.02 }",
    "  demote_on_revert_days: 14",
    "policy_admins:",
    "  teams: [platform-leads]",
    "override:",
    "  label: governance-override",
    "  by: { teams: [incident-commanders] }",
    "",
  );
  return lines.join("\n");
}

export function loadBenchPolicy(text = fiftyRulePolicy()): LoadedPolicy {
  const loaded = resolvePolicy({
    repository: { path: ".agent-governance.yml", text, byteSize: Buffer.byteLength(text), oid: "0".repeat(40) },
    organization: null,
  });
  if (!loaded.ok) throw new Error(`bench policy is invalid: ${loaded.errors.map((e) => `${e.line}:${e.column} ${e.message}`).join("; ")}`);
  return loaded;
}

const hex = (n: number) => n.toString(16).padStart(40, "0");

function commit(i: number): CommitFacts {
  const human = { name: `Dev ${i % 9}`, email: `dev${i % 9}@acme.test`, user: { login: `dev${i % 9}`, isBot: false } };
  const body = Array.from({ length: 6 }, (_, p) => `Paragraph ${p} of commit ${i}: explains the change to module ${i} and why it is safe.`).join("\n\n");
  switch (i % 3) {
    case 0:
      return {
        sha: hex(i + 1),
        message: `Refactor module ${i}\n\n${body}\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nSigned-off-by: Dev ${i % 9} <dev${i % 9}@acme.test>\n`,
        author: human,
        committer: human,
        parentCount: 1,
        verified: true,
      };
    case 1: {
      const copilot = { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", user: { login: "copilot", id: 198982749, isBot: true } };
      return { sha: hex(i + 1), message: `Fix flaky test ${i}\n\n${body}\n`, author: copilot, committer: copilot, parentCount: 1, verified: true };
    }
    default:
      return { sha: hex(i + 1), message: `Tidy module ${i}\n\n${body}\n\nReviewed-by: Someone <someone@acme.test>\n`, author: human, committer: human, parentCount: 1 };
  }
}

export function largePullRequest(commits = 250, files = 3000): PullRequestFacts {
  const commitFacts = Array.from({ length: commits }, (_, i) => commit(i));
  const fileFacts = Array.from({ length: files }, (_, i) => {
    const svc = i % SERVICES;
    const path = i % 10 === 9 ? `services/svc-${svc}/test/module-${i}.test.ts` : i % 50 === 7 ? `libs/shared-${svc % 7}/util-${i}.ts` : `services/svc-${svc}/src/module-${i}.ts`;
    return { path, additions: 10 + (i % 30), deletions: i % 7, changeType: "MODIFIED" as const };
  });
  const headSha = commitFacts[commitFacts.length - 1].sha;
  const reviews: ReviewFacts[] = [];
  for (let i = 0; i < SERVICES; i++) {
    reviews.push({ id: `R${i}`, author: { login: `owner-${i}-0`, isBot: false }, state: "APPROVED", commitId: i % 4 === 0 ? hex(1) : headSha, submittedAt: new Date(1_700_000_000_000 + i * 1000).toISOString() });
  }
  reviews.push({ id: "Rs", author: { login: "senior-1", isBot: false }, state: "APPROVED", commitId: headSha, submittedAt: new Date(1_700_000_100_000).toISOString() });
  reviews.push({ id: "Rx", author: { login: "outsider", isBot: false }, state: "COMMENTED", commitId: headSha, submittedAt: new Date(1_700_000_200_000).toISOString() });
  const teams: Record<string, string[]> = {};
  const permissions: PullRequestFacts["directory"]["permissions"] = {};
  for (let i = 0; i < SERVICES; i++) {
    teams[`acme/svc-${i}-owners`] = Array.from({ length: 8 }, (_, m) => `owner-${i}-${m}`);
    for (let m = 0; m < 8; m++) permissions[`owner-${i}-${m}`] = "write";
  }
  for (const team of ["senior-engineers", "security", "platform-leads", "dba", "incident-commanders"]) {
    teams[`acme/${team}`] = Array.from({ length: 10 }, (_, m) => `${team === "senior-engineers" ? "senior" : team}-${m}`);
  }
  for (let m = 0; m < 10; m++) permissions[`senior-${m}`] = "maintain";
  return {
    owner: "acme",
    repo: "monorepo",
    number: 4242,
    title: "Migrate every service to the new client",
    body: "A large agent-driven migration.",
    author: { login: "dev1", isBot: false },
    draft: false,
    state: "OPEN",
    baseRef: "main",
    headRef: "agent/migrate-client",
    headSha,
    defaultBranch: "main",
    labels: [{ name: "ai-assisted", appliedBy: { login: "agent-governance", isBot: true } }, { name: "migration", appliedBy: { login: "dev1", isBot: false } }],
    commits: commitFacts,
    files: fileFacts,
    reviews,
    checks: [
      { name: "build", kind: "check_run", status: "completed", conclusion: "success" },
      { name: "test", kind: "check_run", status: "completed", conclusion: "success" },
    ],
    requestedReviewers: { users: [], teams: ["senior-engineers"] },
    policyChanges: [],
    directory: { teams, permissions },
  };
}

export const BENCH_TRUST: Trust = {
  agents: {
    "claude-code": { agent: "claude-code", tier: "established", merged: 14, reverted: 0, windowDays: 90 },
    copilot: { agent: "copilot", tier: "new", merged: 3, reverted: 1, windowDays: 90 },
  },
};

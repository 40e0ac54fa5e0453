/**
 * Small builders for engine tests: a Policy as src/config would hand it over (every default
 * filled in), PullRequestFacts for one PR, and `decide`, which runs the real detector and
 * then the engine, as the app does.
 */
import type { Autonomy, Detection as DetectionConfig, LoadedPolicy, Policy, PolicyError, Rule } from "../../src/config/policy.js";
import type { Actor, CommitFacts, GitIdentity, PullRequestFacts, ReviewFacts, ReviewState } from "../../src/facts.js";
import type { Decision, Trust } from "../../src/policy/decision.js";
import { detectUnder, evaluate } from "../../src/policy/evaluate.js";

export const HEAD = "9b8e7d6c5b4a39281706f5e4d3c2b1a098765432";
export const OLDER = "3f2a1c0b9a8f7e6d5c4b3a29180706f5e4d3c2b1";
export const CLAUDE_TRAILER = "Co-Authored-By: Claude <noreply@anthropic.com>";

/** Two tiers above `new`, as the README's example has them. */
export const AUTONOMY: Autonomy = {
  window_days: 90,
  scope: "repository",
  tiers: [
    { name: "established", min_merged: 10, max_revert_rate: 0.05 },
    { name: "trusted", min_merged: 50, max_revert_rate: 0.02 },
  ],
  demote_on_revert_days: 14,
};

export const DETECTION: DetectionConfig = {
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

export function rule(overrides: Omit<Partial<Rule>, "when" | "require"> & { when?: Partial<Rule["when"]>; require?: Partial<Rule["require"]> } = {}): Rule {
  return {
    name: overrides.name ?? "AI approval",
    when: { ai: true, ...overrides.when },
    require: { approvals: 1, from: null, ...overrides.require },
    request_review: overrides.request_review ?? true,
  };
}

/** The built-in default unless told otherwise. */
export function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    version: 1,
    detection: DETECTION,
    label: "ai-assisted",
    rules: [rule()],
    gates: { forbidden_paths: [], required_checks: [], forbid_agent_signoff: false },
    autonomy: null,
    policy_admins: null,
    override: null,
    ...overrides,
  };
}

export function loaded(value: Policy = policy()): LoadedPolicy {
  return {
    ok: true,
    policy: value,
    source: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: ["b10b"] },
    warnings: [],
  };
}

export function invalid(errors: PolicyError[]): LoadedPolicy {
  return { ok: false, errors, source: { kind: "repository", description: "acme/api/.agent-governance.yml@main", blobShas: ["b10b"] } };
}

export function actor(login: string, isBot = false): Actor {
  return { login, isBot };
}

/** A person GitHub knows: "alice" → alice <alice@example.com>. */
export function person(login: string): GitIdentity {
  return { name: login, email: `${login}@example.com`, user: actor(login) };
}

export function commit(overrides: Partial<CommitFacts> = {}): CommitFacts {
  return {
    sha: HEAD,
    message: "Fix the parser\n",
    author: person("dev"),
    committer: person("dev"),
    parentCount: 1,
    ...overrides,
  };
}

/** A commit by `login` that Claude Code co-authored: an unmistakable AI mark. */
export function aiCommit(overrides: Partial<CommitFacts> = {}): CommitFacts {
  return commit({ message: `Fix the parser\n\n${CLAUDE_TRAILER}\n`, ...overrides });
}

export function review(login: string, state: ReviewState, options: { on?: string | null; at?: string; bot?: boolean } = {}): ReviewFacts {
  return {
    id: `${login}-${state}-${options.at ?? "1"}`,
    author: actor(login, options.bot ?? false),
    state,
    commitId: options.on === undefined ? HEAD : options.on,
    submittedAt: options.at ?? "2025-01-01T10:00:00Z",
  };
}

/** An AI-assisted PR by `dev` at HEAD with one changed file and no reviews. */
export function facts(overrides: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    owner: "acme",
    repo: "api",
    number: 7,
    title: "Fix the parser",
    body: "",
    author: actor("dev"),
    draft: false,
    state: "OPEN",
    baseRef: "main",
    headRef: "fix-parser",
    headSha: HEAD,
    defaultBranch: "main",
    labels: [],
    commits: [aiCommit()],
    files: [{ path: "src/parser.ts", additions: 10, deletions: 2 }],
    reviews: [],
    checks: [],
    requestedReviewers: { users: [], teams: [] },
    policyChanges: [],
    directory: {
      teams: { "acme/senior-engineers": ["alice", "bob"], "acme/platform-leads": ["root"] },
      permissions: { alice: "write", bob: "write", carol: "write", dave: "read", erin: "maintain", root: "admin", dev: "write" },
    },
    ...overrides,
  };
}

export const humanFacts = (overrides: Partial<PullRequestFacts> = {}) => facts({ commits: [commit()], ...overrides });

export function decide(input: { policy?: Policy | LoadedPolicy; facts?: PullRequestFacts; trust?: Trust } = {}): Decision {
  const given = input.policy ?? policy();
  const loadedPolicy = "ok" in given ? given : loaded(given);
  const prFacts = input.facts ?? facts();
  return evaluate(loadedPolicy, prFacts, detectUnder(loadedPolicy, prFacts), input.trust ?? { agents: {} });
}

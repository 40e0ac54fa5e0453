import { beforeEach, describe, expect, it, jest } from "@jest/globals";
import type { Policy, Principals, Rule } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { loginDouble } from "./login-double.js";

/** The engine decides which questions to ask; here each test sets them. */
let questions = { teams: [] as string[], logins: [] as string[] };
jest.unstable_mockModule("../../src/detect/login.js", loginDouble);
jest.unstable_mockModule("../../src/policy/directory-questions.js", () => ({
  directoryQuestions: () => questions,
}));
const { permissionThresholds, resolveDirectory } = await import("../../src/github/resolve-directory.js");
const { MemoryDirectory } = await import("../../src/github/directory.js");

function rule(from: Principals | null, approvals = 1): Rule {
  return { name: "rule", when: { ai: true }, require: { approvals, from }, request_review: true };
}

function policy(rules: Rule[], extra: Partial<Policy> = {}): Policy {
  return {
    version: 1,
    detection: { catalog: true, bots: [], trailers: [], co_authors: [], labels: [], branches: [], not_ai: [] },
    label: "ai-assisted",
    rules,
    gates: { forbidden_paths: [], required_checks: [], forbid_agent_signoff: false },
    autonomy: null,
    policy_admins: null,
    override: null,
    ...extra,
  };
}

function facts(changes: Partial<PullRequestFacts> = {}): PullRequestFacts {
  return {
    owner: "acme",
    repo: "api",
    number: 42,
    title: "t",
    body: "",
    author: { login: "copilot", isBot: true },
    draft: false,
    state: "OPEN",
    baseRef: "main",
    headRef: "copilot/x",
    headSha: "9b8e7d6",
    defaultBranch: "main",
    labels: [],
    commits: [],
    files: [],
    reviews: [],
    checks: [],
    requestedReviewers: { users: [], teams: [] },
    policyChanges: [],
    directory: { teams: {}, permissions: {} },
    ...changes,
  };
}

const WRITERS = rule(null);
const MAINTAINERS = rule({ teams: [], users: [], permission: "maintain" });
const SENIORS = rule({ teams: ["seniors"], users: [], permission: undefined });

beforeEach(() => {
  questions = { teams: [], logins: [] };
});

describe("resolveDirectory: teams", () => {
  it("fills rosters under org/slug keys, qualifying a bare slug with the PR's owner", async () => {
    questions = { teams: ["seniors", "globex/leads"], logins: [] };
    const directory = new MemoryDirectory({ teams: { "acme/seniors": ["Alice"], "globex/leads": ["gail"] } });
    const resolved = await resolveDirectory(policy([SENIORS]), { facts: facts(), reviewerCanPush: {} }, directory);
    expect(resolved.directory.teams).toEqual({ "acme/seniors": ["alice"], "globex/leads": ["gail"] });
  });

  it("leaves an unknown team out of the snapshot", async () => {
    questions = { teams: ["acme/typo"], logins: [] };
    const resolved = await resolveDirectory(policy([SENIORS]), { facts: facts(), reviewerCanPush: {} }, new MemoryDirectory());
    expect(resolved.directory.teams).toEqual({});
  });

  it("asks each team once even when the engine lists it twice", async () => {
    questions = { teams: ["acme/seniors", "acme/seniors"], logins: [] };
    const directory = new MemoryDirectory({ teams: { "acme/seniors": ["alice"] } });
    await resolveDirectory(policy([SENIORS]), { facts: facts(), reviewerCanPush: {} }, directory);
    expect(directory.calls).toEqual(["team acme/seniors"]);
  });
});

describe("resolveDirectory: permissions", () => {
  it("records write for a reviewer who can push when no rule needs more, without a read", async () => {
    questions = { teams: [], logins: ["bob"] };
    const directory = new MemoryDirectory({ permissions: { bob: "admin" } });
    const resolved = await resolveDirectory(policy([WRITERS]), { facts: facts(), reviewerCanPush: { bob: true } }, directory);
    expect(resolved.directory.permissions).toEqual({ bob: "write" });
    expect(directory.calls).toEqual([]);
  });

  it("reads the permission when a rule needs maintain", async () => {
    questions = { teams: [], logins: ["bob"] };
    const directory = new MemoryDirectory({ permissions: { bob: "maintain" } });
    const resolved = await resolveDirectory(policy([WRITERS, MAINTAINERS]), { facts: facts(), reviewerCanPush: { bob: true } }, directory);
    expect(resolved.directory.permissions).toEqual({ bob: "maintain" });
    expect(directory.calls).toEqual(["permission acme/api bob"]);
  });

  it("records read for a reviewer who cannot push when every threshold is write or more", async () => {
    questions = { teams: [], logins: ["eve"] };
    const directory = new MemoryDirectory({ permissions: { eve: "triage" } });
    const resolved = await resolveDirectory(policy([WRITERS, MAINTAINERS]), { facts: facts(), reviewerCanPush: { eve: false } }, directory);
    expect(resolved.directory.permissions).toEqual({ eve: "read" });
    expect(directory.calls).toEqual([]);
  });

  it("reads the permission of someone who has not reviewed (e.g. who applied the override label)", async () => {
    questions = { teams: [], logins: ["Ivan"] };
    const directory = new MemoryDirectory({ permissions: { ivan: "admin" } });
    const resolved = await resolveDirectory(policy([WRITERS]), { facts: facts(), reviewerCanPush: {} }, directory);
    expect(resolved.directory.permissions).toEqual({ ivan: "admin" });
  });

  it("reads a pusher's permission when the PR changes the policy and admins must approve", async () => {
    questions = { teams: [], logins: ["bob"] };
    const directory = new MemoryDirectory({ permissions: { bob: "admin" } });
    const changing = facts({ policyChanges: [{ path: ".agent-governance.yml", blob: null }] });
    const resolved = await resolveDirectory(policy([WRITERS]), { facts: changing, reviewerCanPush: { bob: true } }, directory);
    expect(resolved.directory.permissions).toEqual({ bob: "admin" });
  });
});

describe("permissionThresholds", () => {
  it.each<[string, Policy, Partial<PullRequestFacts>, string[]]>([
    ["a rule without `from` needs write", policy([WRITERS]), {}, ["write"]],
    ["a rule with a permission needs it", policy([MAINTAINERS]), {}, ["maintain"]],
    ["a team-only rule needs no permission", policy([SENIORS]), {}, []],
    ["a report-only rule (0 approvals) needs nothing", policy([rule(null, 0)]), {}, []],
    ["policy admins default to admin when the PR changes the policy", policy([]), { policyChanges: [{ path: ".agent-governance.yml", blob: null }] }, ["admin"]],
    ["policy admins do not matter when the policy is untouched", policy([]), {}, []],
    [
      "the override's principals matter once its label is on the PR",
      policy([], { override: { label: "governance-override", by: { teams: [], users: [], permission: "maintain" } } }),
      { labels: [{ name: "Governance-Override", appliedBy: null }] },
      ["maintain"],
    ],
  ])("%s", (_name, loaded, changes, expected) => {
    expect(permissionThresholds(loaded, facts(changes))).toEqual(expected);
  });
});

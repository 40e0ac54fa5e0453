/** The pipeline asks GitHub the engine's directory questions, within the request budget. */
import { describe, expect, it } from "@jest/globals";
import type { Permission } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { MemoryDirectory } from "../../src/github/directory.js";
import type { DirectoryQuestions } from "../../src/policy/directory-questions.js";
import { teamRef } from "../../src/policy/login.js";
import { answerDirectoryQuestions } from "../../src/pipeline/answer-directory.js";

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

const questions = (teams: string[], logins: string[], thresholds: Permission[] = ["write"]): DirectoryQuestions => ({
  teams: teams.map((team) => teamRef(team, "acme")),
  logins,
  thresholds,
});

describe("answering the directory questions: teams", () => {
  it("fills rosters under org/slug keys, with normalised logins", async () => {
    const directory = new MemoryDirectory({ teams: { "acme/seniors": ["Alice"], "globex/leads": ["gail"] } });
    const answered = await answerDirectoryQuestions(questions(["seniors", "globex/leads"], []), { facts: facts(), reviewerCanPush: {} }, directory);
    expect(answered.directory.teams).toEqual({ "acme/seniors": ["alice"], "globex/leads": ["gail"] });
  });

  it("leaves an unknown team out of the snapshot", async () => {
    const answered = await answerDirectoryQuestions(questions(["acme/typo"], []), { facts: facts(), reviewerCanPush: {} }, new MemoryDirectory());
    expect(answered.directory.teams).toEqual({});
  });
});

describe("answering the directory questions: permissions", () => {
  it("records write for a reviewer who can push when no check needs more, without a read", async () => {
    const directory = new MemoryDirectory({ permissions: { bob: "admin" } });
    const answered = await answerDirectoryQuestions(questions([], ["bob"], ["write"]), { facts: facts(), reviewerCanPush: { bob: true } }, directory);
    expect(answered.directory.permissions).toEqual({ bob: "write" });
    expect(directory.calls).toEqual([]);
  });

  it("reads the permission when a check needs maintain", async () => {
    const directory = new MemoryDirectory({ permissions: { bob: "maintain" } });
    const answered = await answerDirectoryQuestions(questions([], ["bob"], ["write", "maintain"]), { facts: facts(), reviewerCanPush: { bob: true } }, directory);
    expect(answered.directory.permissions).toEqual({ bob: "maintain" });
    expect(directory.calls).toEqual(["permission acme/api bob"]);
  });

  it("records read for a reviewer who cannot push when every threshold is write or more", async () => {
    const directory = new MemoryDirectory({ permissions: { eve: "triage" } });
    const answered = await answerDirectoryQuestions(questions([], ["eve"], ["write", "maintain"]), { facts: facts(), reviewerCanPush: { eve: false } }, directory);
    expect(answered.directory.permissions).toEqual({ eve: "read" });
    expect(directory.calls).toEqual([]);
  });

  it("reads the permission of someone who has not reviewed (e.g. who applied the override label)", async () => {
    const directory = new MemoryDirectory({ permissions: { ivan: "admin" } });
    const answered = await answerDirectoryQuestions(questions([], ["Ivan"]), { facts: facts(), reviewerCanPush: {} }, directory);
    expect(answered.directory.permissions).toEqual({ ivan: "admin" });
  });

  it("reads a pusher's permission when admins must approve", async () => {
    const directory = new MemoryDirectory({ permissions: { bob: "admin" } });
    const answered = await answerDirectoryQuestions(questions([], ["bob"], ["write", "admin"]), { facts: facts(), reviewerCanPush: { bob: true } }, directory);
    expect(answered.directory.permissions).toEqual({ bob: "admin" });
  });
});

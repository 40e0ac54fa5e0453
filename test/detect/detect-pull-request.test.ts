import { describe, expect, it } from "@jest/globals";
import { DEFAULT_DETECTION, detectPullRequest } from "../../src/detect/detect.js";
import { normalizeActor } from "../../src/detect/login.js";
import type { Actor, CommitFacts, LabelFacts, PullRequestFacts, ReviewFacts } from "../../src/facts.js";

type Facts = Pick<PullRequestFacts, "author" | "commits" | "reviews" | "labels" | "headRef"> & Partial<Pick<PullRequestFacts, "pushers">>;

const alice: Actor = { login: "alice", isBot: false };
const humanCommit: CommitFacts = {
  sha: "1111111111111111111111111111111111111111",
  message: "Fix typo\n",
  author: { name: "Alice", email: "alice@example.org", user: alice },
  committer: { name: "Alice", email: "alice@example.org", user: alice },
  parentCount: 1,
};
const aiCommit: CommitFacts = { ...humanCommit, sha: "2222222222222222222222222222222222222222", message: "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n" };

const facts = (overrides: Partial<Facts>): Facts => ({ author: alice, commits: [humanCommit], reviews: [], labels: [], headRef: "fix-typo", ...overrides });
const review = (author: Actor): ReviewFacts => ({ id: "r1", author, state: "COMMENTED", commitId: humanCommit.sha, submittedAt: "2026-01-01T00:00:00Z" });
const label = (name: string, appliedBy: Actor | null): LabelFacts => ({ name, appliedBy });
const detect = (f: Facts, appLabel: string | false = "ai-assisted") => detectPullRequest(f, DEFAULT_DETECTION, appLabel);

describe("detectPullRequest", () => {
  it("finds nothing on a human pull request", () => {
    expect(detect(facts({}))).toEqual({
      aiAssisted: false,
      agents: [],
      pullRequestSignals: [],
      commits: [{ sha: humanCommit.sha, aiAssisted: false, agents: [], signals: [] }],
      agentAccounts: {},
      agentSignOffs: [],
    });
  });

  it("an agent that pushed a head makes human-looking commits AI-assisted", () => {
    const detection = detect(facts({ pushers: [alice, normalizeActor("copilot-swe-agent[bot]", 198982749, "Bot")] }));
    expect(detection).toMatchObject({ aiAssisted: true, agents: ["copilot"] });
    expect(detection.pullRequestSignals).toEqual([expect.objectContaining({ kind: "pusher", agent: "copilot", detail: expect.stringMatching(/^pushed by @copilot/) })]);
  });

  it("a person who pushed is no signal", () => {
    expect(detect(facts({ pushers: [alice] })).aiAssisted).toBe(false);
  });

  it("is AI-assisted when any one commit is", () => {
    const detection = detect(facts({ commits: [humanCommit, aiCommit] }));
    expect(detection).toMatchObject({ aiAssisted: true, agents: ["claude-code"], pullRequestSignals: [] });
    expect(detection.commits.map((c) => c.aiAssisted)).toEqual([false, true]);
  });

  it.each([
    ["REST login", normalizeActor("copilot-swe-agent[bot]")],
    ["GraphQL login", normalizeActor("Copilot", undefined, "Bot")],
    ["numeric id", normalizeActor("Copilot", 198982749)],
  ])("sees a pull request opened by an agent (%s)", (_name, author) => {
    expect(detect(facts({ author })).pullRequestSignals).toEqual([
      expect.objectContaining({ kind: "pr-author", agent: "copilot", strength: "agent-written" }),
    ]);
  });

  it("sees a review submitted by an agent", () => {
    const detection = detect(facts({ reviews: [review(normalizeActor("copilot-pull-request-reviewer[bot]")), review(alice)] }));
    expect(detection.pullRequestSignals).toEqual([expect.objectContaining({ kind: "reviewer", agent: "copilot", strength: "agent-written" })]);
  });

  it("names the agents among reviewers and label appliers, so the engine never counts their approval", () => {
    const reviewer = normalizeActor("copilot-pull-request-reviewer[bot]");
    const bots = { ...DEFAULT_DETECTION, bots: ["acme-coder"] };
    const applier: Actor = { login: "acme-coder", isBot: false };
    const detection = detectPullRequest(facts({ reviews: [review(reviewer), review(alice)], labels: [label("needs-review", applier)] }), bots, "ai-assisted");
    expect(detection.agentAccounts).toEqual({ copilot: "copilot", "acme-coder": "acme-coder" });
  });

  it("names the commits whose Signed-off-by lines are an agent's, and only those", () => {
    const signed = { ...humanCommit, sha: "3333333333333333333333333333333333333333", message: "Fix\n\nSigned-off-by: Claude <noreply@anthropic.com>\n" };
    const humanSigned = { ...humanCommit, message: "Fix\n\nSigned-off-by: Alice <alice@example.org>\n" };
    const detection = detect(facts({ commits: [humanSigned, signed, aiCommit] }));
    expect(detection.agentSignOffs).toEqual([
      { sha: signed.sha, signals: [expect.objectContaining({ agent: "claude-code", detail: "Signed-off-by: Claude <noreply@anthropic.com>" })] },
    ]);
  });

  it("does not count not_ai automation that opened the pull request", () => {
    expect(detect(facts({ author: normalizeActor("dependabot[bot]") })).aiAssisted).toBe(false);
  });

  it.each([
    ["copilot/fix-415", "copilot"],
    ["codex/hook-attribution", "codex"],
    ["cursor/python-match-279a", "cursor"],
    ["claude/issue-4212-20260822-0711", "claude-code"],
  ])("declares AI from the catalogue branch prefix of %s", (headRef, agent) => {
    expect(detect(facts({ headRef })).pullRequestSignals).toEqual([expect.objectContaining({ kind: "branch", agent, strength: "declared" })]);
  });

  it("does not read a branch that only contains an agent name", () => {
    expect(detect(facts({ headRef: "fix/copilot-keybinding" })).aiAssisted).toBe(false);
  });
});

describe("labels: declared by a person, never the app's own output", () => {
  const bot = normalizeActor("agent-governance[bot]");

  it.each([
    ["a person applied the configured label", label("ai-assisted", alice), "ai-assisted", true],
    ["a person applied it under another app label", label("AI-Assisted", alice), false, true],
    ["who applied it is unknown and it is not the app's label", label("ai-assisted", null), "governed", true],
    ["who applied it is unknown and it is the app's label", label("ai-assisted", null), "ai-assisted", false],
    ["a bot applied the app's label (the app itself)", label("ai-assisted", bot), "ai-assisted", false],
    ["the label is not configured", label("needs-review", alice), "ai-assisted", false],
  ] as const)("%s → %s", (_name, applied, appLabel, expected) => {
    const detection = detect(facts({ labels: [applied] }), appLabel);
    expect(detection.aiAssisted).toBe(expected);
    if (expected) expect(detection.pullRequestSignals[0]).toMatchObject({ kind: "label", strength: "declared" });
  });
});

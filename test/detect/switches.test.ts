/**
 * The policy's detection switches: which confidences count, what unknown bots are, whether AI
 * reviewers count, and the pull request's own description.
 */
import { describe, expect, it } from "@jest/globals";
import type { Detection as DetectionConfig } from "../../src/config/policy.js";
import { DEFAULT_DETECTION, detectCommit, detectPullRequest } from "../../src/detect/detect.js";
import { normalizeActor } from "../../src/detect/login.js";
import type { CommitFacts, GitIdentity } from "../../src/facts.js";

const config = (overrides: Partial<DetectionConfig>): DetectionConfig => ({ ...DEFAULT_DETECTION, ...overrides });
const human: GitIdentity = { name: "Ada Lovelace", email: "ada@example.org", user: null };
const commit = (message: string, author: GitIdentity = human): CommitFacts => ({ sha: "b".repeat(40), message, author, committer: human, parentCount: 1 });

type Input = Parameters<typeof detectPullRequest>[0];
const pull = (overrides: Partial<Input> = {}): Input => ({
  author: normalizeActor("ada"),
  commits: [commit("Fix\n")],
  reviews: [],
  labels: [],
  headRef: "fix",
  body: "",
  ...overrides,
});

describe("detection.count", () => {
  const inferredOnly = commit("Fix\n\nCo-Authored-By: Cumulus <noreply@cumulus.example>\n");

  it("counts every confidence by default", () => {
    expect(detectCommit(inferredOnly, DEFAULT_DETECTION)).toMatchObject({ aiAssisted: true, signals: [expect.objectContaining({ confidence: "inferred", counted: true })] });
  });

  it("shows but does not count a confidence left out", () => {
    const detection = detectCommit(inferredOnly, config({ count: ["declared", "identity"] }));
    expect(detection).toMatchObject({ aiAssisted: false, agents: [], signals: [expect.objectContaining({ rule: "machine-co-author", counted: false })] });
  });

  it("still counts a declared footer when only declarations count", () => {
    expect(detectCommit(commit("Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)\n"), config({ count: ["declared"] })).aiAssisted).toBe(true);
  });
});

describe("detection.unknown_bots", () => {
  const byUnknownBot = pull({ commits: [commit("Update lockfile\n", { name: "acme-helper[bot]", email: "9+acme-helper[bot]@users.noreply.github.com", user: normalizeActor("acme-helper[bot]", 9) })] });

  it("reports an unknown bot without counting it (default)", () => {
    const detection = detectPullRequest(byUnknownBot, DEFAULT_DETECTION, "ai-assisted");
    expect(detection.aiAssisted).toBe(false);
    expect(detection.commits[0].signals).toEqual([expect.objectContaining({ rule: "unknown-bot", counted: false })]);
  });

  it("counts it with `ai`", () => {
    expect(detectPullRequest(byUnknownBot, config({ unknown_bots: "ai" }), "ai-assisted")).toMatchObject({ aiAssisted: true, agents: ["acme-helper"] });
  });

  it("drops it with `ignore`", () => {
    expect(detectPullRequest(byUnknownBot, config({ unknown_bots: "ignore" }), "ai-assisted").commits[0].signals).toEqual([]);
  });

  it("never reports known automation", () => {
    const renovate = pull({ author: normalizeActor("renovate[bot]"), commits: [commit("Update x\n", { name: "acme-renovate[bot]", email: "8+acme-renovate[bot]@users.noreply.github.com", user: null })] });
    const detection = detectPullRequest(renovate, DEFAULT_DETECTION, "ai-assisted");
    expect([...detection.pullRequestSignals, ...detection.commits[0].signals]).toEqual([]);
  });
});

describe("detection.reviewers", () => {
  const reviewed = pull({ reviews: [{ id: "r", author: normalizeActor("coderabbitai[bot]", 136622811), state: "COMMENTED", commitId: null, submittedAt: "2026-01-01T00:00:00Z" }] });

  it("counts an AI reviewer by default", () => {
    expect(detectPullRequest(reviewed, DEFAULT_DETECTION, "ai-assisted")).toMatchObject({ aiAssisted: true, agents: ["coderabbit"] });
  });

  it("shows but does not count it with `ignore`, keeping commit detection", () => {
    const both = { ...reviewed, commits: [commit("Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\n")] };
    const detection = detectPullRequest(both, config({ reviewers: "ignore" }), "ai-assisted");
    expect(detection.agents).toEqual(["claude-code"]);
    expect(detection.pullRequestSignals).toEqual([expect.objectContaining({ rule: "reviewer", counted: false })]);
    expect(detectPullRequest(reviewed, config({ reviewers: "ignore" }), "ai-assisted").aiAssisted).toBe(false);
  });
});

describe("the pull request's description", () => {
  it.each([
    ["a Claude Code footer", "Adds retries.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)"],
    ["a trailer-form line", "Adds retries.\n\nCo-Authored-By: Claude <noreply@anthropic.com>"],
    ["a Devin run link", "Requested by: Ada\nLink to Devin run: https://app.devin.ai/sessions/abc"],
    ["an Apache-style disclosure", "Generated-by: Claude Code (Claude Opus 4.6) following the guidelines"],
  ])("declares AI with %s", (_name, body) => {
    const detection = detectPullRequest(pull({ body }), DEFAULT_DETECTION, "ai-assisted");
    expect(detection.aiAssisted).toBe(true);
    expect(detection.pullRequestSignals.length).toBeGreaterThan(0);
  });

  it.each([
    ["a template's comment", "## AI disclosure\n<!-- If you used AI, write: Assisted-by: Claude Code -->\nAI-Assisted: no"],
    ["an unanswered template", "AI-Assisted: yes/no"],
    ["quoted commit messages in a code block", "Fixes the parser for\n```\nCo-authored-by: Claude <noreply@anthropic.com>\n```"],
    ["prose about a tool", "Fix Copilot keybinding; add Claude model support."],
  ])("stays human with %s", (_name, body) => {
    expect(detectPullRequest(pull({ body }), DEFAULT_DETECTION, "ai-assisted").aiAssisted).toBe(false);
  });
});


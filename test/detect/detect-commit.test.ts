import { describe, expect, it } from "@jest/globals";
import type { Detection as DetectionConfig } from "../../src/config/policy.js";
import { agentSignOffs, DEFAULT_DETECTION, detectCommit } from "../../src/detect/detect.js";
import { normalizeActor } from "../../src/detect/login.js";
import type { CommitFacts, GitIdentity } from "../../src/facts.js";
import { fixtureFacts, loadFixtures } from "./corpus.js";

const person = (name: string, email: string, user: GitIdentity["user"] = null): GitIdentity => ({ name, email, user });
const alice = person("Alice Example", "alice@example.org");
const webFlow = person("GitHub", "noreply@github.com");

function commit(message: string, author: GitIdentity = alice, committer: GitIdentity = webFlow): CommitFacts {
  return { sha: "0123456789abcdef0123456789abcdef01234567", message, author, committer, parentCount: 1 };
}

const config = (overrides: Partial<DetectionConfig>): DetectionConfig => ({ ...DEFAULT_DETECTION, ...overrides });
const detect = (c: CommitFacts, cfg: DetectionConfig = DEFAULT_DETECTION) => detectCommit(c, cfg);

describe("hard cases copied from the corpus", () => {
  it.each(loadFixtures("hard-cases").map((f) => [f.why, f.source, f] as const))("%s — %s", (_why, _source, fixture) => {
    const detection = detect(fixtureFacts(fixture));
    expect(detection.aiAssisted).toBe(fixture.expect.ai);
    expect(detection.agents).toEqual([...fixture.expect.agents].sort());
  });
});

describe("a bare word is never a signal", () => {
  it.each([
    ["a subject naming Copilot", commit("Fix Copilot keybinding\n")],
    ["a body about Claude Code", commit("docs: explain how Claude Code reads CLAUDE.md\n\nGenerated docs with care.")],
    ["an author named Devin", commit("Fix typo\n", person("Devin Carr", "devin@example.org"))],
    ["an author named Jules", commit("Fix typo\n", person("Jules Mons", "jules@example.org"))],
    ["an author named Claudia", commit("Fix typo\n", person("Claudia Pellegrino", "claui@users.noreply.github.com", normalizeActor("claui")))],
    ["a vendor employee", commit("Fix typo\n", person("Ashwin Bhat", "ashwin@anthropic.com"))],
    ["curl's Assisted-by crediting a person", commit("altsvc: fix parser\n\nAssisted-by: Daniel Stenberg\nCloses #1\n")],
    ["a human Co-authored-by", commit("Fix (#1)\n\nCo-authored-by: Bob <bob@example.org>")],
    ["a person's page about the aider command (tldr-pages/tldr@f8a87f0d68)", commit("aider: add page (#15569)\n\nCo-authored-by: Lena <126529524+acuteenvy@users.noreply.github.com>\n")],
    ["a revert quoting an aider subject", commit('Revert "aider: Change the graph"\n\nThis reverts commit 753ea441eaac8030a270863176c6451652e1e96c.\n')],
    ["a session link mentioned in prose", commit("Explain sessions\n\nSee the docs: Claude-Session trailers are added by the web app.")],
  ])("%s", (_name, c) => {
    expect(detect(c)).toMatchObject({ aiAssisted: false, agents: [], signals: [] });
  });
});

describe("signals and their strength", () => {
  it.each([
    ["an agent as commit author", commit("Fix\n", person("Claude", "noreply@anthropic.com")), "commit-author", "claude-code", "agent-written"],
    ["an agent as committer", commit("Fix\n", alice, person("Cursor Agent", "cursoragent@cursor.com")), "committer", "cursor", "agent-written"],
    ["an agent by its GitHub account", commit("Fix\n", person("x", "x@example.org", normalizeActor("Copilot", 198982749, "Bot"))), "commit-author", "copilot", "agent-written"],
    ["an agent's numeric id in a noreply e-mail", commit("Fix\n", person("Copilot", "198982749+Copilot@users.noreply.github.com")), "commit-author", "copilot", "agent-written"],
    ["an agent co-author", commit("Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>"), "co-author", "claude-code", "assisted"],
    ["a session trailer", commit("Fix\n\nAmp-Thread-ID: https://ampcode.com/threads/T-1"), "session-trailer", "amp", "assisted"],
    ["a marker trailer", commit("Fix\n\nMade-with: Cursor"), "session-trailer", "cursor", "assisted"],
    ["a Copilot agent log link", commit("Fix\n\nAgent-Logs-Url: https://github.com/o/r/sessions/abc"), "session-trailer", "copilot", "assisted"],
    ["a tool footer", commit("Fix\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)"), "footer", "claude-code", "assisted"],
    ["a Codex task link", commit("Fix\n\n------\nhttps://chatgpt.com/codex/tasks/task_e_1"), "footer", "codex", "assisted"],
    ["a Devin run link", commit("Fix\n\nLink to Devin run: https://app.devin.ai/sessions/abc"), "footer", "devin", "assisted"],
    ["a Jules task link", commit("Fix\n\nhttps://jules.google.com/task/123"), "footer", "jules", "assisted"],
    ["aider's author suffix", commit("Fix\n", person("Paul Gauthier (aider)", "paul@example.org")), "aider", "aider", "assisted"],
    ["aider's subject prefix with its transcript", commit("aider: Fix the thing\n\n# Aider chat conversation:\n\nUSER: fix the thing\n"), "aider", "aider", "assisted"],
    ["Assisted-by naming a model", commit("Fix\n\nAssisted-by: Claude:claude-3-opus coccinelle sparse"), "trailer", "claude-code", "assisted"],
    ["Generated-by naming a tool", commit("Fix\n\nGenerated-by: GitHub Copilot"), "trailer", "copilot", "assisted"],
    ["an AI sign-off", commit("Fix\n\nSigned-off-by: Codex <codex@openai.com>"), "trailer", "codex", "assisted"],
    ["a merged copilot/ branch", commit("Merge pull request #7 from acme/copilot/fix-7\n\nFix"), "branch", "copilot", "declared"],
    ["a locally merged codex/ branch", commit("Merge branch 'codex/fix-7'\n"), "branch", "codex", "declared"],
  ] as const)("%s", (_name, c, kind, agent, strength) => {
    const detection = detect(c);
    expect(detection.aiAssisted).toBe(true);
    expect(detection.signals).toContainEqual(expect.objectContaining({ kind, agent, strength }));
  });

  it("names the evidence in the detail", () => {
    const [signal] = detect(commit("Fix\n\nCo-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>")).signals;
    expect(signal.detail).toBe("Co-Authored-By: Claude Opus 4.6 <noreply@anthropic.com>");
  });

  it("keeps Copilot's variant in the detail under the shared id", () => {
    const [signal] = detect(commit("Fix\n\nCo-authored-by: Copilot <223556219+Copilot@users.noreply.github.com>")).signals;
    expect(signal).toMatchObject({ agent: "copilot", detail: expect.stringContaining("CLI/SDK") });
  });

  it("lists a repeated mark once", () => {
    const message = "Fix (#1)\n\n* a\n\nAgent-Logs-Url: https://github.com/o/r/sessions/1\n\n* b\n\nAgent-Logs-Url: https://github.com/o/r/sessions/2\n";
    expect(detect(commit(message)).signals).toHaveLength(1);
  });

  it("does not count a sign-off crediting a person", () => {
    expect(detect(commit("Fix\n\nSigned-off-by: Cody Lin <codyl@example.org>")).aiAssisted).toBe(false);
  });

  it("does not count an aider suffix on the committer alone (aider committing a person's edits)", () => {
    expect(detect(commit("Fix\n", alice, person("Alice Example (aider)", "alice@example.org"))).aiAssisted).toBe(false);
  });
});

describe("not_ai automation", () => {
  const dependabot = person("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", normalizeActor("dependabot[bot]", 49699333));
  const actions = person("github-actions[bot]", "41898282+github-actions[bot]@users.noreply.github.com", normalizeActor("github-actions[bot]", 41898282));

  it("is not AI by its identity", () => {
    expect(detect(commit("Bump x from 1 to 2\n\nSigned-off-by: dependabot[bot] <support@github.com>", dependabot)).aiAssisted).toBe(false);
  });

  it("still has its message read", () => {
    const detection = detect(commit("Fix\n\nGenerated with [Continue](https://continue.dev)", actions));
    expect(detection.agents).toEqual(["continue"]);
  });

  it("overrides the catalogue when the policy lists an agent there", () => {
    const cfg = config({ not_ai: ["claude[bot]"] });
    expect(detect(commit("Fix\n", person("claude[bot]", "209825114+claude[bot]@users.noreply.github.com")), cfg).aiAssisted).toBe(false);
  });
});

describe("the policy's detection settings", () => {
  it("counts a configured bot login, named by its login", () => {
    const bot = person("acme-coder[bot]", "7+acme-coder[bot]@users.noreply.github.com");
    expect(detect(commit("Fix\n", bot), config({ bots: ["acme-coder[bot]"] })).agents).toEqual(["acme-coder[bot]"]);
  });

  it("does not let a person's account match a configured [bot] login", () => {
    const human = person("acme-coder", "8+acme-coder@users.noreply.github.com", normalizeActor("acme-coder", 8, "User"));
    expect(detect(commit("Fix\n", human), config({ bots: ["acme-coder[bot]"] })).aiAssisted).toBe(false);
  });

  it("counts a co-author matching a configured glob", () => {
    const cfg = config({ co_authors: ["* <coder@acme.dev>"] });
    expect(detect(commit("Fix\n\nCo-authored-by: Acme Coder <coder@acme.dev>"), cfg).signals).toEqual([
      expect.objectContaining({ kind: "co-author", agent: "* <coder@acme.dev>", strength: "assisted" }),
    ]);
  });

  it("counts an extra trailer key when its value names an AI", () => {
    const cfg = config({ trailers: ["Helped-by"] });
    expect(detect(commit("Fix\n\nHelped-by: Cursor"), cfg).agents).toEqual(["cursor"]);
  });

  it("ignores Assisted-by once the policy drops the key", () => {
    expect(detect(commit("Fix\n\nAssisted-by: GitHub Copilot"), config({ trailers: [] })).aiAssisted).toBe(false);
  });

  it.each([
    ["yes", true],
    ["no", false],
  ])("reads `AI-Assisted: %s` as %s", (value, expected) => {
    expect(detect(commit(`Fix\n\nAI-Assisted: ${value}`)).aiAssisted).toBe(expected);
  });

  it("counts a merged branch matching a configured glob", () => {
    const cfg = config({ branches: ["agent/*"] });
    expect(detect(commit("Merge pull request #1 from acme/agent/fix\n"), cfg).signals).toEqual([
      expect.objectContaining({ kind: "branch", agent: "unknown-ai", strength: "declared" }),
    ]);
  });

  it("with the catalogue off, ignores catalogue marks but keeps the policy's own", () => {
    const cfg = config({ catalog: false, co_authors: ["*<coder@acme.dev>"] });
    const message = "Fix\n\nCo-authored-by: Claude <noreply@anthropic.com>\nCo-authored-by: Coder <coder@acme.dev>";
    expect(detect(commit(message), cfg).agents).toEqual(["*<coder@acme.dev>"]);
  });
});

describe("robustness", () => {
  it("never throws on odd input", () => {
    const odd = { sha: "x", message: undefined, author: undefined, committer: null, parentCount: 0 } as unknown as CommitFacts;
    expect(detect(odd)).toEqual({ sha: "x", aiAssisted: false, agents: [], signals: [] });
  });
});

describe("agentSignOffs (for the forbid_agent_signoff gate)", () => {
  it("returns only Signed-off-by lines naming an agent", () => {
    const c = commit("Fix\n\nSigned-off-by: Alice <alice@example.org>\nSigned-off-by: Codex <codex@openai.com>\nCo-authored-by: Claude <noreply@anthropic.com>");
    expect(agentSignOffs(c, DEFAULT_DETECTION)).toEqual([expect.objectContaining({ agent: "codex", detail: "Signed-off-by: Codex <codex@openai.com> [workflow identity]" })]);
  });
});

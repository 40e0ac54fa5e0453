/**
 * The built-in default policy and the real validator through `evaluate`: the seams between
 * modules. The other files cover the engine's rules one by one.
 */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_POLICY } from "../../src/config/load.js";
import type { PolicyBlob } from "../../src/config/policy.js";
import type { LoadedPolicy } from "../../src/config/policy.js";
import type { PullRequestFacts } from "../../src/facts.js";
import { detectUnder, evaluate } from "../../src/policy/evaluate.js";
import { actor, aiCommit, commit, facts, humanFacts, invalid, loaded, OLDER, policy, review } from "./factories.js";

const judge = (policyInForce: LoadedPolicy, prFacts: PullRequestFacts) => evaluate(policyInForce, prFacts, detectUnder(policyInForce, prFacts), { agents: {} });
const builtIn = loaded(DEFAULT_POLICY);

describe("evaluate with the real detector", () => {
  it("an AI-assisted PR under the built-in default waits for one approval and gets the label", () => {
    const decision = judge(builtIn, facts());
    expect(decision.detection.agents).toContain("claude-code");
    expect([decision.conclusion, decision.label.add]).toEqual(["action_required", "ai-assisted"]);
  });

  it("a human-only PR under the built-in default passes", () => {
    expect(judge(builtIn, humanFacts()).conclusion).toBe("success");
  });

  it("an approval from a writer passes the built-in default", () => {
    expect(judge(builtIn, facts({ reviews: [review("alice", "APPROVED")] })).conclusion).toBe("success");
  });

  it("an agent's review does not count even when it is not marked as a bot", () => {
    const copilot = { ...review("copilot", "APPROVED"), author: { login: "copilot", id: 198982749, isBot: false } };
    const decision = judge(builtIn, facts({ reviews: [copilot] }));
    expect(decision.rules[0].ignored).toEqual([expect.objectContaining({ login: "copilot", reason: "agent" })]);
  });

  it("an agent's Signed-off-by fails the sign-off gate, naming the commit", () => {
    const gates = { ...DEFAULT_POLICY.gates, forbid_agent_signoff: true };
    const signed = commit({ sha: OLDER, message: "Fix\n\nSigned-off-by: Claude <noreply@anthropic.com>\n" });
    const decision = judge(loaded(policy({ ...DEFAULT_POLICY, gates })), facts({ commits: [aiCommit(), signed] }));
    expect(decision.gates[0]).toMatchObject({ name: "forbid_agent_signoff", status: "failed" });
    expect(decision.gates[0].offenders[0]).toMatch(/^3f2a1c0 Signed-off-by: Claude <noreply@anthropic.com>/);
  });

  it("an invalid policy still lists the AI signals (catalogue defaults)", () => {
    const decision = judge(invalid([{ file: ".agent-governance.yml", line: 1, column: 1, message: "bad" }]), facts());
    expect([decision.conclusion, decision.detection.aiAssisted]).toEqual(["failure", true]);
  });

  it("a PR's new policy is validated with the real validator", () => {
    const text = "version: 1\nrule: []\n";
    const blob: PolicyBlob = { path: ".agent-governance.yml", text, byteSize: text.length, oid: "b2" };
    const decision = judge(builtIn, humanFacts({ policyChanges: [{ path: ".agent-governance.yml", blob }] }));
    expect(decision.conclusion).toBe("failure");
    expect(decision.annotations[0]).toMatchObject({ path: ".agent-governance.yml", start_line: 2 });
  });

  it("a new organisation default in the .github repository may use `enforce`; elsewhere it may not", () => {
    const text = "version: 1\nenforce: [rules]\n";
    const blob: PolicyBlob = { path: ".agent-governance.yml", text, byteSize: text.length, oid: "b3" };
    const change = { policyChanges: [{ path: ".agent-governance.yml", blob }] };
    const inDotGithub = judge(builtIn, humanFacts({ repo: ".github", ...change }));
    const inRepository = judge(builtIn, humanFacts(change));
    expect(inDotGithub.policyErrors).toEqual([]);
    expect(inRepository.policyErrors.map((e) => e.message).join()).toMatch(/enforce/);
  });

  it("a PR opened by the Copilot coding agent is AI-assisted", () => {
    const decision = judge(builtIn, humanFacts({ author: { ...actor("copilot", true), id: 198982749 } }));
    expect(decision.detection.agents).toContain("copilot");
  });
});

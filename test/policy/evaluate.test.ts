/**
 * The public `evaluate` with the real detector and validator: the seams between modules.
 * Engine behaviour itself is covered with the fake detector in the other files.
 */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_POLICY } from "../../src/config/load.js";
import type { PolicyBlob } from "../../src/config/policy.js";
import { evaluate } from "../../src/policy/evaluate.js";
import { actor, aiCommit, commit, facts, humanFacts, invalid, loaded, OLDER, policy, review } from "./factories.js";

const noTrust = { agents: {} };
const builtIn = loaded(DEFAULT_POLICY);

describe("evaluate with the real detector", () => {
  it("an AI-assisted PR under the built-in default waits for one approval and gets the label", () => {
    const decision = evaluate(builtIn, facts(), noTrust);
    expect(decision.detection.agents).toContain("claude-code");
    expect([decision.conclusion, decision.label.add]).toEqual(["action_required", "ai-assisted"]);
  });

  it("a human-only PR under the built-in default passes", () => {
    expect(evaluate(builtIn, humanFacts(), noTrust).conclusion).toBe("success");
  });

  it("an approval from a writer passes the built-in default", () => {
    expect(evaluate(builtIn, facts({ reviews: [review("alice", "APPROVED")] }), noTrust).conclusion).toBe("success");
  });

  it("an agent's review does not count even when it is not marked as a bot", () => {
    const copilot = { ...review("copilot", "APPROVED"), author: { login: "copilot", id: 198982749, isBot: false } };
    const decision = evaluate(builtIn, facts({ reviews: [copilot] }), noTrust);
    expect(decision.rules[0].ignored).toEqual([expect.objectContaining({ login: "copilot", reason: "agent" })]);
  });

  it("an agent's Signed-off-by fails the sign-off gate, naming the commit", () => {
    const gates = { ...DEFAULT_POLICY.gates, forbid_agent_signoff: true };
    const signed = commit({ sha: OLDER, message: "Fix\n\nSigned-off-by: Claude <noreply@anthropic.com>\n" });
    const decision = evaluate(loaded(policy({ ...DEFAULT_POLICY, gates })), facts({ commits: [aiCommit(), signed] }), noTrust);
    expect(decision.gates[0]).toMatchObject({ name: "forbid_agent_signoff", status: "failed" });
    expect(decision.gates[0].offenders[0]).toMatch(/^3f2a1c0 Signed-off-by: Claude <noreply@anthropic.com>/);
  });

  it("an invalid policy still lists the AI signals (catalogue defaults)", () => {
    const decision = evaluate(invalid([{ file: ".agent-governance.yml", line: 1, column: 1, message: "bad" }]), facts(), noTrust);
    expect([decision.conclusion, decision.detection.aiAssisted]).toEqual(["failure", true]);
  });

  it("a PR's new policy is validated with the real validator", () => {
    const text = "version: 1\nrule: []\n";
    const blob: PolicyBlob = { path: ".agent-governance.yml", text, byteSize: text.length, oid: "b2" };
    const decision = evaluate(builtIn, humanFacts({ policyChanges: [{ path: ".agent-governance.yml", blob }] }), noTrust);
    expect(decision.conclusion).toBe("failure");
    expect(decision.annotations[0]).toMatchObject({ path: ".agent-governance.yml", start_line: 2 });
  });

  it("a new organisation default in the .github repository may use `enforce`; elsewhere it may not", () => {
    const text = "version: 1\nenforce: [rules]\n";
    const blob: PolicyBlob = { path: ".agent-governance.yml", text, byteSize: text.length, oid: "b3" };
    const change = { policyChanges: [{ path: ".agent-governance.yml", blob }] };
    const inDotGithub = evaluate(builtIn, humanFacts({ repo: ".github", ...change }), noTrust);
    const inRepository = evaluate(builtIn, humanFacts(change), noTrust);
    expect(inDotGithub.policyErrors).toEqual([]);
    expect(inRepository.policyErrors.map((e) => e.message).join()).toMatch(/enforce/);
  });

  it("a PR opened by the Copilot coding agent is AI-assisted", () => {
    const decision = evaluate(builtIn, humanFacts({ author: { ...actor("copilot", true), id: 198982749 } }), noTrust);
    expect(decision.detection.agents).toContain("copilot");
  });
});

/** Each agent's tier comes from the ledger; the PR takes the lowest. */
import { describe, expect, it } from "@jest/globals";
import type { Autonomy } from "../../src/config/policy.js";
import type { AgentTrust, Trust } from "../../src/policy/decision.js";
import { actor, aiCommit, AUTONOMY, commit, decide, facts, policy } from "./factories.js";

const autonomy = AUTONOMY;

const record = (agent: string, tier: string, merged = 14): AgentTrust => ({ agent, tier, merged, reverted: 0, windowDays: 90 });
const copilotCommit = commit({ sha: "c0ffee0000000000000000000000000000000000", author: { name: "Copilot", email: "198982749+Copilot@users.noreply.github.com", user: actor("copilot", true) } });
const bothAgents = facts({ commits: [aiCommit(), copilotCommit] });

const rows: { sentence: string; trust: Trust; autonomy: Autonomy | null; tier: string; prFacts?: ReturnType<typeof facts> }[] = [
  { sentence: "an agent without a record is new", trust: { agents: {} }, autonomy, tier: "new" },
  { sentence: "an agent takes its tier from the ledger", trust: { agents: { "claude-code": record("claude-code", "trusted") } }, autonomy, tier: "trusted" },
  { sentence: "with autonomy off every agent is new", trust: { agents: { "claude-code": record("claude-code", "trusted") } }, autonomy: null, tier: "new" },
  { sentence: "a tier the policy does not define counts as new", trust: { agents: { "claude-code": record("claude-code", "legendary") } }, autonomy, tier: "new" },
  {
    sentence: "a PR with several agents takes the lowest of their tiers",
    trust: { agents: { "claude-code": record("claude-code", "trusted"), copilot: record("copilot", "established") } },
    autonomy,
    tier: "established",
    prFacts: bothAgents,
  },
  {
    sentence: "one new agent makes the whole PR new",
    trust: { agents: { "claude-code": record("claude-code", "trusted") } },
    autonomy,
    tier: "new",
    prFacts: bothAgents,
  },
];

describe("autonomy tiers", () => {
  it.each(rows)("$sentence", (row) => {
    const decision = decide({ policy: policy({ autonomy: row.autonomy }), facts: row.prFacts ?? facts(), trust: row.trust });
    expect(decision.tier).toBe(row.tier);
  });

  it("lists every detected agent with its tier and record", () => {
    const trust = { agents: { "claude-code": record("claude-code", "trusted", 60) } };
    const decision = decide({ policy: policy({ autonomy }), facts: bothAgents, trust });
    expect(decision.agents).toEqual([
      { agent: "claude-code", tier: "trusted", merged: 60, reverted: 0, windowDays: 90 },
      { agent: "copilot", tier: "new", merged: 0, reverted: 0, windowDays: 90 },
    ]);
  });

  it("a rule selecting tier new stops applying once the agent is trusted", () => {
    const rules = [{ name: "new agents", when: { ai: true, tier: ["new"] }, require: { approvals: 2, from: null }, request_review: true }];
    const trusted = decide({ policy: policy({ autonomy, rules }), trust: { agents: { "claude-code": record("claude-code", "trusted") } } });
    const fresh = decide({ policy: policy({ autonomy, rules }) });
    expect([trusted.rules[0].status, fresh.rules[0].status]).toEqual(["not-applicable", "waiting"]);
  });
});

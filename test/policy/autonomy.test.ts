import { describe, expect, it } from "@jest/globals";
import type { Autonomy } from "../../src/config/policy.js";
import { AUTONOMY } from "./factories.js";
import type { AgentTrust, Trust } from "../../src/policy/decision.js";
import { agentTrust, computeTrust, nextTierChange, pullRequestTier, trustOfAgents, windowStart, type TrackRecord } from "../../src/policy/autonomy.js";

const NOW = new Date("2026-06-01T00:00:00.000Z");
const daysAgo = (days: number): Date => new Date(NOW.getTime() - days * 24 * 3600 * 1000);


const record = (merged: number, reverted = 0, lastRevertAt: Date | null = null): TrackRecord => ({
  agent: "claude-code",
  merged,
  reverted,
  lastRevertAt,
});

describe("an agent's tier", () => {
  it.each([
    ["an agent with no merges is new", record(0), AUTONOMY, "new"],
    ["9 merges are one short of established", record(9), AUTONOMY, "new"],
    ["10 clean merges earn established", record(10), AUTONOMY, "established"],
    ["a revert rate exactly at the maximum still earns the tier (1 of 20 = 5%)", record(20, 1, daysAgo(60)), AUTONOMY, "established"],
    ["a revert rate above every maximum leaves the agent new (1 of 10)", record(10, 1, daysAgo(60)), AUTONOMY, "new"],
    ["50 merges with 2% reverted earn trusted", record(50, 1, daysAgo(60)), AUTONOMY, "trusted"],
    ["50 merges with 4% reverted stop at established", record(50, 2, daysAgo(60)), AUTONOMY, "established"],
    ["a revert 3 days ago demotes to new for demote_on_revert_days", record(60, 1, daysAgo(3)), AUTONOMY, "new"],
    ["a revert 15 days ago no longer demotes", record(60, 1, daysAgo(15)), AUTONOMY, "trusted"],
    ["the demotion ends exactly demote_on_revert_days after the revert", record(60, 1, daysAgo(14)), AUTONOMY, "trusted"],
    ["demote_on_revert_days 0 never demotes", record(60, 1, daysAgo(1)), { ...AUTONOMY, demote_on_revert_days: 0 }, "trusted"],
    ["autonomy off makes everyone new", record(500), null, "new"],
    [
      "the highest tier met wins even when a lower one is not",
      record(10, 1, daysAgo(60)),
      { ...AUTONOMY, tiers: [{ name: "careful", min_merged: 5, max_revert_rate: 0 }, { name: "busy", min_merged: 10, max_revert_rate: 0.5 }] },
      "busy",
    ],
  ])("%s", (_name, track, autonomy, tier) => {
    expect(agentTrust(track, autonomy, NOW).tier).toBe(tier);
  });

  it("says until when a demoted agent stays new", () => {
    expect(agentTrust(record(60, 1, new Date("2026-05-29T10:00:00.000Z")), AUTONOMY, NOW).demotedUntil).toBe("2026-06-12T10:00:00.000Z");
  });

  it("keeps the counts and the window the tier was computed on", () => {
    expect(agentTrust(record(12, 0), AUTONOMY, NOW)).toEqual({
      agent: "claude-code",
      tier: "established",
      merged: 12,
      reverted: 0,
      windowDays: 90,
    });
  });

  it("gives the engine one entry per agent with a track record", () => {
    const trust = computeTrust([{ ...record(10), agent: "copilot" }, record(1)], AUTONOMY, NOW);
    expect(Object.fromEntries(Object.entries(trust.agents).map(([id, t]) => [id, t.tier]))).toEqual({
      copilot: "established",
      "claude-code": "new",
    });
  });

  it("counts merges from window_days before now", () => {
    expect(windowStart(AUTONOMY, NOW).toISOString()).toBe("2026-03-03T00:00:00.000Z");
  });
});

describe("the tier of a PR with several agents", () => {
  const at = (tier: string): AgentTrust => ({ agent: "", tier, merged: 0, reverted: 0, windowDays: 90 });
  const trust: Trust = { agents: { a: at("trusted"), b: at("established"), c: at("new"), d: at("retired") } };

  it.each([
    ["one established agent: established", ["b"], AUTONOMY, "established"],
    ["trusted and established agents: established", ["a", "b"], AUTONOMY, "established"],
    ["a trusted agent and one without a record: new", ["a", "unknown"], AUTONOMY, "new"],
    ["a trusted agent and a new one: new", ["a", "c"], AUTONOMY, "new"],
    ["a tier the policy no longer names counts as new", ["a", "d"], AUTONOMY, "new"],
    ["no agents: new", [], AUTONOMY, "new"],
    ["autonomy off: new", ["a"], null, "new"],
  ])("%s", (_name, agents, autonomy, tier) => {
    expect(pullRequestTier(trustOfAgents(agents, trust, autonomy), autonomy)).toBe(tier);
  });
});

describe("what changes an agent's tier next", () => {
  const trustOf = (track: TrackRecord, autonomy: Autonomy = AUTONOMY) => agentTrust(track, autonomy, NOW);

  it.each([
    ["9 clean merges", trustOf(record(9)), AUTONOMY, "1 more merge to established"],
    ["8 clean merges", trustOf(record(8)), AUTONOMY, "2 more merges to established"],
    ["established after 10 merges", trustOf(record(10)), AUTONOMY, "40 more merges to trusted"],
    ["1 of 10 reverted long ago", trustOf(record(10, 1, daysAgo(60))), AUTONOMY, "10 more merges without a revert to established"],
    ["1 of 14 reverted, 7% allowed", trustOf(record(14, 1, daysAgo(60))), { ...AUTONOMY, tiers: [{ name: "x", min_merged: 1, max_revert_rate: 0.07 }] }, "1 more merge without a revert to x"],
    ["demoted by a revert", trustOf(record(60, 1, daysAgo(3))), AUTONOMY, "demoted after a revert; demotion ends 2026-06-12"],
    ["trusted", trustOf(record(60)), AUTONOMY, "highest tier"],
    ["autonomy off", trustOf(record(60)), null, "autonomy is off: every agent is new"],
  ])("%s: %s", (_name, trust, autonomy, message) => {
    expect(nextTierChange(trust, autonomy).message).toBe(message);
  });

  it("names the tier and the number of merges still needed", () => {
    expect(nextTierChange(trustOf(record(8)), AUTONOMY)).toEqual({
      kind: "promotion",
      tier: "established",
      merges: 2,
      message: "2 more merges to established",
    });
  });

  it("says when only ageing reverts out of the window can reach a tier that allows none", () => {
    const strict = { ...AUTONOMY, tiers: [{ name: "spotless", min_merged: 5, max_revert_rate: 0 }] };
    expect(nextTierChange(trustOf(record(10, 1, daysAgo(60)), strict), strict).kind).toBe("reverts-block");
  });
});

/**
 * Graduated autonomy, pure: from each agent's track record to its tier, and from the agents'
 * tiers to the pull request's. An agent's tier is the highest tier whose `min_merged` and
 * `max_revert_rate` it meets within `window_days`, else `new`; a revert makes it `new` for
 * `demote_on_revert_days`. With autonomy off every agent is `new`, and a tier name the policy
 * no longer defines counts as `new` too (never more trust than the policy grants).
 */
import type { Autonomy, Tier } from "../config/policy.js";
import type { AgentTrust, Trust } from "./decision.js";

/** An agent's merges in the window, how many of those were reverted, and its latest revert ever (the ledger's answer). */
export interface TrackRecord {
  agent: string;
  merged: number;
  reverted: number;
  lastRevertAt: Date | null;
}

/** The implicit tier below every configured one. */
export const NEW_TIER = "new";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Rates such as 1/20 vs 0.05 must compare equal despite binary floating point. */
const RATE_EPSILON = 1e-9;

/** The first instant counted in the window ending at `now`. */
export function windowStart(autonomy: Autonomy, now: Date): Date {
  return new Date(now.getTime() - autonomy.window_days * DAY_MS);
}

export function computeTrust(records: readonly TrackRecord[], autonomy: Autonomy | null, now: Date): Trust {
  const agents: Record<string, AgentTrust> = {};
  for (const record of records) agents[record.agent] = agentTrust(record, autonomy, now);
  return { agents };
}

export function agentTrust(record: TrackRecord, autonomy: Autonomy | null, now: Date): AgentTrust {
  const base = { agent: record.agent, merged: record.merged, reverted: record.reverted };
  if (autonomy === null) return { ...base, tier: NEW_TIER, windowDays: 0 };
  const windowDays = autonomy.window_days;
  const demotedUntil = demotionEnd(record.lastRevertAt, autonomy);
  if (demotedUntil !== null && now < demotedUntil) {
    return { ...base, tier: NEW_TIER, windowDays, demotedUntil: demotedUntil.toISOString() };
  }
  const earned = autonomy.tiers.filter((tier) => meets(record, tier));
  return { ...base, tier: earned.at(-1)?.name ?? NEW_TIER, windowDays };
}

function rank(tier: string, autonomy: Autonomy | null): number {
  if (!autonomy) return 0;
  return autonomy.tiers.findIndex((candidate) => candidate.name === tier) + 1; // -1 (unknown) → 0, same as `new`
}

/** The trust of each of the PR's agents; an agent without a record is `new`. */
export function trustOfAgents(agents: readonly string[], trust: Trust, autonomy: Autonomy | null): AgentTrust[] {
  return agents.map((agent) => {
    const record = trust.agents[agent];
    const windowDays = record?.windowDays ?? autonomy?.window_days ?? 0;
    const base: AgentTrust = record
      ? { ...record, agent, windowDays }
      : { agent, tier: NEW_TIER, merged: 0, reverted: 0, windowDays };
    return { ...base, tier: rank(base.tier, autonomy) === 0 ? NEW_TIER : base.tier };
  });
}

/** A PR with several agents takes the lowest of their tiers; no agents is `new`. */
export function pullRequestTier(agents: readonly AgentTrust[], autonomy: Autonomy | null): string {
  if (agents.length === 0) return NEW_TIER;
  let lowest = agents[0].tier;
  for (const agent of agents) if (rank(agent.tier, autonomy) < rank(lowest, autonomy)) lowest = agent.tier;
  return lowest;
}

/** What would change the agent's tier next, for `agent-governance trust`. */
export type TierOutlook =
  | { kind: "autonomy-off"; message: string }
  | { kind: "demoted"; until: string; message: string }
  | { kind: "promotion"; tier: string; merges: number; message: string }
  | { kind: "reverts-block"; tier: string; message: string }
  | { kind: "top"; message: string };

export function nextTierChange(trust: AgentTrust, autonomy: Autonomy | null): TierOutlook {
  if (autonomy === null) return { kind: "autonomy-off", message: "autonomy is off: every agent is new" };
  if (trust.demotedUntil !== undefined) {
    return { kind: "demoted", until: trust.demotedUntil, message: `demoted after a revert; demotion ends ${trust.demotedUntil.slice(0, 10)}` };
  }
  const current = autonomy.tiers.findIndex((t) => t.name === trust.tier);
  const next = autonomy.tiers[current + 1];
  if (next === undefined) return { kind: "top", message: "highest tier" };
  const merges = mergesToReach(trust, next);
  if (merges === null) {
    return {
      kind: "reverts-block",
      tier: next.name,
      message: `${next.name} allows no reverts: reachable once the reverted merges leave the ${autonomy.window_days}-day window`,
    };
  }
  const noun = merges === 1 ? "merge" : "merges";
  const clean = trust.reverted > 0 ? " without a revert" : "";
  return { kind: "promotion", tier: next.name, merges, message: `${merges} more ${noun}${clean} to ${next.name}` };
}

function meets(record: Pick<TrackRecord, "merged" | "reverted">, tier: Tier): boolean {
  return record.merged >= tier.min_merged && rateWithin(record.reverted, record.merged, tier.max_revert_rate);
}

function rateWithin(reverted: number, merged: number, maxRate: number): boolean {
  // No merges, no reverts: a rate of 0.
  return merged === 0 ? reverted === 0 : reverted / merged <= maxRate + RATE_EPSILON;
}

function demotionEnd(lastRevertAt: Date | null, autonomy: Autonomy): Date | null {
  if (lastRevertAt === null || autonomy.demote_on_revert_days <= 0) return null;
  return new Date(lastRevertAt.getTime() + autonomy.demote_on_revert_days * DAY_MS);
}

/** Unreverted merges still needed to meet `tier`, or null when only ageing reverts out can. */
function mergesToReach(record: Pick<AgentTrust, "merged" | "reverted">, tier: Tier): number | null {
  if (record.reverted > 0 && tier.max_revert_rate <= 0) return null;
  const floor = Math.max(0, tier.min_merged - record.merged);
  const forRate = record.reverted > 0 ? Math.ceil(record.reverted / tier.max_revert_rate) - record.merged : 0;
  let merges = Math.max(floor, forRate);
  // The division may land one off either way in floating point: settle on the exact minimum.
  const reaches = (m: number): boolean => meets({ merged: record.merged + m, reverted: record.reverted }, tier);
  while (merges > floor && reaches(merges - 1)) merges -= 1;
  while (!reaches(merges)) merges += 1;
  return merges;
}

/**
 * Autonomy tiers (SPEC §5): the ledger says each agent's tier; the PR takes the lowest of
 * its agents'. With autonomy off every agent is `new`, and a tier name the policy no longer
 * defines counts as `new` too (never more trust than the policy grants).
 */
import type { Autonomy } from "../config/policy.js";
import type { AgentTrust, Trust } from "./decision.js";

export const NEW_TIER = "new";

function rank(tier: string, autonomy: Autonomy | null): number {
  if (!autonomy) return 0;
  const index = autonomy.tiers.findIndex((candidate) => candidate.name === tier);
  return index + 1; // -1 (unknown) → 0, same as `new`
}

export function agentTrust(agents: readonly string[], trust: Trust, autonomy: Autonomy | null): AgentTrust[] {
  return agents.map((agent) => {
    const record = trust.agents[agent];
    const windowDays = record?.windowDays ?? autonomy?.window_days ?? 0;
    const base: AgentTrust = record
      ? { ...record, agent, windowDays }
      : { agent, tier: NEW_TIER, merged: 0, reverted: 0, windowDays };
    return { ...base, tier: rank(base.tier, autonomy) === 0 ? NEW_TIER : base.tier };
  });
}

/** The lowest tier among the agents; `new` when there are none. */
export function pullRequestTier(agents: readonly AgentTrust[], autonomy: Autonomy | null): string {
  if (agents.length === 0) return NEW_TIER;
  let lowest = agents[0].tier;
  for (const agent of agents) if (rank(agent.tier, autonomy) < rank(lowest, autonomy)) lowest = agent.tier;
  return lowest;
}

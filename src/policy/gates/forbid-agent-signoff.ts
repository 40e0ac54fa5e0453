/**
 * "AI agents MUST NOT add Signed-off-by tags" (Linux kernel policy): a Signed-off-by trailer
 * naming an agent identity fails, and the commit is named. The detector knows the identities.
 */
import { flag } from "../../config/schema-parts.js";
import { shortSha } from "../login.js";
import { type Gate, gate, named } from "./gate.js";

export const forbidAgentSignoff: Gate<boolean> = (context) => {
  const offenders: string[] = [];
  for (const commit of context.detection.agentSignOffs) {
    for (const signal of commit.signals) {
      offenders.push(`${shortSha(commit.sha)} ${signal.detail} (${signal.agent})`);
    }
  }
  return offenders.length === 0
    ? { name: "forbid_agent_signoff", status: "passed", detail: "no agent signed off", offenders }
    : { name: "forbid_agent_signoff", status: "failed", detail: `agent sign-off in ${named(offenders)}`, offenders };
};

export const forbidAgentSignoffGate = gate(
  "forbid_agent_signoff",
  flag("Fail when an agent appears in a `Signed-off-by` trailer. Default `false`.", false),
  forbidAgentSignoff,
);

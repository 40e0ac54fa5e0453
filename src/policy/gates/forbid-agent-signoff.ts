/**
 * "AI agents MUST NOT add Signed-off-by tags" (Linux kernel policy): a Signed-off-by trailer
 * naming an agent identity fails, and the commit is named. The detector knows the identities.
 */
import { flag } from "../../config/schema-parts.js";
import { type Gate, gate } from "./gate.js";
import type { SignOff } from "../reasons.js";

export const forbidAgentSignoff: Gate<boolean> = (context) => {
  const signOffs: SignOff[] = [];
  for (const commit of context.detection.agentSignOffs) {
    for (const signal of commit.signals) signOffs.push({ sha: commit.sha, trailer: signal.detail, agent: signal.agent });
  }
  return signOffs.length === 0
    ? { name: "forbid_agent_signoff", status: "passed", reason: { code: "no-agent-signoff" } }
    : { name: "forbid_agent_signoff", status: "failed", reason: { code: "agent-signoff", signOffs } };
};

export const forbidAgentSignoffGate = gate(
  "forbid_agent_signoff",
  flag("Fail when an agent appears in a `Signed-off-by` trailer. Default `false`.", false),
  forbidAgentSignoff,
);

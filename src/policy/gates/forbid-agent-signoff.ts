/**
 * "AI agents MUST NOT add Signed-off-by tags" (Linux kernel policy): a Signed-off-by trailer
 * naming an agent identity fails. The detector already knows every agent identity in its
 * Co-authored-by form, so each sign-off is asked about as if it were a co-author line.
 */
import type { CommitFacts, GitIdentity } from "../../facts.js";
import { shortSha } from "../login.js";
import { type Gate, named } from "./gate.js";

const SIGN_OFF_LINE = /^[ \t]*signed-off-by[ \t]*:[ \t]*(.*?)[ \t]*$/gim;
const NOBODY: GitIdentity = { name: "", email: "", user: null };

export const forbidAgentSignoff: Gate<boolean> = (context) => {
  const offenders: string[] = [];
  for (const commit of context.facts.commits) {
    for (const [, value] of commit.message.matchAll(SIGN_OFF_LINE)) {
      if (value === "") continue;
      const probe: CommitFacts = { sha: commit.sha, message: `Co-authored-by: ${value}`, author: NOBODY, committer: NOBODY, parentCount: 1 };
      const agents = context.detectCommit(probe, context.detectionConfig).agents;
      if (agents.length > 0) offenders.push(`${shortSha(commit.sha)} Signed-off-by: ${value} (${agents.join(", ")})`);
    }
  }
  return offenders.length === 0
    ? { name: "forbid_agent_signoff", status: "passed", detail: "no agent signed off", offenders }
    : { name: "forbid_agent_signoff", status: "failed", detail: `agent sign-off in ${named(offenders)}`, offenders };
};

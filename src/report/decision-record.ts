/**
 * The audit-trail view of an engine `Decision`: what was decided, under which policy, on
 * whose approval. It has the shape of the ledger's `DecisionRecord`; the pipeline hands it
 * over, so rendering and storing stay apart.
 */
import type { Decision } from "../policy/decision.js";
import { decisionTitle, ignoredText, overrideText } from "./reasons.js";

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
}

export function decisionRecordFrom(decision: Decision, pr: PullRequestRef, now: Date) {
  return {
    owner: pr.owner,
    repo: pr.repo,
    pr: pr.number,
    headSha: decision.headSha,
    policy: {
      kind: decision.policySource.kind,
      description: decision.policySource.description,
      blobShas: [...decision.policySource.blobShas],
    },
    conclusion: decision.conclusion,
    title: decisionTitle(decision),
    aiAssisted: decision.detection.aiAssisted,
    tier: decision.tier,
    agents: decision.agents.map((a) => a.agent),
    rules: decision.rules.map((r) => ({ name: r.name, status: r.status, teams: r.eligible.teams.map((team) => team.name) })),
    gates: decision.gates.map((g) => ({ name: g.name, status: g.status })),
    counted: decision.rules.flatMap((r) => r.counted.map((a) => ({ rule: r.name, login: a.login, commitId: a.commitId }))),
    ignored: decision.rules.flatMap((r) =>
      r.ignored.map((a) => ({ rule: r.name, login: a.login, commitId: a.commitId, reason: a.reason.code, detail: ignoredText(a.reason) })),
    ),
    // Refused attempts are kept too: an override label applied by the wrong person is worth auditing.
    override:
      decision.override === null
        ? null
        : { applied: decision.override.applied, by: decision.override.by, detail: overrideText(decision.override.reason) },
    at: now,
  };
}

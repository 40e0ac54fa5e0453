/**
 * A decision as a row of the decisions table and back. The digest makes an identical decision
 * (a redelivery, a re-run) one row.
 */
import { createHash } from "node:crypto";
import type { Selectable } from "kysely";
import type { DecisionRecord } from "./records.js";
import type { DecisionsTable } from "./schema.js";

function lower(text: string): string {
  return text.toLowerCase();
}

export function decisionRow(d: DecisionRecord): DecisionsTable {
  const content = {
    owner: lower(d.owner),
    repo: lower(d.repo),
    pr_number: d.pr,
    head_sha: lower(d.headSha),
    conclusion: d.conclusion,
    title: d.title,
    tier: d.tier,
    policy_kind: d.policy.kind,
    policy_description: d.policy.description,
    policy_blob_shas: JSON.stringify(d.policy.blobShas),
    agents: JSON.stringify(d.agents),
    rules: JSON.stringify(d.rules),
    gates: JSON.stringify(d.gates),
    counted: JSON.stringify(d.counted),
    ignored: JSON.stringify(d.ignored),
    override: d.override === null ? null : JSON.stringify(d.override),
  };
  // Everything but the time: the same evaluation seen again (a redelivery, a re-run) is one row.
  // ai_assisted and the rules' teams follow from the same facts and policy, and stay out so
  // older rows still match.
  const digested = { ...content, rules: JSON.stringify(d.rules.map((rule) => ({ name: rule.name, status: rule.status }))) };
  const digest = createHash("sha256").update(JSON.stringify(Object.values(digested))).digest("hex");
  return { ...content, digest, decided_at: d.at.toISOString(), ai_assisted: d.aiAssisted ? 1 : 0 };
}

export function decisionFromRow(row: Selectable<DecisionsTable>): DecisionRecord {
  return {
    owner: row.owner,
    repo: row.repo,
    pr: Number(row.pr_number),
    headSha: row.head_sha,
    policy: {
      kind: row.policy_kind as DecisionRecord["policy"]["kind"],
      description: row.policy_description,
      blobShas: JSON.parse(row.policy_blob_shas) as string[],
    },
    conclusion: row.conclusion as DecisionRecord["conclusion"],
    title: row.title,
    aiAssisted: row.ai_assisted === null ? row.agents !== "[]" : row.ai_assisted === 1,
    tier: row.tier,
    agents: JSON.parse(row.agents) as DecisionRecord["agents"],
    rules: JSON.parse(row.rules) as DecisionRecord["rules"],
    gates: JSON.parse(row.gates) as DecisionRecord["gates"],
    counted: JSON.parse(row.counted) as DecisionRecord["counted"],
    ignored: JSON.parse(row.ignored) as DecisionRecord["ignored"],
    override: row.override === null ? null : (JSON.parse(row.override) as DecisionRecord["override"]),
    at: new Date(row.decided_at),
  };
}

/**
 * A pull request's page, the check run's details link: the same decision the check run
 * renders (rules, approvals counted and ignored, gates, policy, agents, AI signals per commit),
 * plus the pull request's timeline of decisions from the ledger.
 */
import type { Conclusion, Decision, GateResult, IgnoredReason, RuleResult } from "../../policy/decision.js";
import type { DecisionRecord } from "../../ledger/index.js";
import { audienceText, conditionText, decisionTitle, gateOffenders, gateText, IGNORED_LABEL, ignoredText, needsText, overrideText } from "../../report/reasons.js";
import { duration, isoMinute, shortSha } from "../format.js";
import { html, segment, type Html } from "../html.js";
import { page, type Chrome } from "./layout.js";

export interface PullRequestView {
  owner: string;
  repo: string;
  number: number;
  title: string;
  author: string;
  headRef: string;
  baseRef: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  /** The fresh evaluation; null when the pull request is no longer open. */
  decision: Decision | null;
  commits: Array<{ sha: string; message: string }>;
  /** What would change each agent's tier next ("2 more merges to established"). */
  outlook: Record<string, string>;
  /** The policy file on GitHub, when there is one. */
  policyUrl: string | null;
  timeline: DecisionRecord[];
  /** The signed-in user has write access: the Re-evaluate button. */
  canReEvaluate: boolean;
  /** The head SHA the check run linked to, when it is no longer the head. */
  linkedSha: string | null;
}

export const CONCLUSION_LABEL: Record<Conclusion, string> = {
  success: "Passed",
  action_required: "Waiting for approval",
  failure: "Blocked",
  in_progress: "Waiting for checks",
};
/** Ledger records keep outcomes and reasons as text: an unknown one shows as itself. */
export const conclusionLabel = (conclusion: string): string => CONCLUSION_LABEL[conclusion as Conclusion] ?? conclusion;
export const reasonLabel = (reason: string): string => REASON_LABEL[reason as IgnoredReason["code"]] ?? reason;
const RULE_LABEL: Record<RuleResult["status"], string> = { met: "met", waiting: "waiting", failed: "failed", "not-applicable": "does not apply" };
const GATE_LABEL: Record<GateResult["status"], string> = { passed: "passed", failed: "failed", pending: "pending" };
export const REASON_LABEL = IGNORED_LABEL;

export function pullRequestPage(view: PullRequestView, chrome: Chrome): string {
  const { owner, repo, number } = view;
  const base = `/${segment(owner)}/${segment(repo)}/pull/${number}`;
  return page(`${owner}/${repo}#${number}`, { ...chrome, crumbs: [{ label: owner, href: `/${segment(owner)}` }, { label: `${repo}#${number}` }] }, html`
<h1><span class="muted">${owner}/${repo}#${number}</span> ${view.title}</h1>
<p class="meta">by <strong>@${view.author}</strong> · <code>${view.headRef}</code> → <code>${view.baseRef}</code> · ${view.state.toLowerCase()}</p>
${view.decision ? decisionSections(view, view.decision, base, chrome) : html`<p class="notice">This pull request is ${view.state.toLowerCase()}: it is no longer evaluated. Its decisions are below.</p>`}
<section aria-labelledby="timeline"><h2 id="timeline">Timeline</h2>${timeline(view.timeline)}</section>`);
}

function decisionSections(view: PullRequestView, decision: Decision, base: string, chrome: Chrome): Html {
  const { detection } = decision;
  return html`
<section class="verdict ${decision.conclusion}" aria-labelledby="verdict">
  <h2 id="verdict"><span class="badge ${decision.conclusion}">${CONCLUSION_LABEL[decision.conclusion]}</span> <span class="verdict-title">${decisionTitle(decision)}</span></h2>
  <p>${detection.aiAssisted ? html`<strong>AI-assisted</strong>${detection.agents.length > 0 ? html` — agents: ${detection.agents.map((a, i) => html`${i > 0 ? ", " : ""}<code>${a}</code>`)}` : ""}; autonomy tier <strong>${decision.tier}</strong>.` : html`<strong>No AI involvement detected.</strong>`}
  Head commit <code>${shortSha(decision.headSha)}</code>.</p>
  ${view.linkedSha && view.linkedSha !== decision.headSha ? html`<p class="notice">The check run you followed was for <code>${shortSha(view.linkedSha)}</code>; the pull request has moved on to <code>${shortSha(decision.headSha)}</code>.</p>` : ""}
  ${decision.override ? html`<p class="notice">${decision.override.applied ? "Overridden" : "Override refused"}${decision.override.by ? html` (by @${decision.override.by})` : ""}: ${overrideText(decision.override.reason)}</p>` : ""}
  ${view.canReEvaluate && chrome.csrf ? html`<form method="post" action="${base}/re-evaluate"><input type="hidden" name="csrf" value="${chrome.csrf}"><button type="submit">Re-evaluate</button></form>` : ""}
</section>
${decision.policyErrors.length > 0 ? html`<section aria-labelledby="errors"><h2 id="errors">Policy errors</h2><ul>${decision.policyErrors.map((e) => html`<li><code>${e.file}:${e.line}:${e.column}</code> ${e.message}</li>`)}</ul></section>` : ""}
<section aria-labelledby="rules"><h2 id="rules">Rules</h2>${rulesTable(decision.rules)}</section>
<section aria-labelledby="gates"><h2 id="gates">Gates</h2>${decision.gates.length === 0 ? html`<p>No gates configured.</p>` : html`
<table><thead><tr><th scope="col">Gate</th><th scope="col">Status</th><th scope="col">Detail</th></tr></thead><tbody>
${decision.gates.map((g) => gateRow(g))}
</tbody></table>`}</section>
<section aria-labelledby="policy"><h2 id="policy">Policy in force</h2>
<p>${view.policyUrl ? html`<a href="${view.policyUrl}">${decision.policySource.description}</a>` : decision.policySource.description}
(${policyKind(decision.policySource.kind)})${decision.policySource.blobShas.length > 0 ? html` · blob ${decision.policySource.blobShas.map((sha, i) => html`${i > 0 ? " + " : ""}<code>${shortSha(sha)}</code>`)}` : ""}</p></section>
<section aria-labelledby="agents"><h2 id="agents">Agents</h2>${decision.agents.length === 0 ? html`<p>No agent identified.</p>` : html`
<table><thead><tr><th scope="col">Agent</th><th scope="col">Tier</th><th scope="col">Record</th><th scope="col">Next tier</th></tr></thead><tbody>
${decision.agents.map((a) => html`<tr><td><a href="/${segment(view.owner)}/agents/${segment(a.agent)}">${a.agent}</a></td><td>${a.tier}</td><td>${a.merged} merged, ${a.reverted} reverted${a.windowDays > 0 ? ` in ${a.windowDays} days` : ""}</td><td>${view.outlook[a.agent] ?? ""}</td></tr>`)}
</tbody></table>`}</section>
<section aria-labelledby="commits"><h2 id="commits">Commits and AI signals</h2>${commitsTable(view, decision)}</section>`;
}

function gateRow(gate: GateResult): Html {
  const offenders = gateOffenders(gate.reason);
  return html`<tr><td>${gate.name}</td><td><span class="status ${gate.status}">${GATE_LABEL[gate.status]}</span></td><td>${gateText(gate)}${offenders.length > 0 ? html`<ul class="compact">${offenders.slice(0, 50).map((o) => html`<li><code>${o}</code></li>`)}</ul>` : ""}</td></tr>`;
}

function policyKind(kind: Decision["policySource"]["kind"]): string {
  switch (kind) {
    case "repository":
      return "from the base branch";
    case "organization":
      return "organisation default";
    case "repository+organization":
      return "base branch, extending the organisation default";
    case "built-in":
      return "built-in default";
  }
}

function rulesTable(rules: readonly RuleResult[]): Html {
  if (rules.length === 0) return html`<p>No rules.</p>`;
  return html`<table><thead><tr><th scope="col">Rule</th><th scope="col">Status</th><th scope="col">Needs</th><th scope="col">Who can satisfy it</th><th scope="col">Approvals counted</th><th scope="col">Ignored</th></tr></thead><tbody>
${rules.map((rule) => html`<tr>
<td>${rule.name}<details><summary>why</summary><ul class="compact">${rule.why.map((w) => html`<li>${conditionText(w)}</li>`)}</ul></details></td>
<td><span class="status ${rule.status}">${RULE_LABEL[rule.status]}</span></td>
<td>${needsText(rule)}</td>
<td>${audienceText(rule.eligible).join(", ")}</td>
<td>${rule.counted.length === 0 ? "–" : rule.counted.map((a, i) => html`${i > 0 ? ", " : ""}@${a.login}`)}</td>
<td>${rule.ignored.length === 0 ? "–" : html`<ul class="compact">${rule.ignored.map((a) => html`<li>@${a.login}: ${REASON_LABEL[a.reason.code]} — ${ignoredText(a.reason)}</li>`)}</ul>`}${rule.changesRequestedBy.length > 0 ? html`<p>Changes requested by ${rule.changesRequestedBy.map((l, i) => html`${i > 0 ? ", " : ""}@${l}`)}</p>` : ""}</td>
</tr>`)}
</tbody></table>`;
}

function commitsTable(view: PullRequestView, decision: Decision): Html {
  const detections = new Map(decision.detection.commits.map((c) => [c.sha, c]));
  const prSignals = decision.detection.pullRequestSignals;
  return html`${prSignals.length > 0 ? html`<p>Pull request: ${prSignals.map((s, i) => html`${i > 0 ? "; " : ""}${s.rule} · <code>${s.agent}</code> · ${s.confidence}${s.counted ? "" : " (not counted)"} · ${s.detail}`)}</p>` : ""}
<table><thead><tr><th scope="col">Commit</th><th scope="col">Message</th><th scope="col">Signals (rule, agent, confidence, evidence)</th></tr></thead><tbody>
${view.commits.map((commit) => {
    const signals = detections.get(commit.sha)?.signals ?? [];
    const [subject, ...rest] = commit.message.split("\n");
    return html`<tr><td><code>${shortSha(commit.sha)}</code></td>
<td class="message">${subject}${rest.join("\n").trim() ? html`<details><summary>full message</summary><pre>${commit.message}</pre></details>` : ""}</td>
<td>${signals.length === 0 ? "none" : html`<ul class="compact">${signals.map((s) => html`<li>${s.rule} · <code>${s.agent}</code> · ${s.confidence}${s.counted ? "" : " (not counted)"} · ${s.detail}</li>`)}</ul>`}</td></tr>`;
  })}
</tbody></table>`;
}

function timeline(records: readonly DecisionRecord[]): Html {
  if (records.length === 0) return html`<p>No decision recorded yet.</p>`;
  let previous: DecisionRecord | null = null;
  const items: Html[] = [];
  for (const record of records) {
    const notes: string[] = [];
    if (previous === null) notes.push("first decision");
    else {
      if (previous.headSha !== record.headSha) notes.push(`new head ${shortSha(record.headSha)}`);
      if (previous.conclusion !== record.conclusion) notes.push(`verdict ${conclusionLabel(previous.conclusion).toLowerCase()} → ${conclusionLabel(record.conclusion).toLowerCase()}`);
    }
    const since = previous ? duration(record.at.getTime() - previous.at.getTime()) : null;
    items.push(html`<li><time datetime="${record.at.toISOString()}">${isoMinute(record.at)}</time>${since ? html` <span class="muted">(+${since})</span>` : ""}
<span class="badge ${record.conclusion}">${conclusionLabel(record.conclusion)}</span> ${record.title}
<span class="muted">· head <code>${shortSha(record.headSha)}</code> · tier ${record.tier}${notes.length > 0 ? ` · ${notes.join(", ")}` : ""}</span>
${record.counted.length > 0 ? html`<br>Approved by ${[...new Set(record.counted.map((c) => c.login))].map((l, i) => html`${i > 0 ? ", " : ""}@${l}`)}` : ""}
${record.override ? html`<br>${record.override.applied ? "Overridden" : "Override refused"}${record.override.by ? html` by @${record.override.by}` : ""}: ${record.override.detail}` : ""}</li>`);
    previous = record;
  }
  return html`<ol class="timeline">${items.reverse()}</ol>`;
}

/** The audit log: the organisation's decisions, filtered, with CSV and JSON exports of the same records. */
import type { DecisionRecord } from "../../ledger/index.js";
import type { Conclusion } from "../../policy/decision.js";
import { isoMinute, shortSha } from "../format.js";
import { html, segment } from "../html.js";
import { page, type Chrome } from "./layout.js";
import { CONCLUSION_LABEL, conclusionLabel, reasonLabel } from "./pull-request.js";

export interface AuditQuery {
  repo?: string;
  agent?: string;
  conclusion?: Conclusion;
  approver?: string;
  since?: string;
  until?: string;
}

export interface AuditView {
  owner: string;
  query: AuditQuery;
  /** Readable repositories only: the filter's choices. */
  repositories: string[];
  records: DecisionRecord[];
  limit: number;
  /** A filter value that could not be read, e.g. a bad date. */
  problem: string | null;
}

export function auditQueryString(query: AuditQuery): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export function auditPage(view: AuditView, chrome: Chrome): string {
  const o = segment(view.owner);
  const q = view.query;
  const qs = auditQueryString(q);
  return page(`Audit · ${view.owner}`, { ...chrome, crumbs: [{ label: view.owner, href: `/${o}` }, { label: "Audit log" }] }, html`
<h1>Audit log</h1>
<form method="get" action="/${o}/audit" class="filters">
<label>Repository <select name="repo"><option value="">all</option>${view.repositories.map((r) => html`<option${q.repo === r ? html` selected` : ""}>${r}</option>`)}</select></label>
<label>Agent <input name="agent" value="${q.agent ?? ""}"></label>
<label>Outcome <select name="conclusion"><option value="">any</option>${(Object.keys(CONCLUSION_LABEL) as Conclusion[]).map((c) => html`<option value="${c}"${q.conclusion === c ? html` selected` : ""}>${CONCLUSION_LABEL[c]}</option>`)}</select></label>
<label>Approver <input name="approver" value="${q.approver ?? ""}"></label>
<label>From <input type="date" name="since" value="${q.since ?? ""}"></label>
<label>Until <input type="date" name="until" value="${q.until ?? ""}"></label>
<button type="submit">Filter</button>
</form>
${view.problem ? html`<p class="notice" role="alert">${view.problem}</p>` : ""}
<p>${view.records.length} decision${view.records.length === 1 ? "" : "s"}${view.records.length === view.limit ? ` (the newest ${view.limit})` : ""} · Export: <a href="/${o}/audit.csv${qs}">CSV</a> · <a href="/${o}/audit.json${qs}">JSON</a></p>
${view.records.length === 0 ? "" : html`<table><thead><tr><th scope="col">Time</th><th scope="col">Pull request</th><th scope="col">Head</th><th scope="col">Outcome</th><th scope="col">Tier</th><th scope="col">Agents</th><th scope="col">Policy</th><th scope="col">Approved by</th><th scope="col">Ignored</th></tr></thead><tbody>
${view.records.map((r) => html`<tr><td>${isoMinute(r.at)}</td><td><a href="/${o}/${segment(r.repo)}/pull/${r.pr}">${r.repo}#${r.pr}</a></td><td><code>${shortSha(r.headSha)}</code></td><td><span class="badge ${r.conclusion}">${conclusionLabel(r.conclusion)}</span>${r.override ? html` (${r.override.applied ? "overridden" : "override refused"})` : ""}</td><td>${r.tier}</td><td>${r.agents.join(", ") || "–"}</td><td>${r.policy.kind}${r.policy.blobShas.length > 0 ? html` <code>${r.policy.blobShas.map(shortSha).join("+")}</code>` : ""}</td><td>${[...new Set(r.counted.map((c) => `@${c.login}`))].join(", ") || "–"}</td><td>${r.ignored.map((i) => `@${i.login}: ${reasonLabel(i.reason)}`).join("; ") || "–"}</td></tr>`)}
</tbody></table>`}`);
}

/** An agent's page: its record in the window, tier history, every merge and the revert that undid it. */
import type { AgentMerge, AgentSummary, TierChange } from "../../ledger/index.js";
import { isoMinute, percent, shortSha } from "../format.js";
import { html, segment } from "../html.js";
import { page, type Chrome } from "./layout.js";

export interface AgentView {
  owner: string;
  agent: string;
  windowDays: number;
  summary: AgentSummary | null;
  tiers: TierChange[];
  merges: AgentMerge[];
}

export function agentPage(view: AgentView, chrome: Chrome): string {
  const o = segment(view.owner);
  const pull = (repo: string, pr: number) => html`<a href="/${o}/${segment(repo)}/pull/${pr}">${repo}#${pr}</a>`;
  const s = view.summary;
  return page(`${view.agent} · ${view.owner}`, { ...chrome, crumbs: [{ label: view.owner, href: `/${o}` }, { label: view.agent }] }, html`
<h1>${view.agent}</h1>
<p class="meta">In ${view.owner}, the last ${view.windowDays} days: ${s ? html`<strong>${s.merged}</strong> merged, <strong>${s.reverted}</strong> reverted (${percent(s.reverted, s.merged)}); tier at its latest decision <strong>${s.latestTier ?? "–"}</strong>.` : "no merge recorded."}
<a href="/${o}/audit?agent=${segment(view.agent)}">Its decisions in the audit log</a></p>
<section aria-labelledby="tiers"><h2 id="tiers">Tier history</h2>
${view.tiers.length === 0 ? html`<p>No decision in this window.</p>` : html`<ol>${view.tiers.map((t) => html`<li><time datetime="${t.at.toISOString()}">${isoMinute(t.at)}</time> <strong>${t.tier}</strong> (first at ${pull(t.repo, t.pr)})</li>`)}</ol>`}
</section>
<section aria-labelledby="merges"><h2 id="merges">Merges and reverts</h2>
${view.merges.length === 0 ? html`<p>No merge recorded.</p>` : html`
<table><thead><tr><th scope="col">Pull request</th><th scope="col">Merged</th><th scope="col">Reverted</th><th scope="col">By</th></tr></thead><tbody>
${view.merges.map((m) => html`<tr${m.revert ? html` class="reverted"` : ""}><td>${pull(m.repo, m.pr)}</td><td>${isoMinute(m.mergedAt)}</td><td>${m.revert ? isoMinute(m.revert.at) : "–"}</td><td>${m.revert ? (m.revert.pr !== null ? pull(m.repo, m.revert.pr) : m.revert.commitSha ? html`commit <code>${shortSha(m.revert.commitSha)}</code>` : "unknown") : ""}</td></tr>`)}
</tbody></table>`}
</section>`);
}

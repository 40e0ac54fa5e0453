/** An organisation's page: agents and their records, weekly charts, repositories. */
import { barChart, COLOURS } from "../charts.js";
import { duration, percent } from "../format.js";
import { html, segment } from "../html.js";
import type { OrganisationView, WaitTeam } from "../organisation-view.js";
import { page, type Chrome } from "./layout.js";

const TREND: Record<string, string> = { up: "↑ more merges", down: "↓ fewer merges", flat: "→ steady" };
const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10;

export function organisationPage(view: OrganisationView, chrome: Chrome): string {
  const owner = view.owner;
  const o = segment(owner);
  return page(owner, { ...chrome, crumbs: [{ label: owner }] }, html`
<h1>${owner}</h1>
<p class="meta">The last ${view.windowDays} days · <a href="/${o}/audit">Audit log</a></p>
<section aria-labelledby="agents"><h2 id="agents">Agents</h2>
${view.agents.length === 0 ? html`<p>No AI-assisted merge recorded in this window.</p>` : html`
<table><thead><tr><th scope="col">Agent</th><th scope="col">Tier (latest decision)</th><th scope="col">Merged</th><th scope="col">Reverted</th><th scope="col">Revert rate</th><th scope="col">Trend (28 days)</th></tr></thead><tbody>
${view.agents.map((a) => html`<tr><td><a href="/${o}/agents/${segment(a.agent)}">${a.agent}</a></td><td>${a.tier ?? "–"}</td><td>${a.merged}</td><td>${a.reverted}</td><td>${percent(a.reverted, a.merged)}</td><td>${TREND[a.trend]} (${a.recent} vs ${a.before})</td></tr>`)}
</tbody></table>`}
</section>
<section aria-labelledby="merges"><h2 id="merges">Merged pull requests per week</h2>
${barChart({
    id: "merges-chart",
    title: "Merged pull requests per week, AI-assisted and human",
    description: `Weekly merged pull requests over the last ${view.weeks.length} weeks.`,
    series: [
      { name: "AI-assisted", colour: COLOURS.ai },
      { name: "human", colour: COLOURS.human },
    ],
    groups: view.weeks.map((w) => ({ label: w.label, values: [w.ai, w.human] })),
  })}
${barChart({
    id: "reverts-chart",
    title: "Reverted AI-assisted merges per week",
    description: "Reverts recorded per week.",
    series: [{ name: "reverts", colour: COLOURS.revert }],
    groups: view.weeks.map((w) => ({ label: w.label, values: [w.reverts] })),
  })}
<details><summary>The numbers</summary>
<table><thead><tr><th scope="col">Week of</th><th scope="col">AI-assisted</th><th scope="col">Human</th><th scope="col">Reverts</th><th scope="col">Median wait</th><th scope="col">p90 wait</th></tr></thead><tbody>
${view.weeks.map((w) => html`<tr><td>${w.label}</td><td>${w.ai}</td><td>${w.human}</td><td>${w.reverts}</td><td>${w.medianWaitMs === null ? "–" : duration(w.medianWaitMs)}</td><td>${w.p90WaitMs === null ? "–" : duration(w.p90WaitMs)}</td></tr>`)}
</tbody></table></details>
</section>
<section aria-labelledby="waits"><h2 id="waits">Time AI-assisted pull requests waited for approvals</h2>
<p>From the first decision that found a rule waiting to the decision that found it met.</p>
${barChart({
    id: "waits-chart",
    title: "Approval wait per week, median and 90th percentile, in hours",
    description: "Hours an AI-assisted pull request waited for its approvals, per week it was approved.",
    series: [
      { name: "median (h)", colour: COLOURS.median },
      { name: "p90 (h)", colour: COLOURS.p90 },
    ],
    groups: view.weeks.map((w) => ({ label: w.label, values: [hours(w.medianWaitMs ?? 0), hours(w.p90WaitMs ?? 0)] })),
  })}
${view.waitsPerRule.length === 0 ? html`<p>No approval wait recorded in this window.</p>` : html`
<div class="side-by-side">
<div><h3 id="waits-per-rule">Per rule</h3>
<table aria-labelledby="waits-per-rule"><thead><tr><th scope="col">Rule</th><th scope="col">Approved pull requests</th><th scope="col">Median wait</th><th scope="col">p90 wait</th></tr></thead><tbody>
${view.waitsPerRule.map((r) => html`<tr><td>${r.rule}</td><td>${r.count}</td><td>${duration(r.medianMs)}</td><td>${duration(r.p90Ms)}</td></tr>`)}
</tbody></table></div>
<div><h3 id="waits-per-team">Per team</h3>
<table aria-labelledby="waits-per-team"><thead><tr><th scope="col">Team</th><th scope="col">Waits</th><th scope="col">Median wait</th><th scope="col">p90 wait</th></tr></thead><tbody>
${view.waitsPerTeam.map((t) => html`<tr><td>${teamLabel(t.team)}</td><td>${t.count}</td><td>${duration(t.medianMs)}</td><td>${duration(t.p90Ms)}</td></tr>`)}
</tbody></table>
<p class="meta">A rule that names several teams counts its wait for each of them.</p></div>
</div>`}
</section>
<section aria-labelledby="repositories"><h2 id="repositories">Repositories</h2>
${view.repositories.length === 0 ? html`<p>No repository you can read has decisions yet.</p>` : html`
<table><thead><tr><th scope="col">Repository</th><th scope="col">Policy</th><th scope="col">Merged</th><th scope="col">AI-assisted share</th><th scope="col">Decisions</th></tr></thead><tbody>
${view.repositories.map((r) => html`<tr><td><a href="/${o}/audit?repo=${segment(r.repo)}">${r.repo}</a></td><td>${r.policy ? r.policy.description : "–"}</td><td>${r.mergedPulls}</td><td>${percent(r.aiAssistedMerges, r.mergedPulls)}</td><td>${r.decisions}</td></tr>`)}
</tbody></table>`}
</section>`);
}

function teamLabel(team: WaitTeam): string {
  if (team.kind === "team") return `@${team.name}`;
  return team.kind === "none" ? "No team (listed users or a permission)" : "Not recorded (decided before teams were kept)";
}

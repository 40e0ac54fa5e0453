/**
 * Server-side SVG charts: grouped bars per week. No script, no inline style (the
 * Content-Security-Policy allows neither): colours are presentation attributes. Each chart has
 * a title and description for screen readers, and every bar a <title> with its exact value;
 * the pages also print the numbers in a table.
 */
import { html, type Html } from "./html.js";

export interface Series {
  name: string;
  colour: string;
}

export interface BarGroup {
  label: string;
  values: number[];
}

export interface BarChart {
  id: string;
  title: string;
  description: string;
  series: Series[];
  groups: BarGroup[];
  /** Formats a value for tooltips and the axis ("3", "2.5 h"). */
  format?: (value: number) => string;
}

const WIDTH = 720;
const HEIGHT = 220;
const PAD = { top: 16, right: 12, bottom: 40, left: 56 };

export function barChart(chart: BarChart): Html {
  const format = chart.format ?? ((v: number) => String(v));
  const max = Math.max(1, ...chart.groups.flatMap((g) => g.values));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, chart.groups.length);
  const barW = Math.max(2, (groupW * 0.8) / Math.max(1, chart.series.length));
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 2, max];
  const labelEvery = Math.ceil(chart.groups.length / 12);
  return html`<figure class="chart">
<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-labelledby="${chart.id}-title ${chart.id}-desc" xmlns="http://www.w3.org/2000/svg">
<title id="${chart.id}-title">${chart.title}</title>
<desc id="${chart.id}-desc">${chart.description}</desc>
${ticks.map((t) => html`<line x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="#d0d7de" stroke-width="1"/>
<text x="${PAD.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end" font-size="11" fill="#333">${format(Math.round(t * 10) / 10)}</text>`)}
${chart.groups.map((group, gi) => html`<g>
${group.values.map((value, si) => {
    const x = PAD.left + gi * groupW + groupW * 0.1 + si * barW;
    return html`<rect x="${x.toFixed(1)}" y="${y(value).toFixed(1)}" width="${(barW - 1).toFixed(1)}" height="${(PAD.top + plotH - y(value)).toFixed(1)}" fill="${chart.series[si].colour}"><title>${group.label} · ${chart.series[si].name}: ${format(value)}</title></rect>`;
  })}
${gi % labelEvery === 0 ? html`<text x="${(PAD.left + gi * groupW + groupW / 2).toFixed(1)}" y="${HEIGHT - PAD.bottom + 14}" text-anchor="middle" font-size="10" fill="#333">${group.label}</text>` : ""}
</g>`)}
${chart.series.map((s, i) => html`<rect x="${PAD.left + i * 170}" y="${HEIGHT - 16}" width="10" height="10" fill="${s.colour}"/><text x="${PAD.left + i * 170 + 14}" y="${HEIGHT - 7}" font-size="11" fill="#333">${s.name}</text>`)}
</svg>
</figure>`;
}

/** Colours with at least 3:1 contrast against white (non-text contrast). */
export const COLOURS = { ai: "#6639ba", human: "#0969da", revert: "#cf222e", median: "#1a7f37", p90: "#9a6700" } as const;

/** The organisation page's view model, read from the ledger within the user's readable scope. */
import type { ApprovalWait, LedgerReads, ReadableScope, RepositorySummary } from "../ledger/index.js";
import { lastWeeks, perWeek, quantile, trendOf, type Trend } from "./statistics.js";

export const WINDOW_WEEKS = 12;
const DAY_MS = 24 * 3600 * 1000;
const TREND_DAYS = 28;

export interface WaitStatistics {
  count: number;
  medianMs: number;
  p90Ms: number;
}

/** Whose approval a wait was for: a team ("org/slug"), no team (listed users or a permission), or not recorded (older decisions). */
export type WaitTeam = { kind: "team"; name: string } | { kind: "none" } | { kind: "unrecorded" };

export interface OrganisationView {
  owner: string;
  windowDays: number;
  weeks: Array<{ label: string; ai: number; human: number; reverts: number; medianWaitMs: number | null; p90WaitMs: number | null }>;
  waitsPerRule: Array<{ rule: string } & WaitStatistics>;
  /** Teams by name, then waits of rules no team could approve, then waits whose teams were not recorded. */
  waitsPerTeam: Array<{ team: WaitTeam } & WaitStatistics>;
  agents: Array<{ agent: string; tier: string | null; merged: number; reverted: number; trend: Trend; recent: number; before: number }>;
  repositories: RepositorySummary[];
}

export async function organisationView(reads: LedgerReads, scope: ReadableScope, now: Date): Promise<OrganisationView> {
  const weeks = lastWeeks(now, WINDOW_WEEKS);
  const since = weeks[0];
  const recentSince = new Date(now.getTime() - TREND_DAYS * DAY_MS);
  const beforeSince = new Date(now.getTime() - 2 * TREND_DAYS * DAY_MS);
  const [merges, reverts, waits, agents, repositories] = await Promise.all([
    reads.merges(scope, since),
    reads.reverts(scope, since),
    reads.approvalWaits(scope, since),
    reads.agentSummaries(scope, since, { mergedSince: [recentSince, beforeSince] }),
    reads.repositorySummaries(scope, since),
  ]);
  const mergeWeeks = perWeek(weeks, merges, (m) => m.at);
  const revertWeeks = perWeek(weeks, reverts, (r) => r.at);
  const waitWeeks = perWeek(weeks, waits, (w) => w.at);
  const byRule = new Map<string, number[]>();
  for (const wait of waits) pushTo(byRule, wait.rule, wait.waitedMs);
  return {
    owner: scope.owner,
    windowDays: Math.round((now.getTime() - since.getTime()) / DAY_MS),
    weeks: weeks.map((week) => {
      const key = week.toISOString().slice(0, 10);
      const inWeek = mergeWeeks.get(key) ?? [];
      const waited = (waitWeeks.get(key) ?? []).map((w) => w.waitedMs);
      return {
        label: key.slice(5),
        ai: inWeek.filter((m) => m.aiAssisted).length,
        human: inWeek.filter((m) => !m.aiAssisted).length,
        reverts: revertWeeks.get(key)?.length ?? 0,
        medianWaitMs: quantile(waited, 0.5),
        p90WaitMs: quantile(waited, 0.9),
      };
    }),
    waitsPerRule: [...byRule.entries()].map(([rule, values]) => ({ rule, ...statistics(values) })).sort((a, b) => a.rule.localeCompare(b.rule)),
    waitsPerTeam: waitsPerTeam(waits),
    agents: agents.map((a) => {
      const [r, sinceBefore] = a.mergedSince ?? [0, 0];
      const b = sinceBefore - r;
      return { agent: a.agent, tier: a.latestTier, merged: a.merged, reverted: a.reverted, trend: trendOf(r, b), recent: r, before: b };
    }),
    repositories,
  };
}

function statistics(values: readonly number[]): WaitStatistics {
  return { count: values.length, medianMs: quantile(values, 0.5)!, p90Ms: quantile(values, 0.9)! };
}

/** In place: copying a group's list for each new value is quadratic over thousands of waits. */
function pushTo(groups: Map<string, number[]>, key: string, value: number): void {
  const values = groups.get(key);
  if (values) values.push(value);
  else groups.set(key, [value]);
}

/** A rule naming several teams waited for each of them: its wait counts once per team. */
function waitsPerTeam(waits: readonly ApprovalWait[]): OrganisationView["waitsPerTeam"] {
  const byTeam = new Map<string, number[]>();
  const noTeam: number[] = [];
  const unrecorded: number[] = [];
  for (const wait of waits) {
    if (wait.teams === null) unrecorded.push(wait.waitedMs);
    else if (wait.teams.length === 0) noTeam.push(wait.waitedMs);
    else for (const team of wait.teams) pushTo(byTeam, team, wait.waitedMs);
  }
  const rows: OrganisationView["waitsPerTeam"] = [...byTeam.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, values]) => ({ team: { kind: "team", name }, ...statistics(values) }));
  if (noTeam.length > 0) rows.push({ team: { kind: "none" }, ...statistics(noTeam) });
  if (unrecorded.length > 0) rows.push({ team: { kind: "unrecorded" }, ...statistics(unrecorded) });
  return rows;
}

/** Pure arithmetic behind the organisation page: ISO weeks, quantiles, trends. */
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** Monday 00:00 UTC of the week containing `date`. */
export function weekStart(date: Date): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const offset = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - offset * 24 * 3600 * 1000);
}

/** The `count` week starts ending with the week of `now`, oldest first. */
export function lastWeeks(now: Date, count: number): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * WEEK_MS));
}

/** Items bucketed per week start (ISO day string); items outside the weeks are dropped. */
export function perWeek<T>(weeks: readonly Date[], items: readonly T[], at: (item: T) => Date): Map<string, T[]> {
  const buckets = new Map<string, T[]>(weeks.map((w) => [w.toISOString().slice(0, 10), []]));
  for (const item of items) buckets.get(weekStart(at(item)).toISOString().slice(0, 10))?.push(item);
  return buckets;
}

/** Nearest-rank quantile (0 < q ≤ 1) of `values`; null when empty. */
export function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export type Trend = "up" | "down" | "flat";

/** Compares the recent half of a series with the half before it. */
export function trendOf(recent: number, before: number): Trend {
  if (recent === before) return "flat";
  return recent > before ? "up" : "down";
}

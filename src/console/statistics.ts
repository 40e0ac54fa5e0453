/** Pure arithmetic behind the organisation page: ISO weeks, quantiles, trends. */
const DAY_MS = 24 * 3600 * 1000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-01 was a Thursday: days since the epoch plus this, mod 7, count from Monday. */
const EPOCH_WEEKDAY_FROM_MONDAY = 3;

/** Monday 00:00 UTC of the week containing `date`. */
export function weekStart(date: Date): Date {
  return new Date(weekStartMs(date.getTime()));
}

/** weekStart in epoch milliseconds, without building dates: it runs once per charted item. */
function weekStartMs(ms: number): number {
  const day = Math.floor(ms / DAY_MS);
  const fromMonday = (((day + EPOCH_WEEKDAY_FROM_MONDAY) % 7) + 7) % 7;
  return (day - fromMonday) * DAY_MS;
}

/** The `count` week starts ending with the week of `now`, oldest first. */
export function lastWeeks(now: Date, count: number): Date[] {
  const current = weekStart(now).getTime();
  return Array.from({ length: count }, (_, i) => new Date(current - (count - 1 - i) * WEEK_MS));
}

/** Items bucketed per week start (ISO day string); items outside the weeks are dropped. */
export function perWeek<T>(weeks: readonly Date[], items: readonly T[], at: (item: T) => Date): Map<string, T[]> {
  const buckets = new Map<string, T[]>(weeks.map((w) => [w.toISOString().slice(0, 10), []]));
  const byStart = new Map<number, T[]>(weeks.map((w) => [w.getTime(), buckets.get(w.toISOString().slice(0, 10))!]));
  for (const item of items) byStart.get(weekStartMs(at(item).getTime()))?.push(item);
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

/** `--since DATE`: a calendar date (midnight UTC) or a full ISO 8601 time. */
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export type SinceParse = { ok: true; since: Date | null } | { ok: false; message: string };

export function parseSince(value: string | boolean | undefined): SinceParse {
  if (value === undefined || typeof value === "boolean") return { ok: true, since: null };
  const text = value.trim();
  const iso = DATE.test(text) ? `${text}T00:00:00Z` : text;
  const since = new Date(iso);
  // Date accepts 2025-02-30 by rolling over; round-tripping the day catches it.
  if (!(DATE.test(text) || TIME.test(text)) || Number.isNaN(since.getTime()) || (DATE.test(text) && since.toISOString().slice(0, 10) !== text)) {
    return { ok: false, message: `--since '${value}' is not a date (YYYY-MM-DD or an ISO 8601 time such as 2025-05-01T12:00:00Z)` };
  }
  return { ok: true, since };
}

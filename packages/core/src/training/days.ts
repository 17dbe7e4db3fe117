/** Calendar-day arithmetic on 'YYYY-MM-DD' keys, in UTC so no clock change shifts a day. */

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a 'YYYY-MM-DD' key; NaN for anything else. */
export function dayNumber(day: string): number {
  const m = DAY_RE.exec(day);
  if (!m) return Number.NaN;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const n = ms / DAY_MS;
  // Date.UTC rolls '2024-02-30' over to March; refuse it instead.
  return dayKey(n) === day ? n : Number.NaN;
}

/** The 'YYYY-MM-DD' key of a day number. */
export function dayKey(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** The local calendar day of an instant, for a UTC offset in seconds (east positive). */
export function localDayNumber(epochMs: number, utcOffsetS: number): number {
  return Math.floor((epochMs + utcOffsetS * 1000) / DAY_MS);
}

import { sql } from 'kysely';

/**
 * An activity's local start day ('YYYY-MM-DD'): its UTC start moved by its UTC offset (the
 * activities table's `started_at` and `utc_offset_s`; unqualified, so one table in scope).
 */
export const LOCAL_DAY = sql<string>`to_char((started_at + coalesce(utc_offset_s, 0) * interval '1 second') at time zone 'UTC', 'YYYY-MM-DD')`;

const HOUR_MS = 3_600_000;

/**
 * The UTC instants an activity starting on local day `day` may have started between (UTC
 * offsets run from −12 h to +14 h): a range the started_at index can use before LOCAL_DAY
 * picks the day exactly.
 */
export function localDayWindow(day: string): { from: Date; to: Date } {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  return { from: new Date(midnight - 15 * HOUR_MS), to: new Date(midnight + 37 * HOUR_MS) };
}

/** The same local day in JavaScript, of a row's `started_at` and `utc_offset_s`; null unstarted. */
export function localDayOf(row: {
  started_at: Date | null;
  utc_offset_s: number | null;
}): string | null {
  if (!row.started_at) return null;
  return new Date(row.started_at.getTime() + (row.utc_offset_s ?? 0) * 1000)
    .toISOString()
    .slice(0, 10);
}

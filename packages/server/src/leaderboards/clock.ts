import type { SegmentPeriod } from './leaderboard-store.js';
import { CALENDAR_OF, periodOf, ttlMs } from './periods.js';

/** Milliseconds since the epoch; adapters take one so tests can pin "now". */
export type Clock = () => number;

/**
 * True when the period holding `local` ended more than the grace period before the clock: its
 * boards are gone (Redis let them expire, SQL prunes them), so both adapters answer empty.
 * Totals periods (week, month, year) are board periods too.
 */
export function boardIsOver(period: SegmentPeriod, local: Date, nowMs: number): boolean {
  const calendar = CALENDAR_OF[period];
  return calendar !== null && ttlMs(periodOf(calendar, local).end, nowMs) <= 0;
}

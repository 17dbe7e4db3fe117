/**
 * Calendar arithmetic shared by every leaderboard adapter, so they bucket alike. Local times are
 * written as UTC dates (Strava's `start_date_local` convention): read them with getUTC*, never
 * with the process's time zone.
 */
import type { AgeGroup, SegmentPeriod } from './leaderboard-store.js';

const DAY_MS = 86_400_000;

/** Redis keeps a period's keys this long after it ends: local "now" runs up to 14 h ahead of UTC. */
export const PERIOD_GRACE_MS = 2 * DAY_MS;

/** Custom totals ranges span at most this many days… */
export const CUSTOM_RANGE_MAX_DAYS = 366;
/** …and start at most this many days before today (day totals are kept that long on Redis). */
export const CUSTOM_RANGE_LOOKBACK_DAYS = 400;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** 'YYYY-MM-DD' of a local date. */
export function dayOf(local: Date): string {
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`;
}

const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight of a 'YYYY-MM-DD' day, or null when it is not a real calendar day. */
export function parseDay(day: string): Date | null {
  const m = DAY_RE.exec(day);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return dayOf(d) === day ? d : null;
}

export function addDays(d: Date, n: number): Date {
  return new Date(d.getTime() + n * DAY_MS);
}

/** Days from `a` to `b` (both 'YYYY-MM-DD'): 0 for the same day. */
export function daysBetween(a: string, b: string): number {
  return Math.round((parseDay(b)!.getTime() - parseDay(a)!.getTime()) / DAY_MS);
}

/** Monday 00:00 of the ISO week holding `local`. */
export function weekStart(local: Date): Date {
  const midnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate());
  const fromMonday = (local.getUTCDay() + 6) % 7;
  return new Date(midnight - fromMonday * DAY_MS);
}

/** ISO 8601 week key 'YYYY-Www': weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(local: Date): string {
  const thursday = addDays(weekStart(local), 3);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
  return `${year}-W${pad(week)}`;
}

/** Strava's age groups, by the age an athlete reaches in `year`. */
export function ageGroupOf(birthYear: number | null, year: number): AgeGroup | null {
  if (birthYear === null) return null;
  const age = year - birthYear;
  if (age < 0) return null;
  if (age <= 19) return '0_19';
  if (age <= 24) return '20_24';
  if (age <= 34) return '25_34';
  if (age <= 44) return '35_44';
  if (age <= 54) return '45_54';
  if (age <= 64) return '55_64';
  if (age <= 69) return '65_69';
  if (age <= 74) return '70_74';
  return '75_plus';
}

export type CalendarPeriod = 'year' | 'month' | 'week' | 'day';

/** The calendar period behind each board period (none for all time). */
export const CALENDAR_OF: Record<SegmentPeriod, CalendarPeriod | null> = {
  all_time: null,
  year: 'year',
  month: 'month',
  week: 'week',
  today: 'day',
};

/**
 * The key of the period holding `local` ('y2026', 'm2026-05', 'w2026-W20', 'd2026-05-20') and
 * the local instant it ends at.
 */
export function periodOf(period: CalendarPeriod, local: Date): { key: string; end: Date } {
  const y = local.getUTCFullYear();
  const mo = local.getUTCMonth();
  switch (period) {
    case 'year':
      return { key: `y${y}`, end: new Date(Date.UTC(y + 1, 0, 1)) };
    case 'month':
      return { key: `m${y}-${pad(mo + 1)}`, end: new Date(Date.UTC(y, mo + 1, 1)) };
    case 'week':
      return { key: `w${isoWeekOf(local)}`, end: addDays(weekStart(local), 7) };
    case 'day': {
      const midnight = new Date(Date.UTC(y, mo, local.getUTCDate()));
      return { key: `d${dayOf(local)}`, end: addDays(midnight, 1) };
    }
  }
}

/** First and last day ('YYYY-MM-DD', inclusive) of the period holding `local`. */
export function periodDays(period: CalendarPeriod, local: Date): { from: string; to: string } {
  const { end } = periodOf(period, local);
  const start =
    period === 'year'
      ? new Date(Date.UTC(local.getUTCFullYear(), 0, 1))
      : period === 'month'
        ? new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1))
        : period === 'week'
          ? weekStart(local)
          : new Date(end.getTime() - DAY_MS);
  return { from: dayOf(start), to: dayOf(addDays(end, -1)) };
}

/**
 * Milliseconds a key of a period ending at `end` should live from `nowMs`; zero or less means
 * the period is over and its key should not be written at all.
 */
export function ttlMs(end: Date, nowMs: number, keepAfterEndMs = PERIOD_GRACE_MS): number {
  return end.getTime() + keepAfterEndMs - nowMs;
}

/**
 * Why a custom range cannot be served, or null when it can: days must be real, `from` ≤ `to`,
 * at most CUSTOM_RANGE_MAX_DAYS long, starting within CUSTOM_RANGE_LOOKBACK_DAYS of `today`.
 */
export function customRangeProblem(
  range: { from: string; to: string },
  today: string,
): { field: 'from' | 'to'; message: string } | null {
  if (!parseDay(range.from)) return { field: 'from', message: 'must be a day as YYYY-MM-DD' };
  if (!parseDay(range.to)) return { field: 'to', message: 'must be a day as YYYY-MM-DD' };
  const span = daysBetween(range.from, range.to) + 1;
  if (span < 1) return { field: 'to', message: 'must not be before from' };
  if (span > CUSTOM_RANGE_MAX_DAYS)
    return { field: 'to', message: `must be at most ${CUSTOM_RANGE_MAX_DAYS} days after from` };
  if (daysBetween(range.from, today) > CUSTOM_RANGE_LOOKBACK_DAYS)
    return {
      field: 'from',
      message: `must be within the last ${CUSTOM_RANGE_LOOKBACK_DAYS} days`,
    };
  return null;
}

/**
 * Splits an inclusive day range into the whole months inside it and the days left at its ends,
 * so a range sum reads at most ~13 month keys and ~60 day keys.
 */
export function rangeParts(from: string, to: string): { months: string[]; days: string[] } {
  const months: string[] = [];
  const days: string[] = [];
  let d = parseDay(from)!;
  const last = parseDay(to)!;
  while (d <= last) {
    const month = periodOf('month', d);
    const monthEnd = addDays(month.end, -1);
    if (d.getUTCDate() === 1 && monthEnd <= last) {
      months.push(month.key.slice(1));
      d = month.end;
    } else {
      days.push(dayOf(d));
      d = addDays(d, 1);
    }
  }
  return { months, days };
}

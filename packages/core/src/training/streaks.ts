import { dayKey, localDayNumber } from './days.js';

/**
 * Week streaks and period keys. Weeks are ISO 8601 weeks (Monday to Sunday, week 1 holds the
 * year's first Thursday), counted on the athlete's local calendar.
 */

/** ISO week index of a day number: 1970-01-01 was a Thursday, so Monday 1969-12-29 opens week 0. */
export function weekIndex(dayNumber: number): number {
  return Math.floor((dayNumber + 3) / 7);
}

/** ISO week key 'YYYY-Www' of a day number (the week's year is its Thursday's year). */
export function isoWeekKey(dayNumber: number): string {
  // Week w runs from day 7w − 3 (Monday) so its Thursday is day 7w.
  const thursday = weekIndex(dayNumber) * 7;
  const year = Number(dayKey(thursday).slice(0, 4));
  const jan1 = Date.UTC(year, 0, 1) / 86_400_000;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export type Period = 'week' | 'month' | 'year';

/** The key of the period holding a day number: 'YYYY-Www', 'YYYY-MM' or 'YYYY'. */
export function periodKey(dayNumber: number, period: Period): string {
  if (period === 'week') return isoWeekKey(dayNumber);
  const day = dayKey(dayNumber);
  return period === 'month' ? day.slice(0, 7) : day.slice(0, 4);
}

/**
 * Weeks in a row with at least one activity, ending with the week of `nowMs`. The week in
 * progress does not break a streak: without an activity yet, counting starts the week before.
 */
export function weekStreak(
  activityStartsMs: readonly number[],
  utcOffsetS: number,
  nowMs: number,
): number {
  const weeks = activityStartsMs.map((t) => weekIndex(localDayNumber(t, utcOffsetS)));
  return streakToWeek(weeks, weekIndex(localDayNumber(nowMs, utcOffsetS)));
}

/**
 * Weeks in a row with an activity (week indexes), ending with week `current`; a current week
 * without one yet does not break the streak.
 */
export function streakToWeek(weeks: Iterable<number>, current: number): number {
  const set = new Set(weeks);
  let w = set.has(current) ? current : current - 1;
  let streak = 0;
  while (set.has(w)) {
    streak++;
    w--;
  }
  return streak;
}

/** Sums of `value` per period key, on the athlete's local calendar; keys in ascending order. */
export function periodTotals(
  items: readonly { startMs: number; value: number }[],
  period: Period,
  utcOffsetS: number,
): Map<string, number> {
  const totals = new Map<string, number>();
  for (const { startMs, value } of items) {
    const key = periodKey(localDayNumber(startMs, utcOffsetS), period);
    totals.set(key, (totals.get(key) ?? 0) + value);
  }
  return new Map([...totals].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The first day number of the period holding `dayNumber` (weeks start on Monday). */
export function periodStart(dayNumber: number, period: Period): number {
  if (period === 'week') return weekIndex(dayNumber) * 7 - 3;
  const d = new Date(dayNumber * 86_400_000);
  const month = period === 'month' ? d.getUTCMonth() : 0;
  return Date.UTC(d.getUTCFullYear(), month, 1) / 86_400_000;
}

/** The first day number after the period that starts on `start`. */
export function periodEnd(start: number, period: Period): number {
  if (period === 'week') return start + 7;
  const d = new Date(start * 86_400_000);
  const y = d.getUTCFullYear() + (period === 'year' ? 1 : 0);
  const m = d.getUTCMonth() + (period === 'month' ? 1 : 0);
  return Date.UTC(y, m, 1) / 86_400_000;
}

/** The most weeks in a row with an activity, over all of the given week indexes. */
export function longestWeekStreak(weeks: Iterable<number>): number {
  const sorted = [...new Set(weeks)].sort((a, b) => a - b);
  let best = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i] === sorted[i - 1]! + 1 ? run + 1 : 1;
    if (run > best) best = run;
  }
  return best;
}

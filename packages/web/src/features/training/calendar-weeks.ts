/**
 * The training log's layout: the calendar's days (only those with activities) laid out as
 * weeks of seven days, Monday first, each with its totals.
 */
import { addDays, dayMs, mondayOf } from './days.js';
import type { CalendarActivity, CalendarDay } from './types.js';

export interface LogDay {
  day: string;
  /** In order of their start. */
  activities: CalendarActivity[];
  /** Before the calendar's first day or after its last: not asked for, so not known. */
  outside: boolean;
}

export interface LogWeek {
  /** The week's Monday. */
  monday: string;
  /** Monday to Sunday. */
  days: LogDay[];
  count: number;
  distance: number;
  moving_time: number;
}

/** Weeks a calendar can span at the most (the API answers 400 days at the most). */
const MAX_WEEKS = 120;

/**
 * The weeks from the one holding `from` to the one holding `to`, newest first (the current
 * week on top, as a log is read) unless `oldestFirst`.
 */
export function calendarWeeks(
  days: readonly CalendarDay[],
  from: string,
  to: string,
  oldestFirst = false,
): LogWeek[] {
  const first = dayMs(from);
  const last = dayMs(to);
  if (Number.isNaN(first) || Number.isNaN(last) || first > last) return [];
  const byDay = new Map<string, CalendarActivity[]>();
  for (const d of days) byDay.set(d.day, [...(byDay.get(d.day) ?? []), ...d.activities]);
  const weeks: LogWeek[] = [];
  const end = mondayOf(to);
  for (let monday = mondayOf(from); monday <= end && weeks.length < MAX_WEEKS; ) {
    const week: LogWeek = { monday, days: [], count: 0, distance: 0, moving_time: 0 };
    for (let i = 0; i < 7; i++) {
      const day = addDays(monday, i);
      const t = dayMs(day);
      const outside = t < first || t > last;
      const activities = outside
        ? []
        : [...(byDay.get(day) ?? [])].sort((a, b) =>
            a.start_date_local.localeCompare(b.start_date_local),
          );
      for (const a of activities) {
        week.count += 1;
        week.distance += a.distance;
        week.moving_time += a.moving_time;
      }
      week.days.push({ day, activities, outside });
    }
    weeks.push(week);
    monday = addDays(monday, 7);
  }
  return oldestFirst ? weeks : weeks.reverse();
}

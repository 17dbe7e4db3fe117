import { formatDay } from '../../lib/format.js';

/**
 * Calendar days as the training API gives them: 'YYYY-MM-DD' in the athlete's local calendar.
 * They are computed on as UTC midnights, so no time zone or daylight-saving change moves them.
 */

const DAY_MS = 86_400_000;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day's UTC midnight in milliseconds (NaN when it is not a day). */
export function dayMs(day: string): number {
  const m = DAY_RE.exec(day);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
}

/** The day of a UTC midnight (or any time in that UTC day). */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return dayOf(dayMs(day) + n * DAY_MS);
}

/** The Monday of the day's week (weeks start on Monday). */
export function mondayOf(day: string): string {
  const weekday = (new Date(dayMs(day)).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

/** The viewer's date today, in their own time zone. */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Seconds since 1970 at the day's UTC midnight: x along a chart of days. */
export const daySeconds = (day: string) => dayMs(day) / 1000;

/** "3 May", or "3 May 2025" with the year. */
export function dayLabel(day: string, withYear = false, locale?: string): string {
  const ms = dayMs(day);
  if (Number.isNaN(ms)) return '';
  return new Date(ms).toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

/** The year asked for in an address, or this year when it names none (or one to come). */
export function yearFrom(param: string | undefined, now: Date = new Date()): number {
  const y = Number(param);
  return param && /^\d{4}$/.test(param) && y >= 1970 && y <= now.getFullYear()
    ? y
    : now.getFullYear();
}

/**
 * When a record was set, as lists write a day ("3 May", "12 Oct 2025"): the API gives a local
 * day ('2026-05-03') or a local date-time, and formatDay reads only the latter.
 */
export function recordDay(local: string, locale?: string, now: Date = new Date()): string {
  return formatDay(DAY_RE.test(local) ? `${local}T00:00:00` : local, locale, now);
}

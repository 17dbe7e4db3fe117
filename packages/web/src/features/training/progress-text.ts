/** The progress section's words: periods' names, a metric's value, this period against the last. */
import { formatDistance, formatDuration, formatElevation, type Units } from '../../lib/format.js';
import { dayLabel, dayMs } from './days.js';
import type { GoalMetric, Period, Totals } from './types.js';

export const METRIC_LABELS: Record<GoalMetric, string> = {
  distance: 'Distance',
  moving_time: 'Time',
  elevation_gain: 'Elevation',
  count: 'Activities',
};

/** A total as the rest of the app writes it: "42.35 km", "5:12:00", "812 m", "3 activities". */
export function formatMetric(metric: GoalMetric, value: number, units: Units): string {
  switch (metric) {
    case 'distance':
      return formatDistance(value, units);
    case 'moving_time':
      return formatDuration(value);
    case 'elevation_gain':
      return formatElevation(value, units);
    case 'count':
      return `${value} ${value === 1 ? 'activity' : 'activities'}`;
  }
}

/**
 * A period by its first day: a week by its Monday ("12 May"), a month by its name ("May", with
 * the year for a January or with `full`), a year by its number. `full` is for the cursor's
 * readout: "Week of 12 May 2026", "May 2026".
 */
export function periodLabel(start: string, period: Period, full = false, locale?: string): string {
  const ms = dayMs(start);
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms);
  if (period === 'year') return String(d.getUTCFullYear());
  if (period === 'week')
    return full ? `Week of ${dayLabel(start, true, locale)}` : dayLabel(start, false, locale);
  return d.toLocaleDateString(locale, {
    month: full ? 'long' : 'short',
    ...(full || d.getUTCMonth() === 0 ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  });
}

const THIS: Record<Period, [string, string]> = {
  week: ['This week', 'last week'],
  month: ['This month', 'last month'],
  year: ['This year', 'last year'],
};

/** "This week: 42.35 km, last week: 35.10 km (+7.25 km)". */
export function comparisonText(
  current: Totals,
  previous: Totals,
  metric: GoalMetric,
  period: Period,
  units: Units,
): string {
  const [now, before] = THIS[period];
  const a = current[metric];
  const b = previous[metric];
  const diff = a - b;
  const change =
    Math.abs(diff) < 1e-9
      ? 'the same'
      : `${diff > 0 ? '+' : '−'}${formatMetric(metric, Math.abs(diff), units)}`;
  return `${now}: ${formatMetric(metric, a, units)}, ${before}: ${formatMetric(metric, b, units)} (${change})`;
}

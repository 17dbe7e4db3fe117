/**
 * What the progress charts draw, from the progress answer: a bar per period of the chosen
 * total, and the rolling 7- and 28-day distance per day; each with the sentence a screen
 * reader gets in its place.
 */
import { formatDuration, type Units } from '../../lib/format.js';
import { dayLabel, daySeconds } from './days.js';
import { metricNumber, metricUnit, toMetricUnit } from './metric-units.js';
import { METRIC_LABELS, periodLabel } from './progress-text.js';
import type { ChartPlan } from './training-chart-engine.js';
import type { GoalMetric, Period, Progress } from './types.js';

/** A plotted value (km or mi, hours, m or ft, a count) as the readout says it. */
function readValue(metric: GoalMetric, v: number, units: Units): string {
  if (metric === 'moving_time') return formatDuration(v * 3600);
  if (metric === 'count') return metricNumber(v);
  return `${metricNumber(v)} ${metricUnit(metric, units)}`;
}

const PERIOD_NOUN: Record<Period, string> = { week: 'week', month: 'month', year: 'year' };

export function progressBars(
  p: Pick<Progress, 'buckets' | 'period'>,
  metric: GoalMetric,
  units: Units,
  locale?: string,
): ChartPlan {
  const { buckets, period } = p;
  const values = buckets.map((b) => toMetricUnit(metric, b[metric], units));
  const read = (i: number) => periodLabel(buckets[i]?.start ?? '', period, true, locale);
  const format = (v: number) => readValue(metric, v, units);
  const label = METRIC_LABELS[metric];
  let top = 0;
  values.forEach((v, i) => {
    if (v > (values[top] ?? 0)) top = i;
  });
  const last = values.length - 1;
  // Weeks span from their Mondays: "from 27 Apr 2026", "(week of 4 May 2026)".
  const from = (i: number) =>
    period === 'week' ? dayLabel(buckets[i]?.start ?? '', true, locale) : read(i);
  const summary = buckets.length
    ? `${label} per ${PERIOD_NOUN[period]} from ${from(0)} to ${from(last)}: ` +
      `the most ${format(values[top] ?? 0)} (${read(top).replace(/^Week/, 'week')}), ` +
      `the latest ${format(values[last] ?? 0)}`
    : `No ${label.toLowerCase()} to show`;
  return {
    spec: {
      x: buckets.map((_, i) => i),
      xKind: 'category',
      tick: (i) => periodLabel(buckets[i]?.start ?? '', period, false, locale),
      read,
      series: [{ label, values, color: '#fc5200', kind: 'bars', format }],
      height: 180,
    },
    summary,
  };
}

export function rollingLines(
  p: Pick<Progress, 'rolling'>,
  units: Units,
  locale?: string,
): ChartPlan {
  const days = p.rolling;
  const toUnit = (m: number) => toMetricUnit('distance', m, units);
  const format = (v: number) => readValue('distance', v, units);
  const week = days.map((d) => toUnit(d.distance_7d));
  const month = days.map((d) => toUnit(d.distance_28d));
  const read = (i: number) => dayLabel(days[i]?.day ?? '', true, locale);
  const last = days.length - 1;
  const summary = days.length
    ? `Distance over the last 7 and 28 days, from ${read(0)} to ${read(last)}: ` +
      `now ${format(week[last] ?? 0)} in 7 days and ${format(month[last] ?? 0)} in 28 days`
    : 'No distance to show';
  return {
    spec: {
      x: days.map((d) => daySeconds(d.day)),
      xKind: 'day',
      tick: (s) => dayLabel(new Date(s * 1000).toISOString().slice(0, 10), false, locale),
      read,
      series: [
        { label: '7 days', values: week, color: '#fc5200', kind: 'line', format },
        { label: '28 days', values: month, color: '#2a6ef5', kind: 'line', format },
      ],
      height: 160,
    },
    summary,
  };
}

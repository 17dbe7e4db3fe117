import { dayKey, dayNumber, type Period, periodEnd, periodStart } from '@stride/core';
import type { GoalMetric, GoalRow } from '../platform/db/schema.js';
import type { DayTotals } from './training.repository.js';

export interface GoalProgress {
  /** First day of the period, 'YYYY-MM-DD'. */
  start: string;
  /** The day after the period's last. */
  end: string;
  value: number;
  /** value / target (above 1 past the target). */
  fraction: number;
  reached: boolean;
  /** Where an even pace through the period would be by the end of `today`. */
  expected: number;
}

/** The period of `kind` holding `day`, as [start, end) day keys. */
export function periodOf(day: string, kind: Period): { start: string; end: string } {
  const start = periodStart(dayNumber(day), kind);
  return { start: dayKey(start), end: dayKey(periodEnd(start, kind)) };
}

/** A goal's metric summed over daily totals. */
export function metricOf(days: readonly DayTotals[], metric: GoalMetric): number {
  let sum = 0;
  for (const d of days) sum += d[metric];
  return sum;
}

/**
 * A goal's progress over the period holding `today`: the metric summed over its days, and the
 * pace line (the target times the share of the period's days gone by the end of today).
 */
export function goalProgress(
  goal: Pick<GoalRow, 'period' | 'metric' | 'target'>,
  days: readonly DayTotals[],
  today: string,
): GoalProgress {
  const { start, end } = periodOf(today, goal.period);
  const inPeriod = days.filter((d) => d.day >= start && d.day < end);
  const value = metricOf(inPeriod, goal.metric);
  const length = dayNumber(end) - dayNumber(start);
  const gone = dayNumber(today) - dayNumber(start) + 1;
  return {
    start,
    end,
    value,
    fraction: goal.target > 0 ? value / goal.target : 0,
    reached: value >= goal.target,
    expected: (goal.target * gone) / length,
  };
}

/** What a goal is and how it is going, in words. */
import type { Units } from '../../lib/format.js';
import { metricNumber, metricUnit, toMetricUnit } from './metric-units.js';
import type { Goal, GoalMetric, Period, SportFilter } from './types.js';

export type GoalStatus = 'reached' | 'on track' | 'behind';

/** Reached; else on track when at least where an even pace would be by now; else behind. */
export function goalStatus(g: Pick<Goal, 'progress'>): GoalStatus {
  const p = g.progress;
  if (p.reached) return 'reached';
  return p.value >= p.expected ? 'on track' : 'behind';
}

/** "on track: 812 of 1,000 km", "behind: 2 of 4 activities", "reached: 5.5 of 5 h". */
export function goalText(g: Pick<Goal, 'metric' | 'target' | 'progress'>, units: Units): string {
  const value = metricNumber(toMetricUnit(g.metric, g.progress.value, units));
  const target = toMetricUnit(g.metric, g.target, units);
  const unit = g.metric === 'count' && target === 1 ? 'activity' : metricUnit(g.metric, units);
  return `${goalStatus(g)}: ${value} of ${metricNumber(target)} ${unit}`;
}

export const PERIOD_NAMES: Record<Period, string> = {
  week: 'Weekly',
  month: 'Monthly',
  year: 'Yearly',
};

export const METRIC_NAMES: Record<GoalMetric, string> = {
  distance: 'distance',
  moving_time: 'time',
  elevation_gain: 'elevation',
  count: 'activities',
};

export const SPORT_NAMES: Record<SportFilter, string> = {
  all: 'All sports',
  run: 'Run',
  ride: 'Ride',
  swim: 'Swim',
  walk: 'Walk',
  other: 'Other',
};

/** "Weekly distance · Run", "Yearly activities · All sports". */
export function goalTitle(g: Pick<Goal, 'sport' | 'period' | 'metric'>): string {
  return `${PERIOD_NAMES[g.period]} ${METRIC_NAMES[g.metric]} · ${SPORT_NAMES[g.sport] ?? g.sport}`;
}

/**
 * The four things training is counted in (distance, time, climbing, activities) in the
 * athlete's units: km or miles, hours, metres or feet, a count. Goal targets are typed in them
 * and sent in the API's metres, seconds or count; progress charts plot them.
 */
import type { Units } from '../../lib/format.js';
import type { GoalMetric } from './types.js';

const M_PER_MI = 1609.344;
const M_PER_FT = 0.3048;

/** How many API units (m, s) one unit the athlete types is. */
function scale(metric: GoalMetric, units: Units): number {
  switch (metric) {
    case 'distance':
      return units === 'imperial' ? M_PER_MI : 1000;
    case 'moving_time':
      return 3600;
    case 'elevation_gain':
      return units === 'imperial' ? M_PER_FT : 1;
    case 'count':
      return 1;
  }
}

/** The unit a target is typed in and a chart reads: km, mi, h, m, ft, or activities. */
export function metricUnit(metric: GoalMetric, units: Units): string {
  switch (metric) {
    case 'distance':
      return units === 'imperial' ? 'mi' : 'km';
    case 'moving_time':
      return 'h';
    case 'elevation_gain':
      return units === 'imperial' ? 'ft' : 'm';
    case 'count':
      return 'activities';
  }
}

/** An API value (m, s, count) in the athlete's unit. */
export function toMetricUnit(metric: GoalMetric, value: number, units: Units): number {
  return value / scale(metric, units);
}

/**
 * What the athlete typed, in the API's unit: whole metres of distance, seconds of time, tenths
 * of a metre of climbing (so 1,000 ft reads back as 1,000 ft), whole activities.
 */
export function fromMetricUnit(metric: GoalMetric, typed: number, units: Units): number {
  const v = typed * scale(metric, units);
  return metric === 'elevation_gain' ? Math.round(v * 10) / 10 : Math.round(v);
}

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const tenth = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A goal's number as read: whole from 100, else to the tenth; "1,000", "42.2", "5". */
export function metricNumber(v: number): string {
  return (Math.abs(v) >= 100 ? whole : tenth).format(v);
}

/** A target as typed ("42.2", "42,2"), or null when it is not a number above zero. */
export function typedTarget(text: string): number | null {
  const t = text.trim().replace(',', '.');
  const v = Number(t);
  return t !== '' && Number.isFinite(v) && v > 0 ? v : null;
}

/** An API value as the number to edit in the athlete's unit, to the tenth: "42.2", "1000". */
export function editableTarget(metric: GoalMetric, value: number, units: Units): string {
  return String(Math.round(toMetricUnit(metric, value, units) * 10) / 10);
}

/**
 * A big total, rounded as one reads it at a glance: "3,620 km", "42.3 mi", "29,000 m",
 * "202 h 30 min", "45 min", "173".
 */
export function formatTotal(metric: GoalMetric, value: number, units: Units): string {
  if (metric === 'count') return metricNumber(value);
  if (metric === 'moving_time') {
    const minutes = Math.round(value / 60);
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return h ? `${whole.format(h)} h${m ? ` ${m} min` : ''}` : `${m} min`;
  }
  const v = toMetricUnit(metric, value, units);
  return `${metric === 'elevation_gain' ? whole.format(v) : metricNumber(v)} ${metricUnit(metric, units)}`;
}

/** A week's time where room is short: "5h 24m", "45m". */
export function compactDuration(seconds: number): string {
  const minutes = Math.round(Math.max(0, seconds) / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}h ${String(m).padStart(2, '0')}m` : `${m}m`;
}

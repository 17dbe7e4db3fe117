import { describe, expect, it } from 'vitest';
import { goalStatus, goalText, goalTitle } from './goal-text.js';
import type { Goal, GoalProgress } from './types.js';

const progress = (value: number, expected: number, target: number): GoalProgress => ({
  start: '2026-01-01',
  end: '2027-01-01',
  value,
  fraction: value / target,
  reached: value >= target,
  expected,
});

const goal = (
  metric: Goal['metric'],
  target: number,
  value: number,
  expected: number,
): Pick<Goal, 'metric' | 'target' | 'progress'> => ({
  metric,
  target,
  progress: progress(value, expected, target),
});

describe('goal text', () => {
  it('says on track, behind or reached, with the numbers', () => {
    expect(goalText(goal('distance', 1_000_000, 812_000, 700_000), 'metric')).toBe(
      'on track: 812 of 1,000 km',
    );
    expect(goalText(goal('distance', 1_000_000, 612_000, 700_000), 'metric')).toBe(
      'behind: 612 of 1,000 km',
    );
    expect(goalText(goal('distance', 1_000_000, 1_012_500, 900_000), 'metric')).toBe(
      'reached: 1,013 of 1,000 km',
    );
    expect(goalText(goal('distance', 80_467.2, 40_233.6, 50_000), 'imperial')).toBe(
      'behind: 25 of 50 mi',
    );
  });

  it('reads time in hours, climbing in metres or feet, and activities', () => {
    expect(goalText(goal('moving_time', 18_000, 12_600, 9000), 'metric')).toBe(
      'on track: 3.5 of 5 h',
    );
    expect(goalText(goal('elevation_gain', 304.8, 152.4, 100), 'imperial')).toBe(
      'on track: 500 of 1,000 ft',
    );
    expect(goalText(goal('count', 4, 2, 3), 'metric')).toBe('behind: 2 of 4 activities');
    expect(goalText(goal('count', 1, 1, 0.5), 'metric')).toBe('reached: 1 of 1 activity');
  });

  it('is on track when exactly on pace', () => {
    expect(goalStatus({ progress: progress(500, 500, 1000) })).toBe('on track');
  });

  it('names the goal', () => {
    expect(goalTitle({ sport: 'run', period: 'week', metric: 'distance' })).toBe(
      'Weekly distance · Run',
    );
    expect(goalTitle({ sport: 'all', period: 'year', metric: 'count' })).toBe(
      'Yearly activities · All sports',
    );
    expect(goalTitle({ sport: 'ride', period: 'month', metric: 'elevation_gain' })).toBe(
      'Monthly elevation · Ride',
    );
  });
});

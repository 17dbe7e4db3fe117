import { describe, expect, it } from 'vitest';
import { comparisonText, formatMetric, periodLabel } from './progress-text.js';
import type { Totals } from './types.js';

const totals = (
  distance: number,
  moving_time: number,
  elevation_gain: number,
  count: number,
): Totals => ({
  distance,
  moving_time,
  elevation_gain,
  count,
});

describe('progress words', () => {
  it('names periods by their first day', () => {
    expect(periodLabel('2026-05-11', 'week', false, 'en-GB')).toBe('11 May');
    expect(periodLabel('2026-05-11', 'week', true, 'en-GB')).toBe('Week of 11 May 2026');
    expect(periodLabel('2026-05-01', 'month', false, 'en-GB')).toBe('May');
    expect(periodLabel('2026-01-01', 'month', false, 'en-GB')).toBe('Jan 2026');
    expect(periodLabel('2026-05-01', 'month', true, 'en-GB')).toBe('May 2026');
    expect(periodLabel('2025-01-01', 'year')).toBe('2025');
    expect(periodLabel('', 'year')).toBe('');
  });

  it('writes totals as the rest of the app does', () => {
    expect(formatMetric('distance', 42_346, 'metric')).toBe('42.35 km');
    expect(formatMetric('moving_time', 18_720, 'metric')).toBe('5:12:00');
    expect(formatMetric('elevation_gain', 812, 'imperial')).toBe('2664 ft');
    expect(formatMetric('count', 1, 'metric')).toBe('1 activity');
    expect(formatMetric('count', 3, 'metric')).toBe('3 activities');
  });

  it('compares this period with the one before', () => {
    const now = totals(42_350, 15_000, 300, 4);
    const before = totals(35_100, 16_200, 300, 3);
    expect(comparisonText(now, before, 'distance', 'week', 'metric')).toBe(
      'This week: 42.35 km, last week: 35.10 km (+7.25 km)',
    );
    expect(comparisonText(now, before, 'moving_time', 'month', 'metric')).toBe(
      'This month: 4:10:00, last month: 4:30:00 (−20:00)',
    );
    expect(comparisonText(now, before, 'elevation_gain', 'year', 'metric')).toBe(
      'This year: 300 m, last year: 300 m (the same)',
    );
    expect(comparisonText(now, before, 'count', 'week', 'metric')).toBe(
      'This week: 4 activities, last week: 3 activities (+1 activity)',
    );
  });
});

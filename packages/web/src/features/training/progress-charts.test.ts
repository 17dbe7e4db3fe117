import { describe, expect, it } from 'vitest';
import { progressBars, rollingLines } from './progress-charts.js';
import type { ProgressBucket } from './types.js';

const bucket = (start: string, km: number, hours: number, count: number): ProgressBucket => ({
  start,
  distance: km * 1000,
  moving_time: hours * 3600,
  elevation_gain: km * 10,
  count,
});

describe('progress charts', () => {
  const buckets = [
    bucket('2026-04-27', 30, 3, 3),
    bucket('2026-05-04', 52.3, 5.5, 5),
    bucket('2026-05-11', 12.5, 1.25, 1),
  ];

  it('draws a bar per period of the chosen total, in the viewer’s units', () => {
    const { spec, summary } = progressBars(
      { buckets, period: 'week' },
      'distance',
      'metric',
      'en-GB',
    );
    expect(spec.x).toEqual([0, 1, 2]);
    expect(spec.series[0]!.values).toEqual([30, 52.3, 12.5]);
    expect(spec.tick(1)).toBe('4 May');
    expect(spec.read(2)).toBe('Week of 11 May 2026');
    expect(summary).toBe(
      'Distance per week from 27 Apr 2026 to 11 May 2026: the most 52.3 km (week of 4 May 2026), the latest 12.5 km',
    );
    const miles = progressBars({ buckets, period: 'week' }, 'distance', 'imperial');
    expect(miles.spec.series[0]!.values[0]).toBeCloseTo(18.641, 3);
  });

  it('reads time as a clock and activities as a count', () => {
    expect(progressBars({ buckets, period: 'month' }, 'count', 'metric', 'en-GB').summary).toBe(
      'Activities per month from April 2026 to May 2026: the most 5 (May 2026), the latest 1',
    );
    const time = progressBars({ buckets, period: 'week' }, 'moving_time', 'metric');
    expect(time.spec.series[0]!.values).toEqual([3, 5.5, 1.25]);
    expect(time.spec.series[0]!.format(5.5)).toBe('5:30:00');
    const count = progressBars({ buckets, period: 'month' }, 'count', 'metric');
    expect(count.spec.series[0]!.values).toEqual([3, 5, 1]);
    expect(count.spec.series[0]!.format(5)).toBe('5');
  });

  it('says when there is nothing', () => {
    expect(progressBars({ buckets: [], period: 'year' }, 'count', 'metric').summary).toBe(
      'No activities to show',
    );
  });

  it('draws the rolling distances along days', () => {
    const rolling = [
      { day: '2026-05-10', distance_7d: 40_000, distance_28d: 150_000 },
      { day: '2026-05-11', distance_7d: 42_500, distance_28d: 152_500 },
    ];
    const { spec, summary } = rollingLines({ rolling }, 'metric', 'en-GB');
    expect(spec.x).toEqual([1_778_371_200, 1_778_457_600]);
    expect(spec.series.map((s) => s.values)).toEqual([
      [40, 42.5],
      [150, 152.5],
    ]);
    expect(spec.tick(1_778_457_600)).toBe('11 May');
    expect(summary).toBe(
      'Distance over the last 7 and 28 days, from 10 May 2026 to 11 May 2026: now 42.5 km in 7 days and 153 km in 28 days',
    );
  });
});

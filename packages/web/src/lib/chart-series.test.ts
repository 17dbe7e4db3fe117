import { describe, expect, it } from 'vitest';
import { chartData, thinIndices } from './chart-series.js';
import type { Streams } from './streams.js';

const streams: Streams = {
  distance: { data: [0, 500, 1000, 1500] },
  altitude: { data: [100, 110, null, 130] },
  velocity_smooth: { data: [0, 2.5, 4, 3.2] },
  heartrate: { data: [120, 140, 150, 155] },
};

describe('chart series', () => {
  it('thins to evenly spread samples, keeping both ends', () => {
    expect(thinIndices(5, 10)).toEqual([0, 1, 2, 3, 4]);
    expect(thinIndices(101, 5)).toEqual([0, 25, 50, 75, 100]);
  });

  it('charts a run against km: elevation, pace (inverted, none when standing) and heart rate', () => {
    const c = chartData(streams, 'Run', 'metric')!;
    expect(c.x).toEqual([0, 0.5, 1, 1.5]);
    expect(c.series.map((s) => s.key)).toEqual(['altitude', 'pace', 'heartrate']);
    expect(c.series[0]!.values).toEqual([100, 110, null, 130]);
    const pace = c.series[1]!;
    expect(pace.invert).toBe(true);
    expect(pace.values).toEqual([null, 400, 250, 312.5]);
    expect(pace.format(250)).toBe('4:10 /km');
  });

  it('charts a ride in miles and feet with speed, and leaves out streams it lacks', () => {
    const c = chartData(
      { ...streams, heartrate: { data: [null, null, null, null] } },
      'Ride',
      'imperial',
    )!;
    expect(c.xUnit).toBe('mi');
    expect(c.x[3]).toBeCloseTo(1500 / 1609.344, 9);
    expect(c.series.map((s) => s.key)).toEqual(['altitude', 'speed']);
    expect(c.series[0]!.values[0]).toBeCloseTo(328.08, 2);
    expect(c.series[1]!.values[2]).toBeCloseTo((4 * 3600) / 1609.344, 9);
  });

  it('has no chart without a distance stream', () => {
    expect(chartData({ heartrate: { data: [1, 2] } }, 'Run', 'metric')).toBeNull();
  });
});

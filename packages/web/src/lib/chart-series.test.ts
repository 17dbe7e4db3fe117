import { describe, expect, it } from 'vitest';
import { chartAxis, chartData, thinIndices } from './chart-series.js';
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

  it('charts along elapsed time when the distance never grows (a trainer, a pool)', () => {
    const indoor: Streams = {
      time: { data: [0, 1, 2, 5] },
      distance: { data: [0, 0, 0, 0] },
      velocity_smooth: { data: [0, 0, 0, 0] },
      heartrate: { data: [100, 110, 120, 130] },
      watts: { data: [150, 200, 250, 300] },
    };
    const c = chartData(indoor, 'VirtualRide', 'metric')!;
    expect(c.basis).toBe('time');
    expect(c.x).toEqual([0, 1, 2, 5]);
    expect(c.xTick(3725)).toBe('1:02:05');
    expect(c.xFormat(75)).toBe('1:15');
    // A speed that stays 0 was never measured: no speed chart.
    expect(c.series.map((s) => s.key)).toEqual(['heartrate', 'watts']);
    // Highlights are given in seconds then.
    expect(chartAxis(indoor)).toEqual({ basis: 'time', along: [0, 1, 2, 5] });
    // With neither distance nor time, the samples are read a second apart.
    expect(chartAxis({ heartrate: { data: [100, 110, 120] } })).toEqual({
      basis: 'time',
      along: [0, 1, 2],
    });
  });

  it('charts along distance as soon as it grows, with ticks and readouts in km', () => {
    const c = chartData(streams, 'Run', 'metric')!;
    expect(c.basis).toBe('distance');
    expect(c.alongPerX).toBe(1000);
    expect(c.xTick(0.30000000000000004)).toBe('0.3 km');
    expect(c.xFormat(1.5)).toBe('1.50 km');
  });

  it('charts a swim’s pace per 100 m, or per 100 yd', () => {
    const swim: Streams = {
      distance: { data: [0, 25, 50, 75] },
      velocity_smooth: { data: [0.1, 1, 0.8, 1.25] },
    };
    const metric = chartData(swim, 'Swim', 'metric')!.series[0]!;
    expect(metric.unit).toBe('/100m');
    // 0.1 m/s is standing at the wall; 1 m/s is 1:40 /100m.
    expect(metric.values).toEqual([null, 100, 125, 80]);
    expect(metric.format(100)).toBe('1:40 /100m');
    const imperial = chartData(swim, 'Swim', 'imperial')!.series[0]!;
    expect(imperial.unit).toBe('/100yd');
    expect(imperial.values[1]).toBeCloseTo(91.44, 9);
  });

  it('has no chart with fewer than two samples', () => {
    expect(chartData({ heartrate: { data: [1] } }, 'Run', 'metric')).toBeNull();
    expect(chartData({}, 'Run', 'metric')).toBeNull();
  });
});

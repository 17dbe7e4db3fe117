import { describe, expect, it } from 'vitest';
import {
  compactDuration,
  editableTarget,
  formatTotal,
  fromMetricUnit,
  metricNumber,
  metricUnit,
  toMetricUnit,
  typedTarget,
} from './metric-units.js';

describe('metric units', () => {
  it('sends typed targets in metres, seconds and counts', () => {
    expect(fromMetricUnit('distance', 1000, 'metric')).toBe(1_000_000);
    expect(fromMetricUnit('distance', 42.195, 'metric')).toBe(42_195);
    expect(fromMetricUnit('distance', 100, 'imperial')).toBe(160_934);
    expect(fromMetricUnit('moving_time', 5, 'metric')).toBe(18_000);
    expect(fromMetricUnit('moving_time', 1.5, 'imperial')).toBe(5400);
    expect(fromMetricUnit('elevation_gain', 5000, 'metric')).toBe(5000);
    expect(fromMetricUnit('elevation_gain', 1000, 'imperial')).toBe(304.8);
    expect(fromMetricUnit('count', 4, 'imperial')).toBe(4);
  });

  it('reads API values back in the athlete’s unit', () => {
    expect(toMetricUnit('distance', 812_000, 'metric')).toBe(812);
    expect(toMetricUnit('distance', 160_934.4, 'imperial')).toBeCloseTo(100, 10);
    expect(toMetricUnit('moving_time', 12_600, 'metric')).toBe(3.5);
    expect(toMetricUnit('elevation_gain', 304.8, 'imperial')).toBeCloseTo(1000, 10);
    expect(toMetricUnit('count', 3, 'metric')).toBe(3);
  });

  it('names the units', () => {
    expect(metricUnit('distance', 'metric')).toBe('km');
    expect(metricUnit('distance', 'imperial')).toBe('mi');
    expect(metricUnit('moving_time', 'imperial')).toBe('h');
    expect(metricUnit('elevation_gain', 'imperial')).toBe('ft');
    expect(metricUnit('count', 'metric')).toBe('activities');
  });

  it('writes whole numbers from 100 and tenths below', () => {
    expect(metricNumber(1000)).toBe('1,000');
    expect(metricNumber(812.4)).toBe('812');
    expect(metricNumber(42.25)).toBe('42.3');
    expect(metricNumber(5)).toBe('5');
    expect(metricNumber(0)).toBe('0');
  });

  it('reads typed targets, and writes them back to edit', () => {
    expect(typedTarget('42.2')).toBe(42.2);
    expect(typedTarget(' 42,5 ')).toBe(42.5);
    expect(typedTarget('1000')).toBe(1000);
    for (const t of ['', '0', '-3', 'ten', 'Infinity']) expect(typedTarget(t)).toBeNull();
    expect(editableTarget('distance', 42_195, 'metric')).toBe('42.2');
    expect(editableTarget('distance', 160_934, 'imperial')).toBe('100');
    expect(editableTarget('elevation_gain', 304.8, 'imperial')).toBe('1000');
    expect(editableTarget('moving_time', 5400, 'metric')).toBe('1.5');
  });

  it('rounds big totals as they are read at a glance', () => {
    expect(formatTotal('distance', 3_620_000, 'metric')).toBe('3,620 km');
    expect(formatTotal('distance', 42_346, 'metric')).toBe('42.3 km');
    expect(formatTotal('distance', 68_000, 'imperial')).toBe('42.3 mi');
    expect(formatTotal('elevation_gain', 29_000, 'metric')).toBe('29,000 m');
    expect(formatTotal('elevation_gain', 812, 'imperial')).toBe('2,664 ft');
    expect(formatTotal('moving_time', 729_000, 'metric')).toBe('202 h 30 min');
    expect(formatTotal('moving_time', 7200, 'metric')).toBe('2 h');
    expect(formatTotal('moving_time', 2700, 'metric')).toBe('45 min');
    expect(formatTotal('count', 173, 'metric')).toBe('173');
  });

  it('writes a week’s time compactly', () => {
    expect(compactDuration(19_440)).toBe('5h 24m');
    expect(compactDuration(7230)).toBe('2h 01m');
    expect(compactDuration(2700)).toBe('45m');
    expect(compactDuration(0)).toBe('0m');
  });
});

import { describe, expect, it } from 'vitest';
import { hrZoneBounds } from '../stats/hr-zones.js';
import { relativeEffort, relativeEffortFromStream } from './relative-effort.js';

// Stride's own score after Edwards' (1993) summated-zone TRIMP, weights 0.5, 1, 1.5, 2, 2.5.
describe('relativeEffort', () => {
  it('scores an hour in zone 3 as 60 × 1.5 = 90', () => {
    const zones = [0, 0, 3600, 0, 0].map((time) => ({ time }));
    expect(relativeEffort(zones)).toBe(90);
  });

  it('sums weighted minutes: 10 min z1 + 20 min z2 + 15 min z4 + 5 min z5 = 5 + 20 + 30 + 12.5', () => {
    const zones = [600, 1200, 0, 900, 300].map((time) => ({ time }));
    expect(relativeEffort(zones)).toBe(67.5);
  });

  it('gives extra zones the last weight', () => {
    expect(relativeEffort([{ time: 60 }, { time: 60 }], [1])).toBe(2);
  });
});

describe('relativeEffortFromStream', () => {
  it('puts each step in the zone of its closing sample (max HR 190: bounds 114/133/152/171)', () => {
    expect(hrZoneBounds(190)).toEqual([114, 133, 152, 171]);
    // 30 min at 140 (zone 3) then 30 min at 175 (zone 5): 30 × 1.5 + 30 × 2.5 = 120.
    const t = Array.from({ length: 3601 }, (_, i) => i);
    const hr = t.map((i) => (i <= 1800 ? 140 : 175));
    expect(relativeEffortFromStream(t, hr, hrZoneBounds(190))).toBeCloseTo(120, 10);
  });

  it('skips NaN heart rates and pauses in the clock', () => {
    expect(relativeEffortFromStream([0, 60, 60, 120], [100, 100, 100, Number.NaN], [114])).toBe(
      0.5,
    );
  });
});

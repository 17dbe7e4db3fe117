import { describe, expect, it } from 'vitest';
import { dayKey, dayNumber, localDayNumber } from './days.js';
import { decayWeight, fitnessSeries } from './fitness.js';

// Banister impulse-response as TrainingPeaks' PMC: k = 1 − e^(−1/τ). By hand,
// k42 = 1 − e^(−0.0238095) = 0.0235283 and k7 = 1 − e^(−0.142857) = 0.1331221.
describe('fitnessSeries (Banister; TrainingPeaks PMC)', () => {
  it('uses the exact exponential weights 0.0235283 (42 d) and 0.1331221 (7 d)', () => {
    expect(decayWeight(42)).toBeCloseTo(0.0235283, 7);
    expect(decayWeight(7)).toBeCloseTo(0.1331221, 7);
  });

  it('moves fitness and fatigue by k × load after one workout, and form only the next day', () => {
    const s = fitnessSeries([{ day: '2024-03-01', load: 100 }], { to: '2024-03-03' });
    expect(s.map((d) => d.day)).toEqual(['2024-03-01', '2024-03-02', '2024-03-03']);
    expect(s[0]!.ctl).toBeCloseTo(2.35283, 5);
    expect(s[0]!.atl).toBeCloseTo(13.31221, 5);
    expect(s[0]!.tsb).toBe(0);
    // Day 2: no load, both decay by (1 − k); form is yesterday's 2.35283 − 13.31221.
    expect(s[1]!.load).toBe(0);
    expect(s[1]!.ctl).toBeCloseTo(2.35283 * (1 - 0.0235283), 5);
    expect(s[1]!.atl).toBeCloseTo(13.31221 * (1 - 0.1331221), 5);
    expect(s[1]!.tsb).toBeCloseTo(-10.95938, 5);
    expect(s[2]!.tsb).toBeCloseTo(s[1]!.ctl - s[1]!.atl, 10);
  });

  it('follows the recurrence CTL_t = CTL_{t−1} + (load_t − CTL_{t−1}) · k every day', () => {
    const loads = [40, 0, 120, 60, 0, 0, 90].map((load, i) => ({
      day: dayKey(dayNumber('2024-01-01') + i),
      load,
    }));
    const s = fitnessSeries(loads, { startCtl: 50, startAtl: 70 });
    let ctl = 50;
    let atl = 70;
    for (const d of s) {
      expect(d.tsb).toBeCloseTo(ctl - atl, 10);
      ctl += (d.load - ctl) * decayWeight(42);
      atl += (d.load - atl) * decayWeight(7);
      expect(d.ctl).toBeCloseTo(ctl, 10);
      expect(d.atl).toBeCloseTo(atl, 10);
    }
  });

  it('converges to a constant daily load', () => {
    const loads = Array.from({ length: 400 }, (_, i) => ({
      day: dayKey(dayNumber('2023-01-01') + i),
      load: 50,
    }));
    const last = fitnessSeries(loads).at(-1)!;
    expect(last.ctl).toBeCloseTo(50, 2);
    expect(last.atl).toBeCloseTo(50, 6);
  });

  it('fills missing days with 0, sums same-day entries and accepts any order', () => {
    const s = fitnessSeries([
      { day: '2024-02-29', load: 30 },
      { day: '2024-02-27', load: 20 },
      { day: '2024-02-29', load: 10 },
    ]);
    expect(s.map((d) => [d.day, d.load])).toEqual([
      ['2024-02-27', 20],
      ['2024-02-28', 0],
      ['2024-02-29', 40],
    ]);
  });

  it('ignores invalid days and loads, and returns nothing for an empty range', () => {
    expect(fitnessSeries([{ day: '2024-02-30', load: 10 }])).toEqual([]);
    expect(fitnessSeries([{ day: '2024-02-01', load: Number.NaN }])).toEqual([]);
    expect(fitnessSeries([], { from: '2024-01-02', to: '2024-01-01' })).toEqual([]);
  });
});

describe('day keys', () => {
  it('counts days in UTC and places an instant on its local day', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayKey(19_783)).toBe('2024-03-01');
    // 2024-03-01T23:30Z is already 2 March in UTC+1.
    const t = Date.UTC(2024, 2, 1, 23, 30);
    expect(dayKey(localDayNumber(t, 0))).toBe('2024-03-01');
    expect(dayKey(localDayNumber(t, 3600))).toBe('2024-03-02');
  });
});

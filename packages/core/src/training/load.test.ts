import { describe, expect, it } from 'vitest';
import {
  estimateLthr,
  hrReserveFraction,
  hrTss,
  powerTss,
  runningTss,
  trimp,
  trimpFromStream,
  trimpWeight,
} from './load.js';

const athlete = { restingHr: 60, maxHr: 190 } as const;

describe('powerTss (Coggan & Allen, Training and Racing with a Power Meter)', () => {
  it('scores one hour at FTP as 100', () => {
    expect(powerTss(3600, 250, 250)).toBeCloseTo(100, 10);
  });

  it('scores two hours at NP 200 W for FTP 250 W as 2 × 0.8² × 100 = 128', () => {
    expect(powerTss(7200, 200, 250)).toBeCloseTo(128, 10);
  });

  it('is zero without duration, power or FTP', () => {
    expect(powerTss(0, 200, 250)).toBe(0);
    expect(powerTss(3600, 200, 0)).toBe(0);
    expect(powerTss(3600, 0, 250)).toBe(0);
  });
});

describe('runningTss (TrainingPeaks rTSS)', () => {
  it('scores 45 min at 90 % of threshold speed as 0.75 × 0.81 × 100 = 60.75', () => {
    expect(runningTss(2700, 3.6, 4)).toBeCloseTo(60.75, 10);
  });
});

describe('Banister TRIMP (1991)', () => {
  it('weights x = 0.7 as 0.64·e^1.344 = 2.45398 for men and 0.86·e^1.169 = 2.76814 for women', () => {
    expect(trimpWeight(0.7, 'M')).toBeCloseTo(2.45398, 4);
    expect(trimpWeight(0.7, 'F')).toBeCloseTo(2.76814, 4);
  });

  it('takes the mean of both curves when sex is unset', () => {
    expect(trimpWeight(0.7)).toBeCloseTo((2.45398 + 2.76814) / 2, 4);
  });

  it('scores 60 min at 151 bpm (x = 91/130 = 0.7) for a man as 60 × 0.7 × 2.45398 = 103.067', () => {
    expect(trimp(3600, 151, { ...athlete, sex: 'M' })).toBeCloseTo(103.067, 2);
  });

  it('scores 45 min at x = 0.7 for a woman as 45 × 0.7 × 2.76814 = 87.197', () => {
    expect(trimp(2700, 151, { ...athlete, sex: 'F' })).toBeCloseTo(87.197, 2);
  });

  it('clamps the reserve fraction to [0, 1]', () => {
    expect(hrReserveFraction(50, 60, 190)).toBe(0);
    expect(hrReserveFraction(200, 60, 190)).toBe(1);
    expect(hrReserveFraction(120, 60, 60)).toBe(0);
  });
});

describe('trimpFromStream', () => {
  it('equals the average formula for a steady heart rate', () => {
    const t = Array.from({ length: 3601 }, (_, i) => i);
    const hr = t.map(() => 151);
    expect(trimpFromStream(t, hr, { ...athlete, sex: 'M' })).toBeCloseTo(103.067, 2);
  });

  it('scores intervals above their average: 30 min at x = 0.5 and 30 at x = 0.9 give 122.348', () => {
    // 30 × 0.5 × 0.64·e^0.96 + 30 × 0.9 × 0.64·e^1.728 = 25.072 + 97.276; the 60-min average
    // (x = 0.7) would give 103.067.
    const t = Array.from({ length: 3601 }, (_, i) => i);
    const hr = t.map((i) => (i <= 1800 ? 125 : 177));
    expect(trimpFromStream(t, hr, { ...athlete, sex: 'M' })).toBeCloseTo(122.348, 2);
  });

  it('skips NaN samples and steps that do not move forward in time', () => {
    const p = { ...athlete, sex: 'M' } as const;
    expect(trimpFromStream([0, 60, 60, 120], [151, 151, 151, Number.NaN], p)).toBeCloseTo(
      0.7 * 2.45398,
      4,
    );
  });
});

describe('hrTss', () => {
  it('estimates LTHR as 85 % of heart-rate reserve: 60 + 0.85 × 130 = 170.5 bpm', () => {
    expect(estimateLthr(60, 190)).toBeCloseTo(170.5, 10);
  });

  it('scores one hour at LTHR as 100', () => {
    const p = { ...athlete, sex: 'M' } as const;
    expect(hrTss(trimp(3600, 170.5, p), p)).toBeCloseTo(100, 8);
    expect(hrTss(trimp(3600, 165, { ...p, sex: 'F' }), { ...p, sex: 'F', lthr: 165 })).toBeCloseTo(
      100,
      8,
    );
  });

  it('scores 103.067 TRIMP as 103.067 / (60 × 0.85 × 0.64·e^1.632 = 166.924) × 100 = 61.745', () => {
    expect(hrTss(103.067, { ...athlete, sex: 'M' })).toBeCloseTo(61.745, 2);
  });
});

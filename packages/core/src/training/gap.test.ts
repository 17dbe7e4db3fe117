import { describe, expect, it } from 'vitest';
import {
  gradeAdjustedDistance,
  gradeAdjustedPace,
  gradeAdjustedSpeed,
  gradeSpeedFactor,
  runningCost,
} from './gap.js';

// Minetti et al. 2002, J Appl Physiol 93:1039, Cr(i) = 155.4i⁵ − 30.4i⁴ − 43.3i³ + 46.3i² +
// 19.5i + 3.6. Hand values: Cr(0.1) = 0.001554 − 0.00304 − 0.0433 + 0.463 + 1.95 + 3.6 =
// 5.968214; Cr(−0.1) = −0.001554 − 0.00304 + 0.0433 + 0.463 − 1.95 + 3.6 = 2.151706.
describe('runningCost (Minetti et al. 2002)', () => {
  it('is 3.6 J/kg/m on the flat', () => {
    expect(runningCost(0)).toBe(3.6);
  });

  it('matches the polynomial at ±10 %', () => {
    expect(runningCost(0.1)).toBeCloseTo(5.968214, 9);
    expect(runningCost(-0.1)).toBeCloseTo(2.151706, 9);
  });

  it('clamps grades beyond the measured ±45 %', () => {
    expect(runningCost(0.8)).toBe(runningCost(0.45));
    expect(runningCost(-1)).toBe(runningCost(-0.45));
  });

  it('treats a NaN grade as flat', () => {
    expect(runningCost(Number.NaN)).toBe(3.6);
  });
});

describe('grade-adjusted speed', () => {
  it('is worth 5.968214 / 3.6 = 1.65784 × the speed up 10 %', () => {
    expect(gradeSpeedFactor(0.1)).toBeCloseTo(1.65784, 5);
    expect(gradeAdjustedSpeed(3, 0.1)).toBeCloseTo(4.97351, 5);
  });

  it('is worth 2.151706 / 3.6 = 0.59770 × the speed down 10 %', () => {
    expect(gradeAdjustedSpeed(3, -0.1)).toBeCloseTo(1.79309, 5);
  });
});

describe('gradeAdjustedPace over streams', () => {
  /** A run at 3 m/s, one sample a second, along `grade(d)` from 0 m altitude. */
  function run(seconds: number, grade: (d: number) => number) {
    const t: number[] = [];
    const d: number[] = [];
    const z: number[] = [];
    let alt = 0;
    for (let i = 0; i <= seconds; i++) {
      if (i > 0) alt += 3 * grade(3 * i - 1.5);
      t.push(i);
      d.push(3 * i);
      z.push(alt);
    }
    return { t, d, z };
  }

  it('equals the plain pace on the flat: 1000 / 3 = 333.3 s/km', () => {
    const { t, d, z } = run(600, () => 0);
    const gap = gradeAdjustedPace(t, d, z);
    expect(gap.speedMps).toBeCloseTo(3, 10);
    expect(gap.paceSPerKm).toBeCloseTo(333.333, 2);
  });

  it('gives 3 × 1.65784 m/s up a steady 10 % grade', () => {
    const { t, d, z } = run(600, () => 0.1);
    const gap = gradeAdjustedPace(t, d, z);
    expect(gap.distanceM).toBeCloseTo(1800 * 1.65784, 1);
    expect(gap.speedMps).toBeCloseTo(4.97351, 4);
  });

  it('smooths grade over the 50 m window: a 1 m altitude spike in a flat run costs < 1 %', () => {
    const { t, d, z } = run(600, () => 0);
    z[300] = 1;
    const gap = gradeAdjustedPace(t, d, z);
    expect(gap.speedMps).toBeGreaterThan(3);
    expect(gap.speedMps).toBeLessThan(3.03);
  });

  it('counts a step with missing altitude as flat and a standing step as nothing', () => {
    const out = gradeAdjustedDistance([0, 10, 10, 20], [0, Number.NaN, Number.NaN, 0]);
    expect(Array.from(out)).toEqual([0, 10, 10, 20]);
  });

  it('returns no pace without time or distance', () => {
    expect(gradeAdjustedPace([0], [0], [0]).paceSPerKm).toBeNull();
    expect(gradeAdjustedPace([], [], []).speedMps).toBe(0);
  });
});

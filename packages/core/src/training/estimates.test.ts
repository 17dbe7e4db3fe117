import { describe, expect, it } from 'vitest';
import {
  estimateFtp,
  estimateMaxHr,
  resolveHeartRate,
  riegelTime,
  thresholdSpeedFromEffort,
} from './estimates.js';

describe('estimates', () => {
  it('estimates max HR at 40 as 208 − 28 = 180 (Tanaka et al. 2001)', () => {
    expect(estimateMaxHr(40)).toBe(180);
  });

  it('estimates FTP as 0.95 × a 20-min best: 300 W → 285 W (Allen & Coggan)', () => {
    expect(estimateFtp(300)).toBe(285);
  });

  it('predicts a marathon from a 40-min 10 km: 2400 × 4.2195^1.06 = 11 040 s (Riegel 1981)', () => {
    // ln 4.2195 = 1.43972; × 1.06 = 1.52610; e^1.52610 = 4.60020; × 2400 = 11 040.5 s.
    expect(riegelTime(2400, 10_000, 42_195)).toBeCloseTo(11_040.5, 0);
  });

  it('sets threshold speed from a 40-min 10 km at 10 000 × 1.5^(1/1.06) / 3600 = 4.0721 m/s', () => {
    // ln 1.5 = 0.405465; / 1.06 = 0.382514; e^0.382514 = 1.465966 → 14 659.7 m in the hour.
    expect(thresholdSpeedFromEffort(10_000, 2400)).toBeCloseTo(4.07213, 4);
    expect(thresholdSpeedFromEffort(0, 2400)).toBe(0);
  });

  it('prefers set heart rates and falls back to the estimates', () => {
    expect(resolveHeartRate({ maxHr: 195, restingHr: 48 })).toEqual({ maxHr: 195, restingHr: 48 });
    expect(resolveHeartRate({ ageYears: 30 })).toEqual({ maxHr: 187, restingHr: 60 });
    expect(resolveHeartRate({})).toBeNull();
  });
});

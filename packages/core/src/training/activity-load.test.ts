import { describe, expect, it } from 'vitest';
import { activityLoad } from './activity-load.js';

const settings = { ftpW: 250, maxHr: 190, restingHr: 60, thresholdSpeedMps: 4, sex: 'M' as const };
const none = { powerW: null, averageHr: null, speedMps: null };

describe('activityLoad', () => {
  it('uses power first: an hour at NP = FTP is 100 TSS (Coggan)', () => {
    const out = activityLoad(
      { ...none, family: 'ride', movingS: 3600, powerW: 250, averageHr: 150 },
      settings,
    );
    expect(out?.source).toBe('power');
    expect(out?.load).toBeCloseTo(100, 9);
  });

  it('falls back to heart rate: an hour at the estimated LTHR (170.5 bpm) is 100 hrTSS', () => {
    // LTHR = 60 + 0.85 × (190 − 60) = 170.5; TRIMP of an hour there over the same hour = 1.
    const out = activityLoad(
      { ...none, family: 'ride', movingS: 3600, averageHr: 170.5 },
      { ...settings, ftpW: null },
    );
    expect(out?.source).toBe('heart_rate');
    expect(out?.load).toBeCloseTo(100, 9);
  });

  it('scores half an hour at threshold heart rate 50', () => {
    const out = activityLoad({ ...none, family: 'run', movingS: 1800, averageHr: 170.5 }, settings);
    expect(out?.load).toBeCloseTo(50, 9);
  });

  it('falls back to pace for runs: 30 min at 90 % of threshold speed is 0.5 × 0.81 × 100 = 40.5', () => {
    const out = activityLoad({ ...none, family: 'run', movingS: 1800, speedMps: 3.6 }, settings);
    expect(out?.source).toBe('pace');
    expect(out?.load).toBeCloseTo(40.5, 9);
  });

  it('gives no load without a usable source', () => {
    expect(activityLoad({ ...none, family: 'walk', movingS: 1800, speedMps: 1.4 }, settings)).toBe(
      null,
    );
    expect(activityLoad({ ...none, family: 'run', movingS: 0, speedMps: 3 }, settings)).toBe(null);
    expect(
      activityLoad(
        { ...none, family: 'ride', movingS: 3600, averageHr: 150 },
        { ...settings, maxHr: null, ftpW: null },
      ),
    ).toBe(null);
  });
});

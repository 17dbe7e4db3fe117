/**
 * Training load of one activity: TSS from power, TRIMP and hrTSS from heart rate, rTSS from
 * pace. Each is on the scale "one hour at threshold = 100" except TRIMP, which is Banister's raw
 * units. All durations in seconds, powers in watts, speeds in m/s, heart rates in bpm.
 */

/** Intensity factor: the ratio of an effort's normalized intensity to the athlete's threshold. */
export function intensityFactor(normalized: number, threshold: number): number {
  return threshold > 0 && normalized > 0 ? normalized / threshold : 0;
}

/**
 * Training Stress Score from power (Coggan & Allen, "Training and Racing with a Power Meter"):
 * TSS = (s × NP × IF) / (FTP × 3600) × 100 with IF = NP / FTP, i.e. hours × IF² × 100, so one
 * hour at FTP scores 100. `npW` is normalized power (see stats/power.ts).
 */
export function powerTss(durationS: number, npW: number, ftpW: number): number {
  if (!(durationS > 0)) return 0;
  const f = intensityFactor(npW, ftpW);
  return (durationS / 3600) * f * f * 100;
}

/**
 * Running TSS from pace (TrainingPeaks' rTSS): the power formula with speeds, IF = normalized
 * graded speed / functional threshold speed, rTSS = hours × IF² × 100. The threshold speed is
 * the speed the runner could hold for about an hour (see `thresholdSpeedFromEffort`).
 */
export function runningTss(
  durationS: number,
  normalizedGradedSpeedMps: number,
  thresholdSpeedMps: number,
): number {
  if (!(durationS > 0)) return 0;
  const f = intensityFactor(normalizedGradedSpeedMps, thresholdSpeedMps);
  return (durationS / 3600) * f * f * 100;
}

export type Sex = 'M' | 'F';

/**
 * Banister's (1991) exponential weighting of the heart-rate-reserve fraction x:
 * 0.64·e^(1.92·x) for men, 0.86·e^(1.67·x) for women. For an unspecified sex Stride takes the
 * mean of the two curves, which lies within 10 % of either over 0.5 ≤ x ≤ 1.
 */
export function trimpWeight(x: number, sex?: Sex): number {
  const m = 0.64 * Math.exp(1.92 * x);
  const f = 0.86 * Math.exp(1.67 * x);
  if (sex === 'M') return m;
  if (sex === 'F') return f;
  return (m + f) / 2;
}

/** Fraction of heart-rate reserve, clamped to [0, 1]: a heart rate below rest adds no load. */
export function hrReserveFraction(hr: number, restingHr: number, maxHr: number): number {
  const range = maxHr - restingHr;
  if (!(range > 0)) return 0;
  const x = (hr - restingHr) / range;
  return Math.max(0, Math.min(1, x));
}

export interface HeartRateProfile {
  restingHr: number;
  maxHr: number;
  sex?: Sex | undefined;
}

/**
 * Banister's TRIMP from an activity's average heart rate (Banister 1991, in "Physiological
 * Testing of the High-Performance Athlete"): minutes × x × weight(x) with
 * x = (HRavg − HRrest) / (HRmax − HRrest). It underestimates interval work, where the
 * exponential weight of the hard parts is lost in the average: prefer `trimpFromStream`.
 */
export function trimp(durationS: number, averageHr: number, p: HeartRateProfile): number {
  if (!(durationS > 0)) return 0;
  const x = hrReserveFraction(averageHr, p.restingHr, p.maxHr);
  return (durationS / 60) * x * trimpWeight(x, p.sex);
}

/**
 * Banister's TRIMP summed sample by sample: Σ Δt_min × x × weight(x). Each sample's heart rate
 * covers the step ending at it (the convention of stats/hr-zones.ts); NaN samples and
 * non-increasing times add nothing. `timeS` should be the timer clock, so pauses add nothing.
 */
export function trimpFromStream(
  timeS: ArrayLike<number>,
  hr: ArrayLike<number>,
  p: HeartRateProfile,
): number {
  const n = Math.min(timeS.length, hr.length);
  const { restingHr, maxHr, sex } = p;
  let sum = 0;
  for (let j = 1; j < n; j++) {
    const h = hr[j]!;
    if (Number.isNaN(h)) continue;
    const dt = timeS[j]! - timeS[j - 1]!;
    if (!(dt > 0)) continue;
    const x = hrReserveFraction(h, restingHr, maxHr);
    if (x === 0) continue;
    sum += (dt / 60) * x * trimpWeight(x, sex);
  }
  return sum;
}

/**
 * Lactate-threshold heart rate when the athlete has not set one: 85 % of heart-rate reserve,
 * HRrest + 0.85 × (HRmax − HRrest). Stride's choice; it lands within 1 bpm of Friel's rule of
 * thumb (LTHR ≈ 0.9 × HRmax) for a typical 190/60 athlete and keeps x at threshold constant.
 */
export const LTHR_RESERVE_FRACTION = 0.85;

export function estimateLthr(restingHr: number, maxHr: number): number {
  return restingHr + LTHR_RESERVE_FRACTION * (maxHr - restingHr);
}

/**
 * hrTSS: TRIMP relative to one hour at lactate-threshold heart rate, × 100 (the construction of
 * TrainingPeaks' hrTSS, here with Banister's TRIMP). One hour at LTHR scores 100 whatever the
 * athlete's heart-rate range. `lthr` defaults to `estimateLthr`.
 */
export function hrTss(trimpValue: number, p: HeartRateProfile & { lthr?: number }): number {
  const lthr = p.lthr ?? estimateLthr(p.restingHr, p.maxHr);
  const x = hrReserveFraction(lthr, p.restingHr, p.maxHr);
  const hourAtThreshold = 60 * x * trimpWeight(x, p.sex);
  return hourAtThreshold > 0 ? (trimpValue / hourAtThreshold) * 100 : 0;
}

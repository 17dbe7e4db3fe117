/**
 * Thresholds when the athlete has set none. Each is an estimate from a published rule; an
 * athlete's own value (or a tested one) is always better.
 */

/** Max heart rate, bpm: 208 − 0.7 × age (Tanaka, Monahan & Seals 2001, J Am Coll Cardiol 37:153). */
export function estimateMaxHr(ageYears: number): number {
  return 208 - 0.7 * ageYears;
}

/** Resting heart rate assumed when unset, bpm: a common adult value, Stride's default. */
export const DEFAULT_RESTING_HR = 60;

/** FTP as 95 % of the best 20-minute power (Allen & Coggan, "Training and Racing with a Power Meter"). */
export const FTP_FROM_20_MIN = 0.95;

export function estimateFtp(best20MinW: number): number {
  return FTP_FROM_20_MIN * best20MinW;
}

/** Riegel's fatigue exponent (Riegel 1981, "Athletic records and human endurance", Am Sci 69:285). */
export const RIEGEL_EXPONENT = 1.06;

/** Predicted time, s, over `toM` from a performance of `timeS` over `fromM`: T2 = T1 · (D2/D1)^1.06. */
export function riegelTime(timeS: number, fromM: number, toM: number): number {
  return timeS * (toM / fromM) ** RIEGEL_EXPONENT;
}

/**
 * Functional threshold speed, m/s: the speed the runner could hold for one hour, by Riegel's
 * formula solved for the distance covered in 3600 s, D = D1 · (3600 / T1)^(1/1.06). Best from an
 * effort of 5 to 21 km (Riegel fitted 3.5 to 230 minutes).
 */
export function thresholdSpeedFromEffort(distanceM: number, timeS: number): number {
  if (!(distanceM > 0) || !(timeS > 0)) return 0;
  return (distanceM * (3600 / timeS) ** (1 / RIEGEL_EXPONENT)) / 3600;
}

export interface HeartRateSettings {
  maxHr?: number | undefined;
  restingHr?: number | undefined;
  /** Age in years, for the max-HR estimate. */
  ageYears?: number | undefined;
}

/**
 * The athlete's max and resting heart rate, set values first, estimates otherwise; null when
 * max HR is neither set nor estimable (no age).
 */
export function resolveHeartRate(
  s: HeartRateSettings,
): { maxHr: number; restingHr: number } | null {
  const maxHr = s.maxHr ?? (s.ageYears !== undefined ? estimateMaxHr(s.ageYears) : undefined);
  if (maxHr === undefined) return null;
  return { maxHr, restingHr: s.restingHr ?? DEFAULT_RESTING_HR };
}

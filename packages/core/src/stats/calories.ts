import type { SportFamily } from '../sport.js';

export interface AthleteProfile {
  weightKg?: number;
  maxHr?: number;
  restingHr?: number;
  sex?: 'M' | 'F';
  birthYear?: number;
}

export type CaloriesSource = 'device' | 'power' | 'heartrate' | 'distance';

export interface CaloriesInput {
  family: SportFamily;
  deviceCalories?: number | undefined;
  kilojoules: number | null;
  averageHr: number | null;
  /** Timer seconds with heart rate. */
  hrSeconds: number;
  distanceM: number;
  /** Year of the activity, for the athlete's age. */
  year: number;
  athlete: AthleteProfile | undefined;
}

/**
 * Calories, best source first:
 * 1. the device's own value;
 * 2. mechanical work: kcal ≈ kJ, because ~24 % gross efficiency cancels 4.184 kJ per kcal
 *    (the convention of Strava and cycling computers);
 * 3. heart rate with weight, age and sex: Keytel et al. 2005 (J Sports Sci 23:289);
 * 4. running/walking distance with weight: ~1.0 / 0.5 kcal per kg per km.
 * Null when none applies (no weight and no power).
 */
export function estimateCalories(c: CaloriesInput): {
  calories: number | null;
  source: CaloriesSource | null;
} {
  if (c.deviceCalories !== undefined && Number.isFinite(c.deviceCalories) && c.deviceCalories > 0)
    return { calories: c.deviceCalories, source: 'device' };
  if (c.kilojoules !== null && c.kilojoules > 0) return { calories: c.kilojoules, source: 'power' };
  const a = c.athlete;
  const w = a?.weightKg;
  if (w && c.averageHr !== null && a?.birthYear && a.sex && c.hrSeconds > 0) {
    const age = c.year - a.birthYear;
    const perMin =
      a.sex === 'M'
        ? -55.0969 + 0.6309 * c.averageHr + 0.1988 * w + 0.2017 * age
        : -20.4022 + 0.4472 * c.averageHr - 0.1263 * w + 0.074 * age;
    const kcal = (Math.max(0, perMin) / 4.184) * (c.hrSeconds / 60);
    if (kcal > 0) return { calories: kcal, source: 'heartrate' };
  }
  if (w && (c.family === 'run' || c.family === 'walk') && c.distanceM > 0) {
    const perKgKm = c.family === 'run' ? 1.0 : 0.5;
    return { calories: perKgKm * w * (c.distanceM / 1000), source: 'distance' };
  }
  return { calories: null, source: null };
}

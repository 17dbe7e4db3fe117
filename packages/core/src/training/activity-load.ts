import { hrTss, powerTss, runningTss, type Sex, trimp } from './load.js';

/** What an activity's training load is computed from (its stored summary). */
export interface LoadInputs {
  /** Sport family: only runs get a load from pace. */
  family: string;
  /** Moving time, s: the time the effort lasted. */
  movingS: number;
  /** Normalized (weighted average) power, W, or the average without one; null without power. */
  powerW: number | null;
  averageHr: number | null;
  /** Grade-adjusted average speed, m/s (the plain average without altitude); null without. */
  speedMps: number | null;
}

/** The athlete's thresholds, as set or estimated (see docs/training.md). */
export interface LoadSettings {
  ftpW: number | null;
  maxHr: number | null;
  restingHr: number;
  sex?: Sex | undefined;
  thresholdSpeedMps: number | null;
}

export type LoadSource = 'power' | 'heart_rate' | 'pace';

export interface ActivityLoad {
  load: number;
  source: LoadSource;
}

/**
 * An activity's training load, from the best source it has: power (TSS from normalized power
 * and FTP), else heart rate (hrTSS: Banister's TRIMP from the average heart rate, relative to
 * an hour at threshold), else pace for runs (rTSS from grade-adjusted speed and threshold
 * speed). All three are scaled so an hour at threshold scores 100, so they add up on one
 * fitness curve. Null when none applies (no sensor, no threshold, a walk without heart rate).
 */
export function activityLoad(a: LoadInputs, s: LoadSettings): ActivityLoad | null {
  if (!(a.movingS > 0)) return null;
  if (a.powerW && a.powerW > 0 && s.ftpW && s.ftpW > 0)
    return { load: powerTss(a.movingS, a.powerW, s.ftpW), source: 'power' };
  if (a.averageHr && a.averageHr > 0 && s.maxHr && s.maxHr > s.restingHr) {
    const profile = { restingHr: s.restingHr, maxHr: s.maxHr, sex: s.sex };
    return { load: hrTss(trimp(a.movingS, a.averageHr, profile), profile), source: 'heart_rate' };
  }
  if (a.family === 'run' && a.speedMps && a.speedMps > 0 && s.thresholdSpeedMps)
    return { load: runningTss(a.movingS, a.speedMps, s.thresholdSpeedMps), source: 'pace' };
  return null;
}

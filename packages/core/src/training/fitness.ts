import { dayKey, dayNumber } from './days.js';

/**
 * Fitness, fatigue and form: Banister's impulse-response model as TrainingPeaks' Performance
 * Management Chart draws it. Fitness (CTL) and fatigue (ATL) are exponentially weighted
 * averages of daily load with time constants of 42 and 7 days:
 *   CTL_t = CTL_{t−1} + (load_t − CTL_{t−1}) · (1 − e^(−1/42)),
 * and form is yesterday's fitness minus yesterday's fatigue, TSB_t = CTL_{t−1} − ATL_{t−1}, so
 * today's workout does not change today's form (TrainingPeaks, "What is the Performance
 * Management Chart"). Stride uses the exact exponential decay 1 − e^(−1/τ) rather than the
 * 1/τ approximation; the two differ by about 1 % of the step for τ = 42.
 */
export const CTL_DAYS = 42;
export const ATL_DAYS = 7;

export interface DailyLoad {
  /** 'YYYY-MM-DD', the athlete's local calendar day. */
  day: string;
  load: number;
}

export interface FitnessDay {
  day: string;
  /** Load of the day: the sum of its entries, 0 for a day without any. */
  load: number;
  /** Fitness (chronic training load) at the end of the day. */
  ctl: number;
  /** Fatigue (acute training load) at the end of the day. */
  atl: number;
  /** Form (training stress balance) going into the day. */
  tsb: number;
}

export interface FitnessOptions {
  /** First day of the series; default the earliest load. */
  from?: string;
  /** Last day of the series; default the latest load. */
  to?: string;
  /** Fitness and fatigue at the end of the day before `from`; default 0. */
  startCtl?: number;
  startAtl?: number;
}

/** The weight of one day's load in an exponentially weighted average of time constant τ days. */
export function decayWeight(days: number): number {
  return 1 - Math.exp(-1 / days);
}

/**
 * The daily fitness series over the given loads. Days without a load count 0; several
 * entries on one day add up; entries with an invalid day or a non-finite load are ignored;
 * loads before `from` are not counted (seed them through `startCtl` / `startAtl`).
 */
export function fitnessSeries(
  loads: readonly DailyLoad[],
  opts: FitnessOptions = {},
): FitnessDay[] {
  const byDay = new Map<number, number>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const { day, load } of loads) {
    const n = dayNumber(day);
    if (Number.isNaN(n) || !Number.isFinite(load)) continue;
    byDay.set(n, (byDay.get(n) ?? 0) + load);
    if (n < first) first = n;
    if (n > last) last = n;
  }
  const from = opts.from !== undefined ? dayNumber(opts.from) : first;
  const to = opts.to !== undefined ? dayNumber(opts.to) : last;
  if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [];
  const kc = decayWeight(CTL_DAYS);
  const ka = decayWeight(ATL_DAYS);
  let ctl = opts.startCtl ?? 0;
  let atl = opts.startAtl ?? 0;
  const out: FitnessDay[] = [];
  for (let n = from; n <= to; n++) {
    const load = byDay.get(n) ?? 0;
    const tsb = ctl - atl;
    ctl += (load - ctl) * kc;
    atl += (load - atl) * ka;
    out.push({ day: dayKey(n), load, ctl, atl, tsb });
  }
  return out;
}

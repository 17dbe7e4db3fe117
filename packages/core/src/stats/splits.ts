import { type IntervalTotals, intervalTotals, positionOf, type Series } from './series.js';

export const METRIC_SPLIT_M = 1000;
export const STANDARD_SPLIT_M = 1609.344;

export interface Split extends IntervalTotals {
  /** 1-based, as Strava numbers splits. */
  split: number;
}

/**
 * The most splits listed per unit (1 000 km or miles): the page of an activity stays bounded
 * whatever its distance; longer activities list their first MAX_SPLITS.
 */
export const MAX_SPLITS = 1000;

/** The shortest trailing partial split that is still reported (Strava shows the remainder). */
const MIN_LAST_SPLIT_M = 10;

/**
 * Splits every `lengthM` of distance, cut at the exact interpolated position where the
 * cumulative distance crosses each boundary; the remainder is the last, shorter split.
 */
export function splitsBy(s: Series, lengthM: number): Split[] {
  const out: Split[] = [];
  if (s.n < 2) return out;
  const total = s.dist[s.n - 1]!;
  let p0 = 0;
  for (let k = 1; k * lengthM <= total && k <= MAX_SPLITS; k++) {
    const p1 = positionOf(s.dist, s.n, k * lengthM, Math.floor(p0));
    if (p1 < 0) break;
    out.push({ split: k, ...intervalTotals(s, p0, p1) });
    p0 = p1;
  }
  if (
    out.length < MAX_SPLITS &&
    total - (out.length ? out.length * lengthM : 0) >= MIN_LAST_SPLIT_M
  ) {
    out.push({ split: out.length + 1, ...intervalTotals(s, p0, s.n - 1) });
  }
  return out;
}

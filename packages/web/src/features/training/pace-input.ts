/**
 * A running pace as athletes type it, "4:30" (minutes and seconds per km, or per mile in
 * imperial units), to and from the API's speed in m/s.
 */
import { paceUnit, type Units } from '../../lib/format.js';

const PACE_RE = /^\s*(\d{1,2}):([0-5]\d)\s*$/;
/** The threshold speeds the API takes, m/s: 2:23 to 16:40 per km, 3:50 to 26:49 per mile. */
export const THRESHOLD_SPEED = { min: 1, max: 7 } as const;

/**
 * The speed (m/s) of a pace typed as m:ss per km or mile; null when it is not one, or not a
 * threshold pace (see THRESHOLD_SPEED).
 */
export function parsePace(text: string, units: Units): number | null {
  const m = PACE_RE.exec(text);
  if (!m) return null;
  const s = Number(m[1]) * 60 + Number(m[2]);
  const mps = s > 0 ? paceUnit(units).metres / s : Number.POSITIVE_INFINITY;
  return mps >= THRESHOLD_SPEED.min && mps <= THRESHOLD_SPEED.max ? mps : null;
}

/** A speed (m/s) as the m:ss pace per km or mile to type, to the second; '' for none. */
export function paceText(mps: number | null | undefined, units: Units): string {
  if (typeof mps !== 'number' || !Number.isFinite(mps) || mps <= 0) return '';
  const s = Math.round(paceUnit(units).metres / mps);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

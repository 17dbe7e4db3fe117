/**
 * A running pace as athletes type it, "4:30" (minutes and seconds per km, or per mile in
 * imperial units), to and from the API's speed in m/s.
 */
import { paceUnit, type Units } from '../../lib/format.js';

const PACE_RE = /^\s*(\d{1,2}):([0-5]\d)\s*$/;
/** Paces read as paces: from 1:00 to 30:00 per km or mile (faster is a vehicle, slower a stop). */
const FASTEST_S = 60;
const SLOWEST_S = 30 * 60;

/** The speed (m/s) of a pace typed as m:ss per km or mile; null when it is not one. */
export function parsePace(text: string, units: Units): number | null {
  const m = PACE_RE.exec(text);
  if (!m) return null;
  const s = Number(m[1]) * 60 + Number(m[2]);
  if (s < FASTEST_S || s > SLOWEST_S) return null;
  return paceUnit(units).metres / s;
}

/** A speed (m/s) as the m:ss pace per km or mile to type, to the second; '' for none. */
export function paceText(mps: number | null | undefined, units: Units): string {
  if (typeof mps !== 'number' || !Number.isFinite(mps) || mps <= 0) return '';
  const s = Math.round(paceUnit(units).metres / mps);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

import { sportFamily } from '@stride/core';

/** How the record screen writes numbers, in the athlete's units (metric or imperial). */
export type Units = 'metric' | 'imperial';

const M_PER_MI = 1609.344;
const FT_PER_M = 3.28084;

/** h:mm:ss, or m:ss under an hour. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export function formatDistance(metres: number, units: Units): { value: string; unit: string } {
  return units === 'imperial'
    ? { value: (metres / M_PER_MI).toFixed(2), unit: 'mi' }
    : { value: (metres / 1000).toFixed(2), unit: 'km' };
}

export function formatElevation(metres: number, units: Units): { value: string; unit: string } {
  return units === 'imperial'
    ? { value: String(Math.round(metres * FT_PER_M)), unit: 'ft' }
    : { value: String(Math.round(metres)), unit: 'm' };
}

/** Below this speed a pace is meaningless (standing still): shown as a dash. */
const MIN_PACE_SPEED = 0.3;

/** Pace (time per km or mile) for runs, walks and hikes; speed for rides and the rest. */
export function formatSpeed(
  mps: number,
  sport: string,
  units: Units,
): { label: 'Pace' | 'Speed'; value: string; unit: string } {
  const family = sportFamily(sport);
  if (family === 'run' || family === 'walk') {
    const unit = units === 'imperial' ? '/mi' : '/km';
    if (!(mps >= MIN_PACE_SPEED)) return { label: 'Pace', value: '–:––', unit };
    const perUnit = (units === 'imperial' ? M_PER_MI : 1000) / mps;
    return { label: 'Pace', value: formatDuration(perUnit), unit };
  }
  return units === 'imperial'
    ? { label: 'Speed', value: ((mps * 3600) / M_PER_MI).toFixed(1), unit: 'mph' }
    : { label: 'Speed', value: (mps * 3.6).toFixed(1), unit: 'km/h' };
}

/** "TrailRun" → "Trail Run". */
export function sportLabel(sport: string): string {
  return sport.replace(/([a-z])([A-Z])/g, '$1 $2');
}

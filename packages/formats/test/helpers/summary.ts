import type { Track } from '@stride/core';
import type { ImportResult } from '../../src/index.js';

const R = 6_371_008.8;

/** Haversine path length over samples with a valid position (for reporting only). */
export function pathLengthM(t: Track): number {
  let total = 0;
  let plat = Number.NaN;
  let plon = Number.NaN;
  for (let i = 0; i < t.length; i++) {
    const lat = t.lat[i]!;
    const lon = t.lon[i]!;
    if (Number.isNaN(lat) || Number.isNaN(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180)
      continue;
    if (!Number.isNaN(plat)) {
      const dlat = ((lat - plat) * Math.PI) / 180;
      const dlon = ((lon - plon) * Math.PI) / 180;
      const a =
        Math.sin(dlat / 2) ** 2 +
        Math.cos((plat * Math.PI) / 180) *
          Math.cos((lat * Math.PI) / 180) *
          Math.sin(dlon / 2) ** 2;
      total += 2 * R * Math.asin(Math.min(1, Math.sqrt(a)));
    }
    plat = lat;
    plon = lon;
  }
  return total;
}

function maxOf(column: Float64Array | null): number {
  let best = 0;
  if (column) for (const v of column) if (v > best) best = v;
  return best;
}

export function durationS(t: Track): number {
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < t.length; i++) {
    const v = t.time[i]!;
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    last = v;
  }
  return last - first;
}

export function positioned(t: Track): number {
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t.lat[i]!) && !Number.isNaN(t.lon[i]!)) n++;
  return n;
}

export interface Row {
  file: string;
  outcome: string;
  points: string;
  distance: string;
  duration: string;
  reason: string;
}

/** One table row for an import result (activities first, then courses). */
export function summarise(file: string, result: ImportResult): Row {
  const acts = result.activities;
  const tracks = acts.length > 0 ? acts.map((a) => a.track) : result.courses.map((c) => c.track);
  const points = tracks.map((t) => t.length).join('+');
  // GPS path length; the device's own distance channel when there is no position (indoor).
  const dist = tracks.reduce((s, t) => s + (pathLengthM(t) || maxOf(t.distance)), 0);
  const dur = acts.reduce(
    (s, a) => s + (Number.isFinite(durationS(a.track)) ? durationS(a.track) : 0),
    0,
  );
  const warn = result.warnings.map((w) => `${w.code}${w.count ? `×${w.count}` : ''}`).join(' ');
  const outcome =
    acts.length > 0
      ? `${result.format}${result.compressed ? '.gz' : ''}: ${acts.length} activit${acts.length === 1 ? 'y' : 'ies'}${acts.some((a) => a.sport) ? ` (${acts.map((a) => a.sport ?? '?').join('/')})` : ''}`
      : `${result.format}: ${result.courses.length} course(s)`;
  return {
    file,
    outcome:
      result.courses.length && acts.length
        ? `${outcome} + ${result.courses.length} course(s)`
        : outcome,
    points,
    distance: `${(dist / 1000).toFixed(2)} km`,
    duration: acts.length ? formatDuration(dur) : '-',
    reason: warn || 'ok',
  };
}

export function formatDuration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = Math.round(s % 60);
  return `${h}:${String(m).padStart(2, '0')}:${String(sec).padStart(2, '0')}`;
}

export function printTable(rows: Row[]): string {
  const heads: (keyof Row)[] = ['file', 'outcome', 'points', 'distance', 'duration', 'reason'];
  const lines = [`| ${heads.join(' | ')} |`, `|${heads.map(() => '---').join('|')}|`];
  for (const r of rows) lines.push(`| ${heads.map((h) => r[h]).join(' | ')} |`);
  return lines.join('\n');
}

import { type IntervalTotals, intervalTotals, positionOf, type Series } from './series.js';

/** A lap as files state it (packages/formats `Lap` fits this shape). */
export interface LapInput {
  startTime: number;
  endTime?: number | undefined;
  name?: string | undefined;
  /** The device's own totals for the lap: its timer time is the lap's timer time. */
  totals?: { distanceM?: number | undefined; timerS?: number | undefined } | undefined;
}

export interface Lap extends Omit<IntervalTotals, 'distance'> {
  /** Metres; null when the activity has no distance at all (an indoor ride without sensor). */
  distance: number | null;
  lap_index: number;
  name: string;
  /** Epoch seconds. */
  start_date: number;
  max_speed: number;
  max_heartrate: number | null;
  source: 'file' | 'auto';
}

/**
 * The most laps listed: a file's laps beyond it are left out, and the last auto lap runs to the
 * end, so that no file can make an activity's page grow without bound.
 */
export const MAX_LAPS = 1000;

function withMaxima(
  s: Series,
  t: IntervalTotals,
): { max_speed: number; max_heartrate: number | null } {
  let maxV = 0;
  let maxHr = Number.NaN;
  for (let j = t.start_index; j <= t.end_index; j++) {
    if (s.movingFlag[j] && s.vel[j]! > maxV) maxV = s.vel[j]!;
    const h = s.hr[j]!;
    if (!Number.isNaN(h) && !(h <= maxHr)) maxHr = h;
  }
  return { max_speed: maxV, max_heartrate: !Number.isNaN(maxHr) ? maxHr : null };
}

/**
 * Laps from the file's lap start (and end) times; the last lap runs to the end. A lap's timer
 * time is the device's own when the file states it (a treadmill lap's TotalTimeSeconds), and
 * its distance is null when the activity has none.
 */
export function lapsFromFile(s: Series, laps: readonly LapInput[], hasDistance = true): Lap[] {
  const out: Lap[] = [];
  if (s.n < 2) return out;
  const t0 = s.time[0]!;
  const tn = s.time[s.n - 1]!;
  const sorted = laps
    .filter((l) => Number.isFinite(l.startTime))
    .sort((a, b) => a.startTime - b.startTime)
    .slice(0, MAX_LAPS);
  sorted.forEach((lap, k) => {
    const start = Math.min(Math.max(lap.startTime, t0), tn);
    const nextStart = sorted[k + 1]?.startTime ?? tn;
    const end = Math.min(Math.max(lap.endTime ?? nextStart, start), tn);
    const p0 = positionOf(s.time, s.n, start);
    const p1 = positionOf(s.time, s.n, end);
    if (p0 < 0 || p1 < 0) return;
    const totals = intervalTotals(s, p0, p1);
    const timerS = lap.totals?.timerS;
    out.push({
      lap_index: out.length + 1,
      name: lap.name ?? `Lap ${out.length + 1}`,
      start_date: start,
      source: 'file',
      ...totals,
      ...(timerS !== undefined && timerS >= 0 && Number.isFinite(timerS)
        ? { timer_time: timerS }
        : {}),
      distance: hasDistance ? totals.distance : null,
      ...withMaxima(s, totals),
    });
  });
  return out;
}

/**
 * Laps every `lapM` of distance (the device "auto lap" default) when the file has none; one
 * lap with a null distance when the activity has no distance.
 */
export function autoLaps(s: Series, lapM: number, hasDistance = true): Lap[] {
  const out: Lap[] = [];
  if (s.n < 2) return out;
  const total = s.dist[s.n - 1]!;
  let p0 = 0;
  for (let k = 1; ; k++) {
    const p1 =
      k * lapM < total && k < MAX_LAPS
        ? positionOf(s.dist, s.n, k * lapM, Math.floor(p0))
        : s.n - 1;
    if (p1 < 0 || p1 <= p0) break;
    const totals = intervalTotals(s, p0, p1);
    out.push({
      lap_index: k,
      name: `Lap ${k}`,
      start_date: s.time[Math.floor(p0)]!,
      source: 'auto',
      ...totals,
      distance: hasDistance ? totals.distance : null,
      ...withMaxima(s, totals),
    });
    if (p1 === s.n - 1) break;
    p0 = p1;
  }
  return out;
}

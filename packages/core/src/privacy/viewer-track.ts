import { rulerDistance } from '../geo/index.js';
import { type SportType, sportThresholds } from '../sport.js';
import { selectSamples, type Track } from '../track.js';

/** The track another person sees, and how its clock relates to the owner's. */
export interface ViewerTrack {
  /**
   * The visible samples only, on the viewer's clock: the first visible sample keeps its real
   * time, and every hidden stretch is taken out of the time (and device distance) that
   * follows it, so nothing carries how long or how far the hidden part was.
   */
  track: Track;
  /**
   * Where hidden samples were taken out between two visible ones, on the viewer's clock: a
   * pause from `start` to `end` (its length depends on the visible ends only).
   */
  gaps: Array<{ start: number; end: number }>;
  /**
   * [owner sample index, seconds]: from that sample on, the viewer's clock runs this many
   * seconds behind the owner's (hidden stretches taken out; the leading one excepted, as the
   * viewer's clock starts at the real time of the first visible sample).
   */
  shifts: Array<[number, number]>;
  /**
   * Owner time → viewer time, piecewise: within each visible run [from, to] (owner's clock)
   * the viewer's clock is `shift` seconds off. Plain data, so it can cross threads.
   */
  runs: ClockRun[];
  /** The viewer's time for an owner's time, or null when that moment is hidden. */
  clock(ownerTime: number): number | null;
}

export interface ClockRun {
  from: number;
  to: number;
  shift: number;
}

/** The viewer's clock of `runs` (see `ViewerTrack.runs`): null for a hidden moment. */
export function clockOf(runs: readonly ClockRun[]): (ownerTime: number) => number | null {
  return (t) => {
    for (const r of runs) if (t >= r.from && t <= r.to) return t + r.shift;
    return null;
  };
}

/**
 * Rebases the visible part of `track` (mask 1 = hidden) so that it starts where the viewer's
 * data starts. Why: a viewer who gets the owner's `time` and `distance` values at the first
 * visible sample learns how long and how far the hidden start was, and walking back along the
 * visible track by that distance lands on the home. Interior hidden stretches are collapsed
 * too and shown as a short pause whose length is only what the straight jump between the two
 * visible ends needs (so cleaning does not take the jump for a GPS teleport).
 */
export function viewerTrack(track: Track, hidden: Uint8Array, sport?: SportType): ViewerTrack {
  const idx: number[] = [];
  for (let i = 0; i < track.length; i++) if (!hidden[i]) idx.push(i);
  const out = selectSamples(track, idx);
  const vmax = sportThresholds(sport).maxSpeedMps;
  const gaps: ViewerTrack['gaps'] = [];
  const shifts: ViewerTrack['shifts'] = [];
  // Owner time → viewer time is piecewise a shift: one shift per visible run.
  const runs: ClockRun[] = [];
  const { time, lat, lon } = track;
  let shift = 0;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    const p = k > 0 ? idx[k - 1]! : -1;
    if (k > 0 && i > p + 1) {
      const d = rulerDistance(lat[p]!, lon[p]!, lat[i]!, lon[i]!);
      const step = Math.max(1, Math.ceil((Number.isFinite(d) ? d : 0) / vmax));
      const before = time[p]! + shift;
      shift = before + step - time[i]!;
      gaps.push({ start: before, end: before + step });
      shifts.push([i, -shift]);
    }
    if (k === 0 || i > p + 1) runs.push({ from: time[i]!, to: time[i]!, shift });
    runs[runs.length - 1]!.to = time[i]!;
    out.time[k] = time[i]! + shift;
  }
  if (out.distance) rebaseDistance(track.distance!, idx, out.distance);
  return { track: out, gaps, shifts, runs, clock: clockOf(runs) };
}

/**
 * The device's cumulative distance restarted at 0 on the first visible sample, adding only
 * steps between adjacent visible samples (a device counter never goes back: a drop is a reset).
 */
function rebaseDistance(source: Float64Array, idx: readonly number[], out: Float64Array): void {
  let sum = 0;
  let prev = Number.NaN;
  let crossedHidden = false;
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k]!;
    if (k > 0 && i > idx[k - 1]! + 1) crossedHidden = true;
    const d = source[i]!;
    if (Number.isNaN(d)) {
      out[k] = Number.NaN;
      continue;
    }
    // Distance covered while hidden is dropped: only steps within visible stretches count.
    if (!Number.isNaN(prev) && !crossedHidden && d > prev) sum += d - prev;
    prev = d;
    crossedHidden = false;
    out[k] = sum;
  }
}

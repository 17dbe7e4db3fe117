import type { Track } from '../track.js';
import { Crossings, findStartCrossings } from './crossings.js';
import { follow } from './follow.js';
import { effortDistance, effortMoving, type Span } from './measure.js';
import { type MatchOptions, measuring, type Tolerances, tolerances } from './options.js';
import type { PreparedSegment } from './prepare.js';

/** One effort of a track on a segment, timed between interpolated gate crossings. */
export interface SegmentMatch {
  segmentId: string;
  /** Last track sample at or before the interpolated start-gate crossing. */
  startIndex: number;
  /** First track sample at or after the interpolated end-gate crossing. */
  endIndex: number;
  /** Epoch seconds at the start-gate crossing, interpolated between the samples around it. */
  startTime: number;
  /** Epoch seconds at the end-gate crossing, interpolated likewise. */
  endTime: number;
  /** endTime − startTime. */
  elapsedS: number;
  /** Moving seconds within the effort (see MatchOptions.moving). */
  movingS: number;
  /** Metres the athlete covered between the gate crossings. */
  distanceM: number;
}

const scratch = new Float64Array(4);

const timeAt = (track: Track, a: number, b: number, f: number) =>
  track.time[a]! + f * (track.time[b]! - track.time[a]!);

/**
 * Turns start crossings into efforts: one walk per crossing, then at most one effort per end
 * crossing (the latest start: a wobble over the start line does not make two efforts) and no
 * two efforts overlapping in time (earliest end first, so laps are all kept; on a loop
 * segment one lap's end crossing is the next lap's start).
 */
export function effortsFrom(
  track: Track,
  segment: PreparedSegment,
  crossings: Crossings,
  tol: Tolerances,
  measure: () => MatchOptions,
  out: SegmentMatch[],
): void {
  const spans: Span[] = [];
  const g = segment.geometry;
  for (let k = 0; k < crossings.n; k++) {
    const i0 = crossings.i0[k]!;
    const i1 = crossings.i1[k]!;
    const u = crossings.u[k]!;
    const next = k + 1 < crossings.n ? crossings.i1[k + 1]! : -1;
    const j1 = follow(track, g, i0, i1, u, next, tol, scratch);
    if (j1 < 0) continue; // failed, or superseded by the next crossing
    const j0 = scratch[0]!;
    const v = scratch[2]!;
    spans.push({
      i0,
      i1,
      u,
      j0,
      j1,
      v,
      startTime: timeAt(track, i0, i1, u),
      endTime: timeAt(track, j0, j1, v),
      pathM: scratch[3]!,
    });
  }
  if (spans.length > 1) spans.sort((a, b) => a.endTime - b.endTime || b.startTime - a.startTime);
  let lastEnd = Number.NEGATIVE_INFINITY;
  for (const s of spans) {
    if (s.startTime < lastEnd) continue;
    lastEnd = s.endTime;
    const options = measure();
    out.push({
      segmentId: segment.id,
      startIndex: s.u >= 1 ? s.i1 : s.i0,
      endIndex: s.j1,
      startTime: s.startTime,
      endTime: s.endTime,
      elapsedS: s.endTime - s.startTime,
      movingS: effortMoving(track, s, options),
      distanceM: effortDistance(s, options),
    });
  }
}

/**
 * Every effort of `track` on `segment`, in time order. Scans the whole track for start-gate
 * crossings; to match against many segments use SegmentIndex, which finds the candidate
 * segments and the stretch of track near each start first.
 */
export function matchSegment(
  track: Track,
  segment: PreparedSegment,
  options: MatchOptions = {},
): SegmentMatch[] {
  const tol = tolerances(options);
  const crossings = new Crossings();
  findStartCrossings(
    track,
    segment.geometry,
    0,
    track.length - 1,
    true,
    tol.gateHalfWidthM,
    crossings,
  );
  const out: SegmentMatch[] = [];
  if (crossings.n > 0) effortsFrom(track, segment, crossings, tol, measuring(options), out);
  return out;
}

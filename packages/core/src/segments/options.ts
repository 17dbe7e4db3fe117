import type { SportType } from '../sport.js';

/** Tolerances of matching (all optional; defaults below, reasons in docs/segments.md). */
export interface MatchOptions {
  /** Half-length of the start and end gate lines, metres. */
  gateHalfWidthM?: number;
  /** The track may stray at most this far from the segment line between the gates, metres. */
  corridorM?: number;
  /** The track passes within this distance of every inner vertex, in order, metres. */
  checkpointRadiusM?: number;
  /** A step between two fixes longer than this ends the attempt (the path is unknown), metres. */
  maxGapM?: number;
  /** Sport of the activity: its moving-speed threshold when `moving` is not given. */
  sport?: SportType;
  /**
   * Per-sample moving flags aligned with the track (computeActivity's `streams.moving`: 1 when
   * the step ending at the sample counts as moving). Without them moving time is derived from
   * the track by the same convention (see docs/segments.md).
   */
  moving?: ArrayLike<number> | null;
  /** Cumulative metres aligned with the track (`streams.distance`); default: the GPS path. */
  distance?: ArrayLike<number> | null;
  /**
   * `moving` and `distance` on demand, in their place: called at most once per match, and only
   * once the track has an effort. Computing the activity's streams costs a pass over the whole
   * track, and most activities match no segment at all.
   */
  streams?: () => EffortStreams;
}

/** The activity's own streams that time efforts (see MatchOptions.moving and .distance). */
export interface EffortStreams {
  moving?: ArrayLike<number> | null;
  distance?: ArrayLike<number> | null;
}

export const MATCH_DEFAULTS = {
  gateHalfWidthM: 25,
  corridorM: 40,
  checkpointRadiusM: 30,
  maxGapM: 250,
} as const;

export interface Tolerances {
  gateHalfWidthM: number;
  corridorM: number;
  checkpointRadiusM: number;
  maxGapM: number;
}

export function tolerances(o: MatchOptions): Tolerances {
  return {
    gateHalfWidthM: o.gateHalfWidthM ?? MATCH_DEFAULTS.gateHalfWidthM,
    corridorM: o.corridorM ?? MATCH_DEFAULTS.corridorM,
    checkpointRadiusM: o.checkpointRadiusM ?? MATCH_DEFAULTS.checkpointRadiusM,
    maxGapM: o.maxGapM ?? MATCH_DEFAULTS.maxGapM,
  };
}

/**
 * The options efforts are measured with, for one match: `streams` is called on the first
 * effort measured and its result kept for the others.
 */
export function measuring(o: MatchOptions): () => MatchOptions {
  const { streams } = o;
  if (!streams) return () => o;
  let resolved: MatchOptions | undefined;
  return () => {
    resolved ??= { ...o, ...streams() };
    return resolved;
  };
}

/**
 * Device or computed: where each headline number of a device file comes from, and the
 * per-sample columns brought in line with it (the distance stream ends at the headline
 * distance). See docs/statistics.md, "Device or computed".
 */
import { type SportFamily, sportThresholds } from '../sport.js';
import type { ActivityEngine } from './engine.js';
import type { LapInput } from './laps.js';
import { positionOf, valueAt } from './series.js';
import type { ActivityOptions, ActivityStats, SwimLengthInput } from './types.js';

/**
 * The samples cover the device's session when they span at least this share of its timer
 * (and the timer is not longer than they are).
 */
export const COVERAGE = 0.9;
/**
 * The device's distance replaces the computed one when they differ by at most this share: a
 * larger difference means the totals describe something else than these samples (a counter
 * glitch repaired, another session's distance).
 */
export const DISTANCE_AGREEMENT = 0.05;

export interface Columns {
  dist: Float64Array;
  moving: Float64Array;
  movingFlag: Uint8Array;
}

export interface Headline {
  distance: number;
  distanceSource: ActivityStats['distance_source'];
  timer: number;
  elapsed: number;
  moving: number;
  /** Distance comes from a per-sample measure (not spread evenly from lap or session totals). */
  perSample: boolean;
  activeLengths: number | null;
  /** The samples cover the device's session (its totals describe them). */
  covers: boolean;
}

const finite = (v: number | undefined): v is number => v !== undefined && Number.isFinite(v);

/** The device's timer: the session's, else the sum of the laps' when every lap states one. */
export function deviceTimer(o: ActivityOptions): number | undefined {
  const t = o.deviceTotals?.timerS;
  if (finite(t) && t > 0) return t;
  const laps = o.laps ?? [];
  if (!laps.length || !laps.every((l) => finite(l.totals?.timerS))) return undefined;
  const sum = laps.reduce((a, l) => a + l.totals!.timerS!, 0);
  return sum > 0 ? sum : undefined;
}

function deviceDistance(o: ActivityOptions): number | undefined {
  const d = o.deviceTotals?.distanceM;
  if (finite(d) && d > 0) return d;
  const laps = o.laps ?? [];
  if (!laps.length || !laps.every((l) => finite(l.totals?.distanceM))) return undefined;
  const sum = laps.reduce((a, l) => a + l.totals!.distanceM!, 0);
  return sum > 0 ? sum : undefined;
}

/**
 * Cumulative seconds and metres of active lengths at each sample time, and which steps lie
 * inside an active length. Lengths are the watch's own record of when the swimmer pushed off
 * and touched the wall; the samples of a pool swim carry no distance.
 */
function fromLengths(
  time: Float64Array,
  n: number,
  lengths: readonly SwimLengthInput[],
  out: Columns,
): { distance: number; moving: number; count: number } {
  const act = lengths
    .filter(
      (l) =>
        l.active &&
        Number.isFinite(l.startTime) &&
        Number.isFinite(l.endTime) &&
        l.endTime > l.startTime &&
        l.distanceM > 0,
    )
    .sort((a, b) => a.startTime - b.startTime);
  let k = 0;
  let doneD = 0;
  let doneT = 0;
  for (let j = 0; j < n; j++) {
    const t = time[j]!;
    while (k < act.length && act[k]!.endTime <= t) {
      doneD += act[k]!.distanceM;
      doneT += act[k]!.endTime - act[k]!.startTime;
      k++;
    }
    let d = doneD;
    let m = doneT;
    const cur = act[k];
    if (cur && cur.startTime < t) {
      const f = (t - cur.startTime) / (cur.endTime - cur.startTime);
      d += f * cur.distanceM;
      m += t - cur.startTime;
    }
    out.dist[j] = d;
    out.moving[j] = m;
    out.movingFlag[j] = j > 0 && m > out.moving[j - 1]! ? 1 : 0;
  }
  let distance = 0;
  let moving = 0;
  for (const l of act) {
    distance += l.distanceM;
    moving += l.endTime - l.startTime;
  }
  // Lengths that end after the last sample still count: the stream ends at the total.
  if (n) out.dist[n - 1] = distance;
  return { distance, moving, count: act.length };
}

interface LapSpan {
  lap: LapInput;
  start: number;
  end: number;
}

function lapSpans(laps: readonly LapInput[], t0: number, tn: number): LapSpan[] {
  const sorted = laps
    .filter((l) => Number.isFinite(l.startTime))
    .sort((a, b) => a.startTime - b.startTime);
  return sorted.map((lap, k) => {
    const start = Math.min(Math.max(lap.startTime, t0), tn);
    const next = sorted[k + 1]?.startTime ?? tn;
    return { lap, start, end: Math.min(Math.max(lap.endTime ?? next, start), tn) };
  });
}

/**
 * A distance known only per lap (or for the whole session) spread over the timer time of
 * each lap: evenly paced within a lap, so splits and charts exist, but no best effort is read
 * from it.
 */
function spreadOverLaps(
  time: Float64Array,
  active: Float64Array,
  n: number,
  pieces: readonly { start: number; end: number; distanceM: number }[],
  dist: Float64Array,
): void {
  let before = 0;
  let k = 0;
  for (let j = 0; j < n; j++) {
    const t = time[j]!;
    while (k < pieces.length && pieces[k]!.end < t) before += pieces[k++]!.distanceM;
    const p = pieces[k];
    let d = before;
    if (p && t >= p.start) {
      const a0 = valueAt(active, Math.max(0, positionOf(time, n, p.start)));
      const p1 = positionOf(time, n, p.end);
      const a1 = valueAt(active, p1 < 0 ? n - 1 : p1);
      const span = a1 - a0;
      const f =
        span > 0
          ? (active[j]! - a0) / span
          : p.end > p.start
            ? (t - p.start) / (p.end - p.start)
            : 1;
      d += Math.min(1, Math.max(0, f)) * p.distanceM;
    }
    dist[j] = Math.max(d, j ? dist[j - 1]! : 0);
  }
  if (n) dist[n - 1] = pieces.reduce((a, p) => a + p.distanceM, 0);
}

/**
 * The headline distance, timer, elapsed and moving time of an activity, and its distance and
 * moving columns made to agree with them. `computed` are the engine's own values.
 */
export function reconcile(
  engine: ActivityEngine,
  options: ActivityOptions,
  family: SportFamily,
  computed: { timer: number; elapsed: number },
): { columns: Columns; headline: Headline } {
  const n = engine.n;
  const c = engine.cols;
  const columns: Columns = {
    dist: c.dist.slice(0, n),
    moving: c.moving.slice(0, n),
    movingFlag: engine.movingFlag.slice(0, n),
  };
  const { dist, moving, movingFlag } = columns;
  const last = n - 1;
  const time = c.time;
  const active = c.active;
  let source: Headline['distanceSource'] = engine.opts.distanceSource;
  let perSample = true;
  let movingTotal = n ? moving[last]! : 0;
  let activeLengths: number | null = null;

  const span = n ? time[last]! - time[0]! - engine.clockJumpS : 0;
  const devTimer = deviceTimer(options);
  // Covered, and not longer than the samples (a timer cannot run longer than the clock; a
  // second or 1 % is the device closing its session after the last record).
  const covers =
    devTimer !== undefined &&
    span >= COVERAGE * devTimer - 1 &&
    devTimer <= span + Math.max(2, 0.01 * span);
  const devDist = deviceDistance(options);
  const laps = options.laps ?? [];
  const spans = n ? lapSpans(laps, time[0]!, time[last]!) : [];

  const lengths = options.lengths ?? [];
  const swum = n && lengths.length ? fromLengths(time, n, lengths, columns) : null;
  if (swum && swum.distance > 0) {
    source = 'lengths';
    movingTotal = swum.moving;
    activeLengths = swum.count;
  } else {
    if (swum) {
      // Lengths without an active one: the columns were overwritten, start again.
      dist.set(c.dist.subarray(0, n));
      moving.set(c.moving.subarray(0, n));
      movingFlag.set(engine.movingFlag.subarray(0, n));
    }
    const streamD = n ? dist[last]! : 0;
    const lapDistances = spans.length > 0 && spans.every((s) => finite(s.lap.totals?.distanceM));
    if (!(streamD > 0)) {
      const plausible = (d: number) =>
        devTimer !== undefined && d <= sportThresholds(options.sport).maxSpeedMps * devTimer;
      if (n && covers && lapDistances && devDist !== undefined && plausible(devDist)) {
        spreadOverLaps(
          time,
          active,
          n,
          spans.map((s) => ({ start: s.start, end: s.end, distanceM: s.lap.totals!.distanceM! })),
          dist,
        );
        source = 'laps';
        perSample = false;
      } else if (n && covers && devDist !== undefined && plausible(devDist)) {
        spreadOverLaps(
          time,
          active,
          n,
          [{ start: time[0]!, end: time[last]!, distanceM: devDist }],
          dist,
        );
        source = 'totals';
        perSample = false;
      }
    } else if (devDist !== undefined) {
      // A device counter that does not start at 0 on the first record: the metres before it
      // were covered in this session before the first record was written (a first session),
      // unless the counter carries on from an earlier session; the device's own total tells.
      const first = engine.firstDev;
      if (
        covers &&
        source === 'device' &&
        first > 0 &&
        Math.abs(streamD + first - devDist) < Math.abs(streamD - devDist)
      ) {
        for (let j = 0; j < n; j++) dist[j] = dist[j]! + first;
      }
      const d = dist[last]!;
      if (
        (covers || devTimer === undefined) &&
        Math.abs(devDist - d) <= DISTANCE_AGREEMENT * devDist
      ) {
        const k = devDist / d;
        for (let j = 0; j < n; j++) dist[j] = dist[j]! * k;
        dist[last] = devDist;
      }
    }
    if (family === 'swim' && n) {
      // A swim's distance stream may move only every 100 m (or not at all): moving time is
      // the timer time, less the laps the watch logged as rests (no distance).
      const withDistance = spans.some((s) => (s.lap.totals?.distanceM ?? 0) > 0);
      const rest = withDistance ? spans.filter((s) => s.lap.totals?.distanceM === 0) : [];
      let r = 0;
      moving[0] = 0;
      movingFlag[0] = 0;
      for (let j = 1; j < n; j++) {
        const t = time[j]!;
        while (r < rest.length && rest[r]!.end < t) r++;
        const inRest = r < rest.length && rest[r]!.start < t && t <= rest[r]!.end;
        const da = active[j]! - active[j - 1]!;
        const m = inRest ? 0 : da;
        moving[j] = moving[j - 1]! + m;
        movingFlag[j] = m > 0 ? 1 : 0;
      }
      movingTotal = moving[last]!;
      if (withDistance && spans.every((s) => finite(s.lap.totals?.timerS))) {
        movingTotal = spans
          .filter((s) => s.lap.totals?.distanceM !== 0)
          .reduce((a, s) => a + s.lap.totals!.timerS!, 0);
      }
    }
  }

  const timer = covers ? devTimer! : computed.timer;
  const devElapsed = options.deviceTotals?.elapsedS;
  let elapsed = computed.elapsed;
  if (covers && finite(devElapsed) && devElapsed >= timer) elapsed = devElapsed;
  elapsed = Math.max(elapsed, timer);
  const distance = n ? dist[last]! : 0;
  return {
    columns,
    headline: {
      distance,
      distanceSource: source,
      timer,
      elapsed,
      moving: Math.min(movingTotal, timer),
      perSample,
      activeLengths,
      covers,
    },
  };
}

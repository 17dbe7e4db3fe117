import type { SessionEvent } from '../session/state-log.js';
import { eventsFromPauses } from '../session/state-log.js';
import { sportFamily, sportThresholds } from '../sport.js';
import type { Track } from '../track.js';
import { ALGORITHM_VERSION } from '../version.js';
import { estimateCalories } from './calories.js';
import { bestAverages, bestEfforts } from './efforts.js';
import { guessElevationSource } from './elevation-source.js';
import { ActivityEngine, type DistanceSource, MOVING_WINDOW_S } from './engine.js';
import { hrZoneBounds, timeInHrZones } from './hr-zones.js';
import { autoLaps, lapsFromFile } from './laps.js';
import { normalizedPower } from './power.js';
import type { Series } from './series.js';
import { METRIC_SPLIT_M, STANDARD_SPLIT_M, splitsBy } from './splits.js';
import { gradeSmooth, velocitySmooth } from './streams.js';
import { type Columns, reconcile } from './totals.js';
import type { ActivityOptions, ActivityStats, ActivityStreams } from './types.js';

export interface ActivityResult {
  stats: ActivityStats;
  /** The cleaned track the stats describe; stream indices (splits, efforts) refer to it. */
  track: Track;
  streams: ActivityStreams;
}

function hasFinite(col: ArrayLike<number> | null): boolean {
  if (!col) return false;
  for (let i = 0; i < col.length; i++) if (!Number.isNaN(col[i]!)) return true;
  return false;
}

function hasPositive(col: ArrayLike<number> | null): boolean {
  if (!col) return false;
  for (let i = 0; i < col.length; i++) if (col[i]! > 0) return true;
  return false;
}

/**
 * 'auto' → the device distance stream when it has a positive value (wheel sensor, foot pod;
 * devices and Strava prefer it; an all-zero stream, as pool swims write, is ignored), else GPS
 * if any fix (not indoors: a treadmill run's fixes wander about the gym), else none (every
 * timer step counts as moving).
 */
export function resolveDistanceSource(
  track: Track,
  wanted: ActivityOptions['distanceSource'],
  indoor = false,
): DistanceSource {
  if (wanted && wanted !== 'auto') return wanted;
  if (hasPositive(track.distance)) return 'device';
  return hasFinite(track.lat) && !indoor ? 'gps' : 'none';
}

function sessionEvents(track: Track, o: ActivityOptions): readonly SessionEvent[] {
  if (o.events?.length) return o.events;
  if (!o.pauses?.length) return [];
  let first = Number.NaN;
  let last = Number.NaN;
  for (let i = 0; i < track.length; i++) {
    const t = track.time[i]!;
    if (Number.isNaN(t)) continue;
    if (Number.isNaN(first) || t < first) first = t;
    if (Number.isNaN(last) || t > last) last = t;
  }
  return !Number.isNaN(first) ? eventsFromPauses(first, last, o.pauses) : [];
}

/**
 * Every statistic of an activity, computed in one causal pass over the samples (cleaning
 * included) and a few linear passes over the resulting cumulative columns. The server calls it
 * on imported and uploaded tracks; the recorder's LiveStats runs the same engine point by point.
 */
export function computeActivity(track: Track, options: ActivityOptions): ActivityResult {
  const events = sessionEvents(track, options);
  const engine = new ActivityEngine(
    {
      sport: options.sport,
      distanceSource: resolveDistanceSource(track, options.distanceSource, options.indoor),
      elevationSource:
        options.elevationSource === 'auto'
          ? guessElevationSource(track, options.sport.startsWith('Virtual'))
          : (options.elevationSource ?? 'barometric'),
      explicitEvents: events.length > 0,
      // A file's samples (its own pauses included) may hide stops in gaps; a recorder's
      // session log says itself when the timer ran.
      gapPauses: !options.events?.length,
    },
    track.length + 1,
  );
  const { time, lat, lon } = track;
  const ele = track.elevation;
  const hr = track.heartRate;
  const cad = track.cadence;
  const pw = track.power;
  const tmp = track.temperature;
  const dd = track.distance;
  const sp = track.speed;
  const NaN_ = Number.NaN;
  let ev = 0;
  for (let i = 0; i < track.length; i++) {
    const t = time[i]!;
    // START/RESUME apply to samples at or after their time, PAUSE/STOP to samples after it,
    // matching a recorder that logs the event between the two samples.
    while (ev < events.length) {
      const e = events[ev]!;
      const opens = e.kind === 'START' || e.kind === 'RESUME';
      if (opens ? e.at <= t : e.at < t) {
        engine.event(e.kind, e.at);
        ev++;
      } else break;
    }
    engine.push(
      i,
      t,
      lat[i]!,
      lon[i]!,
      ele ? ele[i]! : NaN_,
      hr ? hr[i]! : NaN_,
      cad ? cad[i]! : NaN_,
      pw ? pw[i]! : NaN_,
      tmp ? tmp[i]! : NaN_,
      dd ? dd[i]! : NaN_,
      sp ? sp[i]! : NaN_,
    );
  }
  while (ev < events.length) {
    const e = events[ev++]!;
    engine.event(e.kind, e.at);
  }
  return finishActivity(engine, options);
}

export function engineSeries(engine: ActivityEngine, columns?: Columns): Series {
  const c = engine.cols;
  const base = {
    n: engine.n,
    time: c.time,
    dist: columns?.dist ?? c.dist,
    active: c.active,
    moving: columns?.moving ?? c.moving,
    gain: c.gain,
    loss: c.loss,
    energy: c.energy,
    powerT: c.powerT,
    hrSum: c.hrSum,
    hrT: c.hrT,
    cadSum: c.cadSum,
    cadT: c.cadT,
    eleS: c.eleS,
    hr: c.hr,
    vel: new Float32Array(0),
    movingFlag: columns?.movingFlag ?? engine.movingFlag,
  };
  return { ...base, vel: velocitySmooth(base, MOVING_WINDOW_S) };
}

function maxMovingSpeed(s: Series): number {
  let max = 0;
  for (let j = 0; j < s.n; j++) if (s.movingFlag[j] && s.vel[j]! > max) max = s.vel[j]!;
  return max;
}

/** One yard in metres (exact, by the 1959 international agreement). */
const YARD_M = 0.9144;

const orNull = (v: number): number | null => (!Number.isNaN(v) && Number.isFinite(v) ? v : null);

/** Reads the totals and derived lists out of an engine that has seen every sample. */
export function finishActivity(engine: ActivityEngine, options: ActivityOptions): ActivityResult {
  const n = engine.n;
  const c = engine.cols;
  const last = n - 1;
  const family = sportFamily(options.sport);
  const report = { ...engine.report, jitterM: engine.jitterM };
  const tFirst = n ? c.time[0]! : Number.NaN;
  const tLast = n ? c.time[last]! : Number.NaN;
  const explicit = engine.opts.explicitEvents;
  const start = explicit ? engine.startAt : tFirst;
  const end =
    explicit && engine.state === 'stopped'
      ? engine.stopAt
      : Math.max(tLast, engine.lastEventAt || -Infinity);
  const computedElapsed = n || explicit ? Math.max(0, end - start - engine.clockJumpS) || 0 : 0;
  const computedTimer = n || explicit ? engine.activeFromLog(end) : 0;
  const { columns, headline } = reconcile(engine, options, family, {
    timer: computedTimer,
    elapsed: computedElapsed,
  });
  const s = engineSeries(engine, columns);
  const { distance, moving, elapsed, timer } = headline;
  const hasDistance = distance > 0;
  const powerT = n ? c.powerT[last]! : 0;
  const energy = n ? c.energy[last]! : 0;
  const hrT = n ? c.hrT[last]! : 0;
  const avgHr = hrT > 0 ? c.hrSum[last]! / hrT : null;
  const kilojoules = powerT > 0 ? energy / 1000 : null;
  const athlete = options.athlete;
  const year = new Date((start || 0) * 1000).getUTCFullYear();
  const maxHr =
    athlete?.maxHr ?? (athlete?.birthYear ? 220 - (year - athlete.birthYear) : undefined); // Fox
  const bounds = options.hrZones ?? (maxHr ? hrZoneBounds(maxHr) : null);
  const cal = estimateCalories({
    family,
    deviceCalories: options.deviceTotals?.calories,
    kilojoules,
    averageHr: avgHr,
    hrSeconds: hrT,
    distanceM: distance,
    year,
    athlete,
  });
  // The device's ascent when it measured the session these samples cover: it counted every
  // second of its sensor, where a file may keep a record every few seconds (smart recording).
  // Swims count no climb whatever the sensor says; a file without altitude has none to state.
  const devAscent = options.deviceTotals?.ascentM;
  const devDescent = options.deviceTotals?.descentM;
  const deviceClimb =
    headline.covers &&
    family !== 'swim' &&
    Number.isFinite(engine.eleHigh) &&
    devAscent !== undefined &&
    Number.isFinite(devAscent) &&
    devAscent >= 0
      ? {
          gain: devAscent,
          loss:
            devDescent !== undefined && Number.isFinite(devDescent) && devDescent >= 0
              ? devDescent
              : n
                ? c.loss[last]!
                : 0,
        }
      : null;
  const latlng = (j: number): [number, number] | null => (j >= 0 ? [c.lat[j]!, c.lon[j]!] : null);
  const stats: ActivityStats = {
    algorithm_version: ALGORITHM_VERSION,
    sport_type: String(options.sport),
    start_date: orNull(start),
    distance,
    distance_source: headline.distanceSource,
    elevation_source: engine.opts.elevationSource,
    moving_time: moving,
    elapsed_time: elapsed,
    timer_time: timer,
    total_elevation_gain: deviceClimb ? deviceClimb.gain : n ? c.gain[last]! : 0,
    total_elevation_loss: deviceClimb ? deviceClimb.loss : n ? c.loss[last]! : 0,
    elevation_gain_source: deviceClimb ? 'device' : 'computed',
    computed_elevation_gain: n ? c.gain[last]! : 0,
    elev_high: orNull(engine.eleHigh),
    elev_low: orNull(engine.eleLow),
    average_speed: moving > 0 ? distance / moving : 0,
    max_speed: maxMovingSpeed(s),
    // orNull: a distance too small to divide by (a denormal) gives no pace, not Infinity.
    average_pace: distance > 0 && moving > 0 ? orNull((1000 * moving) / distance) : null,
    average_pace_100m:
      family === 'swim' && distance > 0 && moving > 0 ? orNull((100 * moving) / distance) : null,
    average_pace_100yd:
      family === 'swim' && distance > 0 && moving > 0
        ? orNull((YARD_M * 100 * moving) / distance)
        : null,
    pool_length:
      headline.activeLengths !== null && options.poolLengthM && options.poolLengthM > 0
        ? options.poolLengthM
        : null,
    active_lengths: headline.activeLengths,
    average_heartrate: avgHr,
    max_heartrate: orNull(engine.maxHr),
    average_cadence: n && c.cadT[last]! > 0 ? c.cadSum[last]! / c.cadT[last]! : null,
    max_cadence: orNull(engine.maxCad),
    average_watts: powerT > 0 ? energy / powerT : null,
    weighted_average_watts: normalizedPower(s),
    max_watts: orNull(engine.maxPower),
    kilojoules,
    calories: cal.calories,
    calories_source: cal.source,
    average_temp: engine.tempN ? engine.tempSum / engine.tempN : null,
    start_latlng: latlng(engine.firstPos),
    end_latlng: latlng(engine.lastPos),
    splits_metric: hasDistance ? splitsBy(s, METRIC_SPLIT_M) : [],
    splits_standard: hasDistance ? splitsBy(s, STANDARD_SPLIT_M) : [],
    laps: options.laps?.length
      ? lapsFromFile(s, options.laps, hasDistance)
      : autoLaps(s, sportThresholds(options.sport).autoLapM, hasDistance),
    // Efforts need distance measured sample by sample, not a lap total spread evenly.
    best_efforts: headline.perSample ? bestEfforts(s, family) : [],
    best_power: family === 'ride' && powerT > 0 ? bestAverages(s, c.energy) : [],
    best_speed:
      family === 'ride' && hasDistance && headline.perSample ? bestAverages(s, s.dist) : [],
    hr_zones: bounds && hrT > 0 ? timeInHrZones(s, bounds) : null,
    cleaning: report,
  };
  return { stats, track: cleanedTrack(engine), streams: streams(engine, s) };
}

function streams(engine: ActivityEngine, s: Series): ActivityStreams {
  const n = s.n;
  const t0 = n ? s.time[0]! : 0;
  const time = new Float64Array(n);
  for (let j = 0; j < n; j++) time[j] = s.time[j]! - t0;
  return {
    time,
    distance: s.dist.slice(0, n), // ends at the headline distance
    velocity_smooth: s.vel,
    grade_smooth: gradeSmooth(s),
    moving: engine.movingFlag.slice(0, n),
  };
}

/** The kept samples as a Track; an optional channel is null when no kept sample has it. */
export function cleanedTrack(engine: ActivityEngine): Track {
  const n = engine.n;
  const c = engine.cols;
  const f32 = (col: Float64Array) => {
    const v = col.subarray(0, n);
    return hasFinite(v) ? new Float32Array(v) : null;
  };
  const dist = c.devDist.subarray(0, n);
  return {
    length: n,
    time: c.time.slice(0, n),
    lat: c.lat.slice(0, n),
    lon: c.lon.slice(0, n),
    elevation: f32(c.ele),
    heartRate: f32(c.hr),
    cadence: f32(c.cad),
    power: f32(c.power),
    temperature: f32(c.temp),
    distance: hasFinite(dist) ? dist.slice() : null,
    speed: f32(c.speed),
  };
}

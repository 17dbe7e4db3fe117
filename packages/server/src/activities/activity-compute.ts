/**
 * Where the server meets the domain core: turns a track into the columns and details stored
 * for an activity, the streams served by the API, the geometry of a summary, and files for
 * export. Everything here is pure; services do the I/O.
 */
import {
  type ActivityStats,
  type ActivityStreams,
  computeActivity as coreCompute,
  decodeStreams as coreDecode,
  encodeStreams as coreEncode,
  gradeAdjustedDistance,
  type LapInput,
  LiveStats,
  type SessionEvent,
  type SwimLengthInput,
  screenTrack,
  sportFamily,
  summaryPolyline,
  type Track,
} from '@stride/core';
import { exportFit, exportGpx, exportTcx, type Pause } from '@stride/formats';
import type { ActivityRow, AthleteRow } from '../platform/db/schema.js';
import { timezoneAt, utcOffsetS } from '../platform/timezone.js';

export interface Geometry {
  polyline: string | null;
  start: [number, number] | null;
  end: [number, number] | null;
  /** [minLat, minLng, maxLat, maxLng] */
  bbox: [number, number, number, number] | null;
}

/** Summary geometry of a track: bounded simplified polyline, first and last fix, bounds. */
export function geometryOf(track: Track): Geometry {
  const { lat, lon } = track;
  let first = -1;
  let last = -1;
  let minLat = 90;
  let maxLat = -90;
  let minLng = 180;
  let maxLng = -180;
  const la: number[] = [];
  const lo: number[] = [];
  for (let i = 0; i < track.length; i++) {
    const a = lat[i]!;
    const o = lon[i]!;
    if (Number.isNaN(a) || Number.isNaN(o)) continue;
    if (first < 0) first = i;
    last = i;
    la.push(a);
    lo.push(o);
    if (a < minLat) minLat = a;
    if (a > maxLat) maxLat = a;
    if (o < minLng) minLng = o;
    if (o > maxLng) maxLng = o;
  }
  if (first < 0) return { polyline: null, start: null, end: null, bbox: null };
  return {
    polyline: summaryPolyline(la, lo),
    start: [lat[first]!, lon[first]!],
    end: [lat[last]!, lon[last]!],
    bbox: [minLat, minLng, maxLat, maxLng],
  };
}

/** What the numbers depend on of the athlete (heart rate, weight, age, sex). */
export type AthleteProfile = Pick<AthleteRow, 'weight_kg' | 'sex' | 'birth_year' | 'max_hr'>;

interface DeviceTotals {
  distanceM?: number | undefined;
  timerS?: number | undefined;
  elapsedS?: number | undefined;
  ascentM?: number | undefined;
  descentM?: number | undefined;
  calories?: number | undefined;
}

export interface ComputeInput {
  sport: string;
  athlete?: AthleteProfile | null | undefined;
  events?: readonly SessionEvent[] | undefined;
  pauses?: readonly Pause[] | undefined;
  /** Laps as the file states them (formats' `Lap` fits), or as others see them. */
  laps?: readonly LapInput[] | undefined;
  /** The device's session totals (formats' `DeviceTotals` fits): see docs/statistics.md. */
  deviceTotals?: DeviceTotals | undefined;
  /** A pool swim's lengths (formats' `SwimLength` fits). */
  lengths?: readonly SwimLengthInput[] | undefined;
  poolLengthM?: number | undefined;
  /** Recorded indoors: positions, if any, are not the athlete's path. */
  indoor?: boolean | undefined;
  /**
   * Phones record GPS altitude; device files mostly barometric, 'auto' tells them apart by
   * the altitude's noise.
   */
  elevationSource?: 'barometric' | 'gps' | 'synthetic' | 'auto';
  /**
   * The track is the visible part of an accepted activity (what others see), not a whole
   * activity: plausibility does not refuse it for having a single sample.
   */
  partial?: boolean | undefined;
  /** What reading the file recovered from (the importer's warnings), kept with the activity. */
  warnings?: readonly string[] | undefined;
}

export interface ComputedActivity {
  /** The cleaned track the numbers describe; stored as the activity's streams. */
  track: Track;
  stats: ActivityStats;
  /** Per-sample derived streams of `track` (distance, moving, velocity, grade). */
  streams: ActivityStreams;
  /** What was recovered or repaired on the way (file, then plausibility), for the owner. */
  warnings: string[];
  columns: Pick<
    ActivityRow,
    | 'started_at'
    | 'timezone'
    | 'utc_offset_s'
    | 'elapsed_s'
    | 'moving_s'
    | 'distance_m'
    | 'elev_gain_m'
    | 'elev_loss_m'
    | 'elev_high_m'
    | 'elev_low_m'
    | 'avg_speed_mps'
    | 'max_speed_mps'
    | 'avg_hr'
    | 'max_hr'
    | 'avg_cadence'
    | 'avg_watts'
    | 'weighted_avg_watts'
    | 'max_watts'
    | 'kilojoules'
    | 'calories'
    | 'start_lat'
    | 'start_lng'
    | 'end_lat'
    | 'end_lng'
    | 'min_lat'
    | 'min_lng'
    | 'max_lat'
    | 'max_lng'
    | 'summary_polyline'
    | 'point_count'
    | 'algorithm_version'
  > & { details: string };
}

function profile(a: AthleteProfile | null | undefined) {
  if (!a) return undefined;
  return {
    ...(a.weight_kg !== null ? { weightKg: a.weight_kg } : {}),
    ...(a.sex === 'M' || a.sex === 'F' ? { sex: a.sex } : {}),
    ...(a.birth_year !== null ? { birthYear: a.birth_year } : {}),
    ...(a.max_hr !== null ? { maxHr: a.max_hr } : {}),
  };
}

/**
 * Every number stored for an activity, from its track (core does the math), once impossible
 * values are repaired; throws ImplausibleActivityError for an activity that cannot be.
 */
export function computeActivity(track: Track, input: ComputeInput): ComputedActivity {
  const athlete = profile(input.athlete);
  const screened = screenTrack(track, {
    sport: input.sport,
    hasSessionLog: !!input.events?.length,
    partial: !!input.partial,
  });
  const warnings = [...(input.warnings ?? []), ...screened.warnings];
  const result = coreCompute(screened.track, {
    sport: input.sport,
    ...(athlete ? { athlete } : {}),
    ...(input.events?.length ? { events: input.events } : {}),
    ...(input.pauses?.length ? { pauses: input.pauses } : {}),
    ...(input.laps?.length
      ? {
          laps: input.laps.map((l) => ({
            startTime: l.startTime,
            ...(l.endTime !== undefined ? { endTime: l.endTime } : {}),
            ...(l.totals
              ? { totals: { distanceM: l.totals.distanceM, timerS: l.totals.timerS } }
              : {}),
          })),
        }
      : {}),
    ...(input.deviceTotals ? { deviceTotals: input.deviceTotals } : {}),
    ...(input.lengths?.length ? { lengths: input.lengths } : {}),
    ...(input.poolLengthM !== undefined ? { poolLengthM: input.poolLengthM } : {}),
    ...(input.indoor ? { indoor: true } : {}),
    elevationSource: input.elevationSource ?? 'barometric',
  });
  const s = result.stats;
  const g = geometryOf(result.track);
  const startedAt = s.start_date !== null ? new Date(Math.round(s.start_date * 1000)) : null;
  const timezone = g.start ? timezoneAt(g.start[0], g.start[1]) : null;
  const { splits_metric, splits_standard, laps, best_efforts, ...rest } = s;
  const elevation = result.track.elevation;
  // A run's flat-equivalent distance (Minetti's cost of grade): its grade-adjusted pace.
  const gradeAdjusted =
    sportFamily(input.sport) === 'run' && elevation && result.track.length > 1 && !input.indoor
      ? gradeAdjustedDistance(result.streams.distance, elevation).at(-1)
      : undefined;
  return {
    track: result.track,
    stats: s,
    streams: result.streams,
    warnings,
    columns: {
      started_at: startedAt,
      timezone,
      utc_offset_s: timezone && startedAt ? utcOffsetS(timezone, startedAt) : null,
      elapsed_s: s.elapsed_time,
      moving_s: s.moving_time,
      distance_m: s.distance,
      elev_gain_m: s.total_elevation_gain,
      elev_loss_m: s.total_elevation_loss,
      elev_high_m: s.elev_high,
      elev_low_m: s.elev_low,
      avg_speed_mps: s.average_speed,
      max_speed_mps: s.max_speed,
      avg_hr: s.average_heartrate,
      max_hr: s.max_heartrate,
      avg_cadence: s.average_cadence,
      avg_watts: s.average_watts,
      weighted_avg_watts: s.weighted_average_watts,
      max_watts: s.max_watts,
      kilojoules: s.kilojoules,
      calories: s.calories,
      start_lat: g.start?.[0] ?? null,
      start_lng: g.start?.[1] ?? null,
      end_lat: g.end?.[0] ?? null,
      end_lng: g.end?.[1] ?? null,
      min_lat: g.bbox?.[0] ?? null,
      min_lng: g.bbox?.[1] ?? null,
      max_lat: g.bbox?.[2] ?? null,
      max_lng: g.bbox?.[3] ?? null,
      summary_polyline: g.polyline,
      point_count: result.track.length,
      algorithm_version: s.algorithm_version,
      details: JSON.stringify({
        splits_metric,
        splits_standard,
        laps,
        best_efforts,
        best_power: rest.best_power,
        best_speed: rest.best_speed,
        hr_zones: rest.hr_zones,
        timer_time: rest.timer_time,
        average_pace: rest.average_pace,
        average_pace_100m: rest.average_pace_100m,
        average_pace_100yd: rest.average_pace_100yd,
        pool_length: rest.pool_length,
        active_lengths: rest.active_lengths,
        elevation_source: rest.elevation_source,
        elevation_gain_source: rest.elevation_gain_source,
        indoor: input.indoor ?? null,
        distance_source: rest.distance_source,
        calories_source: rest.calories_source,
        max_cadence: rest.max_cadence,
        average_temp: rest.average_temp,
        grade_adjusted_distance:
          gradeAdjusted !== undefined && Number.isFinite(gradeAdjusted) ? gradeAdjusted : null,
        cleaning: rest.cleaning,
        ...(warnings.length ? { warnings } : {}),
      }),
    },
  };
}

export function encodeStreams(track: Track): Uint8Array {
  return coreEncode(track);
}

export function decodeStreams(bytes: Uint8Array): Track {
  return coreDecode(bytes);
}

export interface LiveTotals {
  distance: number;
  moving_time: number;
  elapsed_time: number;
  average_speed: number | null;
  total_elevation_gain: number;
  point_count: number;
}

/**
 * Running totals of a recording in progress, by the same engine the phone runs. Kept per
 * activity so that in-order batches cost only their own points; anything else (a batch from
 * the past, a state change, another process having taken some batches) rebuilds from the
 * stored points, which gives the same result.
 */
export class LiveRecording {
  private readonly live: LiveStats;
  private lastT = Number.NEGATIVE_INFINITY;
  private count = 0;

  constructor(sport: string, track: Track, events: readonly SessionEvent[]) {
    this.live = new LiveStats({ sport, elevationSource: 'gps' });
    let ev = 0;
    for (let i = 0; i < track.length; i++) {
      const t = track.time[i]!;
      while (ev < events.length && events[ev]!.at <= t) {
        const e = events[ev++]!;
        this.live.event(e.kind, e.at);
      }
      this.pushOne(t, track.lat[i]!, track.lon[i]!, track.elevation?.[i], track.heartRate?.[i]);
    }
    while (ev < events.length) {
      const e = events[ev++]!;
      this.live.event(e.kind, e.at);
    }
  }

  /** True when these points all come after everything already fed (so they can be appended). */
  canAppend(points: ReadonlyArray<{ t: number }>): boolean {
    return points.every((p) => p.t > this.lastT);
  }

  append(
    points: ReadonlyArray<{
      t: number;
      lat?: number | undefined;
      lng?: number | undefined;
      alt?: number | undefined;
      hr?: number | undefined;
    }>,
  ): void {
    for (const p of [...points].sort((a, b) => a.t - b.t))
      this.pushOne(p.t, p.lat ?? Number.NaN, p.lng ?? Number.NaN, p.alt, p.hr);
  }

  totals(): LiveTotals {
    const t = this.live.totals();
    return {
      distance: t.distance,
      moving_time: t.moving_time,
      elapsed_time: t.elapsed_time,
      average_speed: t.moving_time > 0 ? t.average_speed : null,
      total_elevation_gain: t.total_elevation_gain,
      point_count: this.count,
    };
  }

  private pushOne(
    t: number,
    lat: number,
    lon: number,
    elevation: number | undefined,
    heartRate: number | undefined,
  ): void {
    if (t <= this.lastT) return;
    this.lastT = t;
    this.count++;
    this.live.push({
      time: t,
      lat,
      lon,
      ...(elevation !== undefined && !Number.isNaN(elevation) ? { elevation } : {}),
      ...(heartRate !== undefined && !Number.isNaN(heartRate) ? { heartRate } : {}),
    });
  }
}

export const STREAM_KEYS = [
  'time',
  'latlng',
  'distance',
  'altitude',
  'velocity_smooth',
  'heartrate',
  'cadence',
  'watts',
  'temp',
  'moving',
  'grade_smooth',
] as const;
export type StreamKey = (typeof STREAM_KEYS)[number];

type Stream = { data: unknown[]; original_size: number; resolution: 'high' };

/**
 * Whose altitude a stored activity carries: a phone recording has GPS altitude, a device file
 * barometric. Streams are smoothed as the saved statistics were, so grade agrees with gain.
 */
export function elevationSourceOf(
  row: Pick<ActivityRow, 'source'> & Partial<Pick<ActivityRow, 'details'>>,
): 'gps' | 'barometric' | 'synthetic' {
  // An import tells barometric from GPS altitude by its noise (and a virtual world's altitude
  // by the sport) and keeps what it found.
  const found = (row.details as { elevation_source?: unknown } | null | undefined)
    ?.elevation_source;
  if (found === 'gps' || found === 'barometric' || found === 'synthetic') return found;
  return row.source === 'recorded' ? 'gps' : 'barometric';
}

/** The derived per-sample streams (distance, moving, velocity, grade) of a stored track. */
export function derivedStreams(
  track: Track,
  row: Pick<ActivityRow, 'sport_type' | 'source'> & Partial<Pick<ActivityRow, 'details'>>,
) {
  return coreCompute(track, { sport: row.sport_type, elevationSource: elevationSourceOf(row) })
    .streams;
}

/**
 * Streams in Strava's shape (`{ key: { data, original_size, resolution } }`), restricted to
 * the samples `keep` marks when given. `derived` are the track's derived streams when the
 * caller has them already (others' view computes them with its own pauses).
 */
export function streamsFor(
  track: Track,
  keys: readonly string[],
  row: Pick<ActivityRow, 'sport_type' | 'source'>,
  keep?: Uint8Array | null,
  derived: ActivityStreams = derivedStreams(track, row),
): Record<string, Stream> {
  const idx: number[] = [];
  for (let i = 0; i < track.length; i++) if (!keep || keep[i]) idx.push(i);
  const round = (v: number, p: number) => (Number.isFinite(v) ? Math.round(v * p) / p : null);
  const column = (c: ArrayLike<number> | null, p: number) =>
    c ? idx.map((i) => round(c[i]!, p)) : null;
  const t0 = track.length ? track.time[0]! : 0;
  const out: Record<string, Stream> = {};
  const put = (key: string, data: unknown[] | null) => {
    if (data) out[key] = { data, original_size: data.length, resolution: 'high' };
  };
  for (const key of keys) {
    switch (key) {
      case 'time':
        put(
          key,
          idx.map((i) => round(track.time[i]! - t0, 1000)),
        );
        break;
      case 'latlng':
        put(
          key,
          idx.map((i) =>
            Number.isNaN(track.lat[i]!)
              ? null
              : [round(track.lat[i]!, 1e7), round(track.lon[i]!, 1e7)],
          ),
        );
        break;
      case 'distance':
        put(key, column(derived.distance, 10));
        break;
      case 'altitude':
        put(key, column(track.elevation, 10));
        break;
      case 'velocity_smooth':
        put(key, column(derived.velocity_smooth, 100));
        break;
      case 'heartrate':
        put(key, column(track.heartRate, 1));
        break;
      case 'cadence':
        put(key, column(track.cadence, 1));
        break;
      case 'watts':
        put(key, column(track.power, 1));
        break;
      case 'temp':
        put(key, column(track.temperature, 10));
        break;
      case 'moving':
        put(
          key,
          idx.map((i) => derived.moving[i] === 1),
        );
        break;
      case 'grade_smooth':
        put(key, column(derived.grade_smooth, 10));
        break;
    }
  }
  return out;
}

export type ExportFormat = 'gpx' | 'tcx' | 'fit';

/** The activity as a file: GPX 1.1, TCX or FIT, from the given (possibly clipped) track. */
export function exportActivity(row: ActivityRow, track: Track, format: ExportFormat) {
  const activity = {
    track,
    sport: row.sport_type,
    name: row.name,
    startTime: row.started_at ? row.started_at.getTime() / 1000 : (track.time[0] ?? Number.NaN),
    laps: [],
    pauses: [],
  };
  const safeName =
    row.name
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'activity';
  const bytes =
    format === 'gpx'
      ? exportGpx(activity)
      : format === 'tcx'
        ? exportTcx(activity)
        : exportFit(activity);
  const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const contentType =
    format === 'gpx'
      ? 'application/gpx+xml'
      : format === 'tcx'
        ? 'application/vnd.garmin.tcx+xml'
        : 'application/vnd.ant.fit';
  return { bytes: body, contentType, fileName: `${safeName}.${format}` };
}

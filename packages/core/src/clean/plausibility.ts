import { StrideCoreError } from '../errors.js';
import type { SessionEvent } from '../session/state-log.js';
import { type SportType, sportThresholds } from '../sport.js';
import { CLOCK_JUMP_S } from '../stats/engine.js';
import { OPTIONAL_CHANNELS, type OptionalChannel, type Track } from '../track.js';

/** Samples must be timed in [1990-01-01, 2100-01-01): nothing older was recorded by GPS watches. */
export const EARLIEST_TIME_S = Date.UTC(1990, 0, 1) / 1000;
export const LATEST_TIME_S = Date.UTC(2100, 0, 1) / 1000;
/** The longest activity accepted (multi-day ultras and solo RAAM fit; a year-long "run" does not). */
export const MAX_ACTIVITY_S = 30 * 86_400;
/**
 * The longest elapsed time accepted once clock jumps (gaps over CLOCK_JUMP_S) are left out:
 * two weeks covers a multi-day ultra or a bikepacking race recorded as one file; a watch left
 * recording for longer is not one activity.
 */
export const MAX_ELAPSED_S = 14 * 86_400;
/** At most this many samples are kept; longer tracks are thinned evenly (≈ 28 h at 1 Hz). */
export const MAX_KEPT_SAMPLES = 100_000;

/** Plausible ranges of the optional channels; a value outside becomes missing (NaN). */
export const CHANNEL_RANGES: Readonly<
  Record<Exclude<OptionalChannel, 'distance'>, [number, number]>
> = {
  elevation: [-1_000, 10_000], // Dead Sea shore −430 m, Everest 8 849 m
  heartRate: [1, 300],
  cadence: [0, 300],
  power: [0, 5_000], // track sprinters peak near 2 500 W
  temperature: [-100, 100],
  speed: [0, Number.POSITIVE_INFINITY], // the upper bound is the sport's ceiling
};

/** An activity refused as a whole: what it claims cannot have happened. */
export class ImplausibleActivityError extends StrideCoreError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('CORE_IMPLAUSIBLE', message, details);
  }
}

export interface ScreenOptions {
  sport: SportType;
  /** A session log bounds the activity (checked where it is written): skip the span rule. */
  hasSessionLog?: boolean;
  /**
   * The track is the visible part of an activity already accepted (what others may see of
   * it), not an activity of its own: a single visible sample is not refused.
   */
  partial?: boolean;
}

export interface ScreenResult {
  track: Track;
  /** One sentence per repair, for the athlete. */
  warnings: string[];
}

/** How far ahead of the next sample a lone timestamp must be to count as corrupt. */
const SPIKE_S = 60;

const days = (s: number) => (s / 86_400).toFixed(s < 864_000 ? 1 : 0);

/**
 * Refuses or repairs numbers that are impossible for the sport before any statistic sees them,
 * so that no broken file can make an activity (or its page) grow without bound:
 * - samples timed outside 1990…2099, or a lone sample far ahead of its neighbours, are dropped;
 * - out-of-range coordinates and channel values become missing;
 * - a device-distance step faster than the sport's ceiling counts as 0 m (a counter glitch);
 * - more than MAX_KEPT_SAMPLES samples are thinned evenly;
 * - what remains may span at most MAX_ACTIVITY_S, and last at most MAX_ELAPSED_S once clock
 *   jumps are left out, else ImplausibleActivityError;
 * - a file's activity needs two timed samples: with none or one there is nothing to measure.
 * Pure and linear in the number of samples.
 */
export function screenTrack(track: Track, options: ScreenOptions): ScreenResult {
  const warnings: string[] = [];
  // "Dropped 3 samples timed …": the verb first, so one sentence fits one sample or many.
  const note = (count: number, what: string) => {
    if (count > 0) {
      const [verb, ...rest] = what.split(' ');
      warnings.push(`${verb} ${count} ${count === 1 ? 'sample' : 'samples'} ${rest.join(' ')}`);
    }
  };
  let keep = timedSamples(track, note);
  if (keep.length > MAX_KEPT_SAMPLES) {
    const step = Math.ceil(keep.length / MAX_KEPT_SAMPLES);
    warnings.push(
      `The file has ${keep.length} samples; every ${step}th was kept (at most ${MAX_KEPT_SAMPLES})`,
    );
    keep = keep.filter((_, k) => k % step === 0);
  }
  const out = select(track, keep);
  note(
    clearOutOfRange(out),
    'Repaired with impossible values (position, heart rate, power…), removing those values',
  );
  const ceiling = sportThresholds(options.sport).maxSpeedMps;
  note(clampSpeed(out, ceiling), `Repaired with a speed above ${ceiling} m/s, removing the speed`);
  const jumps = repairDistanceJumps(out, ceiling);
  if (jumps > 0)
    warnings.push(
      `The device distance jumped ${jumps} ${jumps === 1 ? 'time' : 'times'} faster than ${ceiling} m/s; those jumps were not counted`,
    );
  if (implausibleDistance(out, ceiling)) {
    out.distance = null;
    warnings.push(
      `The device distance implies more than ${ceiling} m/s on average; the GPS distance was used instead`,
    );
  }
  if (track.length > 0 && out.length === 0)
    throw new ImplausibleActivityError('No sample of this activity has a plausible time');
  if (!options.hasSessionLog && !options.partial) {
    const timed = timedCount(out.time);
    if (timed < 2)
      throw new ImplausibleActivityError(
        timed === 0
          ? 'This activity has no samples: there is nothing to measure'
          : 'This activity has a single sample: a distance or a duration needs at least two',
        { samples: timed },
      );
  }
  if (!options.hasSessionLog && out.length > 1) {
    const span = timeSpan(out.time);
    if (span > MAX_ACTIVITY_S)
      throw new ImplausibleActivityError(
        `The samples span ${days(span)} days; an activity may last at most ${days(MAX_ACTIVITY_S)} days`,
        { spanS: span },
      );
    const elapsed = elapsedWithoutJumps(out.time);
    if (elapsed > MAX_ELAPSED_S)
      throw new ImplausibleActivityError(
        `The activity lasts ${days(elapsed)} days (not counting clock jumps); an activity may last at most ${days(MAX_ELAPSED_S)} days`,
        { elapsedS: elapsed },
      );
  }
  return { track: out, warnings };
}

const iso = (s: number) => (Number.isFinite(s) ? new Date(s * 1000).toISOString() : String(s));

/**
 * A session log (a recording's START…STOP) must be timed in 1990…2099 and last at most
 * MAX_ACTIVITY_S: a STOP three years after START is a clock error, refused where it is sent.
 */
export function checkSessionTimes(events: readonly SessionEvent[]): void {
  for (const e of events) {
    if (!(e.at >= EARLIEST_TIME_S && e.at < LATEST_TIME_S))
      throw new ImplausibleActivityError(
        `The ${e.kind} event is timed ${iso(e.at)}; events must be timed between 1990 and 2099`,
        { kind: e.kind },
      );
  }
  if (events.length < 2) return;
  const span = events[events.length - 1]!.at - events[0]!.at;
  if (span > MAX_ACTIVITY_S)
    throw new ImplausibleActivityError(
      `The ${events[events.length - 1]!.kind} event comes ${days(span)} days after ${events[0]!.kind}; an activity may last at most ${days(MAX_ACTIVITY_S)} days`,
      { spanS: span },
    );
}

/** Indices of the samples with a plausible time, in order; a lone forward spike is dropped. */
function timedSamples(track: Track, note: (n: number, what: string) => void): number[] {
  const t = track.time;
  const keep: number[] = [];
  let outside = 0;
  let spikes = 0;
  for (let i = 0; i < track.length; i++) {
    const v = t[i]!;
    if (Number.isNaN(v)) {
      keep.push(i); // missing time: cleaning reports it as such
      continue;
    }
    if (!(v >= EARLIEST_TIME_S && v < LATEST_TIME_S)) {
      outside++;
      continue;
    }
    keep.push(i);
  }
  // Far from the median time (a clock error in one record, a block of another day spliced in):
  // such samples cannot belong to an activity of at most MAX_ACTIVITY_S.
  const sorted = keep.map((i) => t[i]!).filter((v) => !Number.isNaN(v));
  sorted.sort((a, b) => a - b);
  const median = sorted.length ? sorted[sorted.length >> 1]! : Number.NaN;
  let far = 0;
  // A sample over a minute later than the one after it while its predecessor is not: a corrupt
  // timestamp that would otherwise make every later sample look "backwards" and be dropped.
  // Smaller glitches are left to cleaning, which drops the sample that goes back.
  const kept: number[] = [];
  for (let k = 0; k < keep.length; k++) {
    const v = t[keep[k]!]!;
    if (Math.abs(v - median) > MAX_ACTIVITY_S) {
      far++;
      continue;
    }
    const next = k + 1 < keep.length ? t[keep[k + 1]!]! : Number.NaN;
    const prev = kept.length ? t[kept[kept.length - 1]!]! : Number.NaN;
    if (v - next > SPIKE_S && !(prev > next)) {
      spikes++;
      continue;
    }
    kept.push(keep[k]!);
  }
  note(far, `Dropped timed over ${days(MAX_ACTIVITY_S)} days away from the rest`);
  note(outside, 'Dropped timed before 1990 or after 2099');
  note(spikes, 'Dropped timed far ahead of the samples around them');
  return kept;
}

function timedCount(time: Float64Array): number {
  let n = 0;
  for (const v of time) if (!Number.isNaN(v)) n++;
  return n;
}

/**
 * The time from the first to the last sample less every gap longer than CLOCK_JUMP_S (a clock
 * set while recording, another day spliced in), as the statistics count elapsed time.
 */
function elapsedWithoutJumps(time: Float64Array): number {
  const sorted = Array.from(time).filter((v) => !Number.isNaN(v));
  sorted.sort((a, b) => a - b);
  let total = 0;
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i]! - sorted[i - 1]!;
    if (gap <= CLOCK_JUMP_S) total += gap;
  }
  return total;
}

function timeSpan(time: Float64Array): number {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of time) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return hi > lo ? hi - lo : 0;
}

/** The device distance, over its whole time, averages more than the sport's ceiling. */
function implausibleDistance(track: Writable, ceiling: number): boolean {
  const d = track.distance;
  if (!d) return false;
  let first = -1;
  let last = -1;
  for (let i = 0; i < d.length; i++) {
    if (Number.isNaN(d[i]!) || Number.isNaN(track.time[i]!)) continue;
    if (first < 0) first = i;
    last = i;
  }
  if (first < 0 || last === first) return false;
  const dt = Math.max(1, track.time[last]! - track.time[first]!);
  return d[last]! - d[first]! > ceiling * dt + DISTANCE_STEP_ALLOWANCE_M;
}

type Writable = { -readonly [K in keyof Track]: Track[K] };

function select(track: Track, keep: number[]): Writable {
  const pick = <T extends Float64Array | Float32Array>(col: T): T => {
    const out = new (col.constructor as new (n: number) => T)(keep.length);
    for (let k = 0; k < keep.length; k++) out[k] = col[keep[k]!]!;
    return out;
  };
  const out = {
    length: keep.length,
    time: pick(track.time),
    lat: pick(track.lat),
    lon: pick(track.lon),
  } as Writable;
  for (const ch of OPTIONAL_CHANNELS) {
    const col = track[ch];
    (out as Record<OptionalChannel, unknown>)[ch] = col ? pick(col) : null;
  }
  return out;
}

function clearOutOfRange(track: Writable): number {
  let samples = 0;
  const { lat, lon } = track;
  for (let i = 0; i < track.length; i++) {
    let bad = false;
    const a = lat[i]!;
    const o = lon[i]!;
    if (Number.isNaN(a) !== Number.isNaN(o)) {
      lat[i] = lon[i] = Number.NaN; // half a position is none (cleaning ignores it too)
    } else if (!Number.isNaN(a)) {
      // Latitude 100/200 are legacy pause markers: cleaning turns them into pauses.
      const marker = (a === 100 || a === 200) && Number.isFinite(o);
      if (!marker && !(Math.abs(a) <= 90 && Math.abs(o) <= 180)) {
        lat[i] = lon[i] = Number.NaN;
        bad = true;
      }
    }
    for (const ch of ['elevation', 'heartRate', 'cadence', 'power', 'temperature'] as const) {
      const col = track[ch];
      if (!col) continue;
      const v = col[i]!;
      const [lo, hi] = CHANNEL_RANGES[ch];
      if (!Number.isNaN(v) && !(v >= lo && v <= hi)) {
        col[i] = Number.NaN;
        bad = true;
      }
    }
    if (bad) samples++;
  }
  return samples;
}

function clampSpeed(track: Writable, ceiling: number): number {
  const col = track.speed;
  if (!col) return 0;
  let n = 0;
  for (let i = 0; i < col.length; i++) {
    const v = col[i]!;
    if (!Number.isNaN(v) && !(v >= 0 && v <= ceiling)) {
      col[i] = Number.NaN;
      n++;
    }
  }
  return n;
}

/**
 * A device-distance step may exceed the sport's ceiling by this much: GPS-based device
 * distance catches up after a lost signal in one record (real files step 40 m in 1 s on a run).
 */
export const DISTANCE_STEP_ALLOWANCE_M = 1000;

/**
 * The device's cumulative distance, with every step beyond the ceiling (over at least one
 * second) plus the allowance taken out of it and of everything after, as a counter glitch;
 * non-finite or negative values become missing.
 */
function repairDistanceJumps(track: Writable, ceiling: number): number {
  const d = track.distance;
  if (!d) return 0;
  const t = track.time;
  let jumps = 0;
  let offset = 0;
  let lastRaw = Number.NaN;
  let lastT = Number.NaN;
  for (let i = 0; i < d.length; i++) {
    const raw = d[i]!;
    if (!(raw >= 0 && raw < Number.POSITIVE_INFINITY)) {
      d[i] = Number.NaN;
      continue;
    }
    if (!Number.isNaN(lastRaw) && raw > lastRaw) {
      const dt = Number.isNaN(t[i]!) || Number.isNaN(lastT) ? 1 : Math.max(1, t[i]! - lastT);
      if (raw - lastRaw > ceiling * dt + DISTANCE_STEP_ALLOWANCE_M) {
        offset += raw - lastRaw;
        jumps++;
      }
    }
    lastRaw = raw;
    if (!Number.isNaN(t[i]!)) lastT = t[i]!;
    d[i] = raw - offset;
  }
  return jumps;
}

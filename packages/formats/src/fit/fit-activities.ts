import type { Track } from '@stride/core';
import type { Warnings } from '../errors.js';
import { classifySport, isOutdoorSport, virtualSport } from '../sport.js';
import type { DeviceInfo, ImportedActivity, Lap, Pause, SwimLength } from '../types.js';
import type { FitMesg, FitMessages } from './fit-messages.js';
import { totalsFrom } from './fit-totals.js';
import { fitTime, num, str, timeOffset } from './fit-values.js';

/**
 * One activity per session. A multi-session file (multisport: swim, transition, bike…) gives one
 * activity per session in time order, transitions included as short workouts named
 * "Transition N" so nothing the athlete did is lost; each carries `multisport`. Records, laps,
 * pauses and lengths go to the session they fall in by time: the last session starting at or
 * before them. Session starts decide, never session timestamps, which some writers set to the
 * start (summary-first files); a session ends at start + total elapsed time.
 */
export function splitSessions(
  messages: FitMessages,
  track: Track,
  device: DeviceInfo | undefined,
  warnings: Warnings,
): ImportedActivity[] {
  const offset = timeOffset(messages);
  const pauses = timerPauses(messages, offset);
  const laps = messages.laps.map((lap) => ({ lap, start: fitTime(lap, 'startTime', offset) }));
  const lengths = messages.lengths.map((length) => ({
    length,
    start: fitTime(length, 'startTime', offset),
  }));
  const sessions = messages.sessions
    .map((session, order) => ({ session, order, start: sessionStart(session, offset) }))
    .sort(
      (a, b) =>
        (a.start ?? Number.POSITIVE_INFINITY) - (b.start ?? Number.POSITIVE_INFINITY) ||
        a.order - b.order,
    );
  if (sessions.length === 0) {
    // No session (cut-off file): one activity from all records.
    const sport = str(messages.sports[0], 'sport') ?? str(messages.laps[0], 'sport');
    const subSport = str(messages.sports[0], 'subSport');
    return [
      makeActivity({
        track,
        from: 0,
        to: track.length,
        session: undefined,
        sport,
        subSport,
        laps: laps.map((l) => l.lap),
        lengths: lengths.map((l) => l.length),
        pauses,
        device,
        offset,
        shared: false,
      }),
    ];
  }
  const count = sessions.length;
  if (count > 1) {
    const sports = sessions.map((s) => str(s.session, 'sport') ?? '?').join(', ');
    warnings.add(
      'FIT_MULTISPORT',
      `The file holds ${count} sessions (${sports}); each became its own activity, transitions included`,
    );
  }
  const starts = sessions.map((s) => s.start ?? Number.NEGATIVE_INFINITY);
  // Which session a time belongs to: the last one starting at or before it (the first if none).
  const owner = (t: number | undefined) => {
    if (count === 1 || t === undefined) return 0;
    let k = 0;
    while (k + 1 < count && starts[k + 1]! <= t) k++;
    return k;
  };
  const lapsOf = sessions.map(() => [] as FitMesg[]);
  for (const l of laps)
    lapsOf[owner(l.start === undefined ? undefined : l.start + LAP_SLACK_S)]!.push(l.lap);
  const lengthsOf = sessions.map(() => [] as FitMesg[]);
  for (const l of lengths)
    lengthsOf[owner(l.start === undefined ? undefined : l.start + LAP_SLACK_S)]!.push(l.length);
  const pausesOf = sessions.map(() => [] as Pause[]);
  for (const p of pauses) pausesOf[owner(p.start)]!.push(p);
  let transitions = 0;
  return sessions.map(({ session }, k) => {
    let from = k === 0 ? 0 : lowerBound(track.time, starts[k]!);
    const to = k === count - 1 ? track.length : lowerBound(track.time, starts[k + 1]!);
    // Back-to-back sessions share their boundary: the last record before a session's start is
    // also its first sample, so the distance and time from the boundary to the first record
    // of the session count in it as they do in the device's session totals.
    const prev = sessions[k - 1]?.session;
    const prevEnd = prev
      ? (sessionStart(prev, offset) ?? Number.NaN) + (num(prev, 'totalElapsedTime') ?? Number.NaN)
      : Number.NaN;
    const shared =
      from > 0 &&
      Math.abs(prevEnd - starts[k]!) <= CONTIGUOUS_S &&
      track.time[from - 1]! >= starts[k]! - BOUNDARY_S;
    if (shared) from--;
    const sport = str(session, 'sport') ?? str(messages.sports[k], 'sport');
    const activity = makeActivity({
      track,
      from,
      to: Math.max(from, to),
      session,
      sport,
      subSport: str(session, 'subSport') ?? str(messages.sports[k], 'subSport'),
      laps: lapsOf[k]!,
      lengths: lengthsOf[k]!,
      pauses: pausesOf[k]!,
      device,
      offset,
      shared,
    });
    if (sport === 'transition') {
      activity.sport = 'Workout';
      activity.subSport = 'transition';
      activity.name = `Transition ${++transitions}`;
      delete activity.indoor;
    }
    if (count > 1) activity.multisport = { index: k, count };
    return activity;
  });
}

/** A lap or length starting this little before its session's start still belongs to it. */
const LAP_SLACK_S = 1;
/** Sessions are back to back when one starts within this of the previous one's end. */
const CONTIGUOUS_S = 2;
/** The record sharing a boundary lies at most this far before the session's start. */
const BOUNDARY_S = 10;

function sessionStart(session: FitMesg, offset: number): number | undefined {
  const start = fitTime(session, 'startTime', offset);
  if (start !== undefined) return start;
  const end = fitTime(session, 'timestamp', offset);
  const elapsed = num(session, 'totalElapsedTime');
  return end !== undefined && elapsed !== undefined ? end - elapsed : undefined;
}

interface ActivityParts {
  track: Track;
  from: number;
  to: number;
  session: FitMesg | undefined;
  sport: string | undefined;
  subSport: string | undefined;
  laps: FitMesg[];
  lengths: FitMesg[];
  pauses: Pause[];
  device: DeviceInfo | undefined;
  offset: number;
  /** The first sample is the previous session's last (their shared boundary). */
  shared: boolean;
}

function makeActivity(parts: ActivityParts): ImportedActivity {
  const { track: whole, from, to, session, sport, subSport, device, offset } = parts;
  const track = from === 0 && to === whole.length ? whole : sliceTrack(whole, from, to);
  const first = firstTime(track);
  const last = lastTime(track);
  const start = session ? sessionStart(session, offset) : undefined;
  const startTime = start ?? first;
  // Session timestamps can be placeholders equal to the start: the end is start + elapsed.
  const end = Math.max(
    Number.isNaN(last) ? Number.NEGATIVE_INFINITY : last,
    start !== undefined
      ? start + (num(session, 'totalElapsedTime') ?? 0)
      : Number.NEGATIVE_INFINITY,
    fitTime(session, 'timestamp', offset) ?? Number.NEGATIVE_INFINITY,
  );
  const laps: Lap[] = [];
  for (const lap of parts.laps) {
    const lapStart = fitTime(lap, 'startTime', offset);
    if (lapStart === undefined) continue;
    // Start + elapsed is the lap's precise end; its timestamp is only the second the message was
    // written, and a placeholder equal to the activity start in summary-first files.
    const elapsed = num(lap, 'totalElapsedTime');
    const lapEnd =
      elapsed !== undefined ? lapStart + elapsed : (fitTime(lap, 'timestamp', offset) ?? lapStart);
    // Damaged files can state a lap that ends before it starts: never an inverted index range.
    let startIndex = lowerBound(track.time, lapStart);
    // The session's first lap starts at the boundary sample it shares with the previous session.
    if (parts.shared && startIndex === 1) startIndex = 0;
    const entry: Lap = {
      startTime: lapStart,
      endTime: lapEnd,
      startIndex,
      // Records are whole seconds: one stamped in the second the lap ended is its last sample.
      endIndex: Math.max(startIndex, upperBound(track.time, Math.ceil(lapEnd - 1e-6))),
      totals: totalsFrom(lap),
    };
    const trigger = str(lap, 'lapTrigger');
    if (trigger) entry.trigger = trigger;
    laps.push(entry);
  }
  const kind = classifySport(sport, subSport);
  const activity: ImportedActivity = {
    track,
    sport: kind.sport,
    startTime,
    laps,
    // A timer stop after the last record is the end of the recording, not a pause.
    pauses: parts.pauses.filter((p) => p.start >= Math.min(startTime, first) && p.start < end),
  };
  if (sport) {
    activity.sourceSport = subSport && subSport !== 'generic' ? `${sport}/${subSport}` : sport;
  }
  if (subSport && subSport !== 'generic') activity.subSport = subSport;
  const gps = hasPosition(track);
  let indoor = kind.indoor;
  if (activity.sport !== undefined) {
    // Positions on a trainer or treadmill can only come from a virtual world (Zwift-like apps).
    const virtual = (indoor === true && gps) || device?.manufacturer === 'zwift';
    if (virtual && isOutdoorSport(activity.sport)) {
      activity.sport = virtualSport(activity.sport);
      indoor = true;
    }
    if (indoor === undefined && isOutdoorSport(activity.sport)) indoor = !gps;
  }
  if (indoor !== undefined) activity.indoor = indoor;
  if (device) activity.device = device;
  if (session) activity.deviceTotals = totalsFrom(session);
  if (parts.lengths.length > 0) {
    const pool = num(session, 'poolLength');
    const active = parts.lengths.filter((l) => str(l, 'lengthType') !== 'idle').length;
    // Without a pool length, the session's distance over its active lengths says it.
    const total = num(session, 'totalDistance');
    const poolLength = pool ?? (total && active ? total / active : undefined);
    if (poolLength !== undefined) activity.poolLengthM = poolLength;
    activity.lengths = swimLengths(parts.lengths, poolLength ?? 0, offset);
  } else {
    const pool = num(session, 'poolLength');
    if (pool !== undefined && kind.sport === 'Swim' && kind.indoor) activity.poolLengthM = pool;
  }
  return activity;
}

function swimLengths(lengths: FitMesg[], poolLength: number, offset: number): SwimLength[] {
  const out: SwimLength[] = [];
  for (const l of lengths) {
    const start = fitTime(l, 'startTime', offset);
    if (start === undefined) continue;
    const end = start + (num(l, 'totalElapsedTime') ?? 0);
    const active = str(l, 'lengthType') !== 'idle';
    const entry: SwimLength = {
      startTime: start,
      endTime: Math.max(end, fitTime(l, 'timestamp', offset) ?? end),
      distanceM: active ? poolLength : 0,
      active,
    };
    const strokes = num(l, 'totalStrokes');
    if (strokes !== undefined && active) entry.strokes = strokes;
    const stroke = str(l, 'swimStroke');
    if (stroke !== undefined && active) entry.stroke = stroke;
    out.push(entry);
  }
  return out.sort((a, b) => a.startTime - b.startTime);
}

function hasPosition(t: Track): boolean {
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t.lat[i]!)) return true;
  return false;
}

/** Timer stop (stop, stopAll, stopDisable…) followed by a timer start is a pause. */
function timerPauses(messages: FitMessages, offset: number): Pause[] {
  const pauses: Pause[] = [];
  let stoppedAt: number | undefined;
  const events = messages.events
    .filter((e) => e.event === 'timer')
    .sort((a, b) => (num(a, 'timestamp') ?? 0) - (num(b, 'timestamp') ?? 0));
  for (const e of events) {
    const t = fitTime(e, 'timestamp', offset);
    if (t === undefined) continue;
    const type = str(e, 'eventType') ?? '';
    if (type.startsWith('stop')) stoppedAt ??= t;
    else if (type === 'start' && stoppedAt !== undefined) {
      if (t > stoppedAt) pauses.push({ start: stoppedAt, end: t });
      stoppedAt = undefined;
    }
  }
  return pauses;
}

function sliceTrack(t: Track, from: number, to: number): Track {
  const s = <T extends Float32Array | Float64Array>(c: T | null): T | null =>
    c ? (c.slice(from, to) as T) : null;
  return {
    length: to - from,
    time: t.time.slice(from, to),
    lat: t.lat.slice(from, to),
    lon: t.lon.slice(from, to),
    elevation: s(t.elevation),
    heartRate: s(t.heartRate),
    cadence: s(t.cadence),
    power: s(t.power),
    temperature: s(t.temperature),
    distance: s(t.distance),
    speed: s(t.speed),
  };
}

function firstTime(t: Track): number {
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t.time[i])) return t.time[i]!;
  return Number.NaN;
}

function lastTime(t: Track): number {
  for (let i = t.length - 1; i >= 0; i--) if (!Number.isNaN(t.time[i])) return t.time[i]!;
  return Number.NaN;
}

/** First index whose time is ≥ t (binary search; times are ascending in sane files). */
function lowerBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose time is > t. */
function upperBound(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

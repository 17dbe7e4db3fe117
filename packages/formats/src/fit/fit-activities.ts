import type { Track } from '@stride/core';
import type { Warnings } from '../errors.js';
import { mapSport } from '../sport.js';
import type { DeviceInfo, ImportedActivity, Lap, Pause } from '../types.js';
import type { FitMesg, FitMessages } from './fit-messages.js';
import { totalsFrom } from './fit-totals.js';
import { fitTime, num, str, timeOffset } from './fit-values.js';

/**
 * One activity per session; a multisport file gives one activity per sport session and drops
 * "transition" sessions (a warning says so). Records go to the session whose start they follow.
 */
export function splitSessions(
  messages: FitMessages,
  track: Track,
  device: DeviceInfo | undefined,
  warnings: Warnings,
): ImportedActivity[] {
  const offset = timeOffset(messages);
  const sessions = [...messages.sessions].sort(
    (a, b) => (num(a, 'startTime') ?? 0) - (num(b, 'startTime') ?? 0),
  );
  const kept = sessions.filter((s) => str(s, 'sport') !== 'transition');
  if (sessions.length > 1) {
    const sports = sessions.map((s) => str(s, 'sport') ?? '?').join(', ');
    warnings.add(
      'FIT_MULTISPORT',
      `The file holds ${sessions.length} sessions (${sports}); each sport became its own activity and transitions were left out`,
    );
  }
  const pauses = timerPauses(messages, offset);
  if (kept.length === 0) {
    // No session (cut-off file) or only transitions: one activity from all records.
    const sport = str(messages.sports[0], 'sport') ?? str(sessions[0], 'sport');
    return [
      makeActivity(track, 0, track.length, undefined, sport, messages, pauses, device, offset),
    ];
  }
  const starts = sessions.map((s) => fitTime(s, 'startTime', offset) ?? Number.NEGATIVE_INFINITY);
  const out: ImportedActivity[] = [];
  sessions.forEach((session, k) => {
    if (str(session, 'sport') === 'transition') return;
    const from = k === 0 || kept.length === 1 ? 0 : lowerBound(track.time, starts[k]!);
    const to =
      k === sessions.length - 1 || kept.length === 1
        ? track.length
        : lowerBound(track.time, starts[k + 1]!);
    out.push(
      makeActivity(
        track,
        from,
        Math.max(from, to),
        session,
        str(session, 'sport'),
        messages,
        pauses,
        device,
        offset,
      ),
    );
  });
  return out;
}

function makeActivity(
  whole: Track,
  from: number,
  to: number,
  session: FitMesg | undefined,
  sport: string | undefined,
  messages: FitMessages,
  allPauses: Pause[],
  device: DeviceInfo | undefined,
  offset: number,
): ImportedActivity {
  const track = from === 0 && to === whole.length ? whole : sliceTrack(whole, from, to);
  const first = firstTime(track);
  const last = lastTime(track);
  const sessionStart = fitTime(session, 'startTime', offset);
  const startTime = sessionStart ?? first;
  const end = Math.max(
    last,
    sessionStart !== undefined ? sessionStart + (num(session, 'totalElapsedTime') ?? 0) : last,
  );
  const inRange = (t: number) => t >= Math.min(startTime, first) && t <= end;
  const laps: Lap[] = [];
  for (const lap of messages.laps) {
    const lapStart = fitTime(lap, 'startTime', offset);
    if (lapStart === undefined || !inRange(lapStart)) continue;
    const lapEnd =
      fitTime(lap, 'timestamp', offset) ?? lapStart + (num(lap, 'totalElapsedTime') ?? 0);
    // Damaged files can state a lap that ends before it starts: never an inverted index range.
    const startIndex = lowerBound(track.time, lapStart);
    const entry: Lap = {
      startTime: lapStart,
      endTime: lapEnd,
      startIndex,
      endIndex: Math.max(startIndex, upperBound(track.time, lapEnd)),
      totals: totalsFrom(lap),
    };
    const trigger = str(lap, 'lapTrigger');
    if (trigger) entry.trigger = trigger;
    laps.push(entry);
  }
  const activity: ImportedActivity = {
    track,
    sport: mapSport(sport, str(session, 'subSport')),
    startTime,
    laps,
    pauses: allPauses.filter((p) => inRange(p.start)),
  };
  const subSport = str(session, 'subSport');
  if (sport) {
    activity.sourceSport = subSport && subSport !== 'generic' ? `${sport}/${subSport}` : sport;
  }
  if (device) activity.device = device;
  if (session) activity.deviceTotals = totalsFrom(session);
  return activity;
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

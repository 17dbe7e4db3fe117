import { Profile } from '@garmin/fitsdk';
import { type OptionalChannel, type Track, trackFromColumns } from '@stride/core';
import { FormatError, Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import { mapSport } from '../sport.js';
import type {
  DeviceInfo,
  ImportedActivity,
  ImportedCourse,
  ImportResult,
  Lap,
  Pause,
} from '../types.js';
import { decodeFitMessages, type FitMesg, type FitMessages } from './fit-messages.js';
import { totalsFrom } from './fit-totals.js';
import { frameFit } from './frame.js';

/** Seconds between the Unix epoch and the FIT epoch (1989-12-31T00:00:00Z). */
export const FIT_EPOCH_S = 631_065_600;
/** FIT date_time values below this are seconds since device power-on, not dates. */
const FIT_MIN_DATE = 0x10000000;
const SEMICIRCLE_DEG = 180 / 2 ** 31;

const num = (m: FitMesg | undefined, key: string): number | undefined => {
  const v = m?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
};
const str = (m: FitMesg | undefined, key: string): string | undefined => {
  const v = m?.[key];
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
};

/**
 * FIT → activities. One activity per session; a multisport file gives one activity per sport
 * session and drops "transition" sessions (a warning says so). Records are assigned to the
 * session whose start time they follow. Timer stop → start events are pauses.
 */
export function parseFit(bytes: Uint8Array, budget: Budget): Omit<ImportResult, 'compressed'> {
  const warnings = new Warnings();
  const framed = frameFit(bytes, warnings, budget.limits.strictCrc);
  const messages = decodeFitMessages(framed.bytes, warnings, budget);
  const fileType = str(messages.fileId[0], 'type');
  const track = recordsToTrack(messages, warnings);
  const device = deviceOf(messages);
  if (fileType === 'course') {
    const course: ImportedCourse = { kind: 'track', track };
    return {
      format: 'fit',
      activities: [],
      courses: track.length ? [course] : [],
      waypoints: [],
      warnings: warnings.list,
    };
  }
  if (track.length === 0 && messages.sessions.length === 0) {
    throw new FormatError(
      'NO_ACTIVITY',
      fileType && fileType !== 'activity'
        ? `The FIT file is a "${fileType}" file, not an activity`
        : 'The FIT file holds no records and no session',
    );
  }
  const activities = splitSessions(messages, track, device, warnings);
  return { format: 'fit', activities, courses: [], waypoints: [], warnings: warnings.list };
}

function recordsToTrack(messages: FitMessages, warnings: Warnings): Track {
  const records = messages.records;
  const n = records.length;
  // Columns allocated once at the record count; optional ones on first use.
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const optional: Partial<Record<OptionalChannel, Float32Array | Float64Array>> = {};
  const column = (channel: OptionalChannel) => {
    let c = optional[channel];
    if (!c) {
      c = channel === 'distance' ? new Float64Array(n) : new Float32Array(n);
      c.fill(Number.NaN);
      optional[channel] = c;
    }
    return c;
  };
  let relative = false;
  const offset = timeOffset(messages);
  const [from, to] = sessionWindow(messages, offset);
  let last = Number.NEGATIVE_INFINITY;
  let k = 0;
  for (let r = 0; r < n; r++) {
    const m = records[r]!;
    const ts = m.timestamp;
    let t = Number.NaN;
    if (typeof ts === 'number') {
      if (ts < FIT_MIN_DATE) relative = true;
      t = ts + (ts < FIT_MIN_DATE ? offset : 0) + FIT_EPOCH_S;
      if (t < from || t > to) {
        warnings.add(
          'POINT_SKIPPED',
          'A record dated more than a day outside its session (damaged data) was skipped',
        );
        continue;
      }
      if (t < last) warnings.add('TIME_BACKWARDS', 'Record timestamps go backwards');
      last = t;
    }
    time[k] = t;
    const la = m.positionLat;
    const lo = m.positionLong;
    lat[k] = typeof la === 'number' ? la * SEMICIRCLE_DEG : Number.NaN;
    lon[k] = typeof lo === 'number' ? lo * SEMICIRCLE_DEG : Number.NaN;
    const alt = m.enhancedAltitude ?? m.altitude;
    if (typeof alt === 'number') column('elevation')[k] = alt;
    const hr = m.heartRate;
    if (typeof hr === 'number') column('heartRate')[k] = hr;
    const cad = m.cadence;
    if (typeof cad === 'number') {
      const frac = m.fractionalCadence;
      column('cadence')[k] = cad + (typeof frac === 'number' ? frac : 0);
    }
    const power = m.power;
    if (typeof power === 'number') column('power')[k] = power;
    const temp = m.temperature;
    if (typeof temp === 'number') column('temperature')[k] = temp;
    const dist = m.distance;
    if (typeof dist === 'number') column('distance')[k] = dist;
    const speed = m.enhancedSpeed ?? m.speed;
    if (typeof speed === 'number') column('speed')[k] = speed;
    k++;
  }
  if (relative) {
    warnings.add(
      'FIT_RELATIVE_TIMESTAMPS',
      offset
        ? "The device clock was not set: times were anchored with the file's timestamp correlation"
        : "The device clock was not set: record times count from the device's power-on, so the start date (1990) is wrong while durations are right",
    );
  }
  const cut = <T extends Float32Array | Float64Array>(c: T | undefined): T | null =>
    c ? (k === n ? c : (c.subarray(0, k) as T)) : null;
  return trackFromColumns({
    time: cut(time)!,
    lat: cut(lat)!,
    lon: cut(lon)!,
    elevation: cut(optional.elevation as Float32Array | undefined),
    heartRate: cut(optional.heartRate as Float32Array | undefined),
    cadence: cut(optional.cadence as Float32Array | undefined),
    power: cut(optional.power as Float32Array | undefined),
    temperature: cut(optional.temperature as Float32Array | undefined),
    distance: cut(optional.distance as Float64Array | undefined),
    speed: cut(optional.speed as Float32Array | undefined),
  });
}

/** Sessions' span widened by a day: records outside it are damage (e.g. a year-2085 time). */
function sessionWindow(messages: FitMessages, offset: number): [number, number] {
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const s of messages.sessions) {
    const start = fitTime(s, 'startTime', offset);
    if (start === undefined) continue;
    from = Math.min(from, start);
    to = Math.max(
      to,
      fitTime(s, 'timestamp', offset) ?? start,
      start + (num(s, 'totalElapsedTime') ?? 0),
    );
  }
  if (!Number.isFinite(from)) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  return [from - 86_400, to + 86_400];
}

/** Offset from device system time to FIT time, from a timestamp_correlation message. */
function timeOffset(messages: FitMessages): number {
  const c = messages.timestampCorrelations[0];
  const ts = num(c, 'timestamp');
  const system = num(c, 'systemTimestamp');
  return ts !== undefined && system !== undefined && ts >= FIT_MIN_DATE ? ts - system : 0;
}

function fitTime(m: FitMesg | undefined, key: string, offset = 0): number | undefined {
  const v = num(m, key);
  if (v === undefined) return undefined;
  return v + (v < FIT_MIN_DATE ? offset : 0) + FIT_EPOCH_S;
}

function deviceOf(messages: FitMessages): DeviceInfo | undefined {
  const id = messages.fileId[0];
  if (!id) return undefined;
  const device: DeviceInfo = {};
  const manufacturer = str(id, 'manufacturer');
  if (manufacturer) device.manufacturer = manufacturer;
  const productNum = num(id, 'product');
  const productName =
    str(id, 'productName') ??
    (manufacturer === 'garmin' && productNum !== undefined
      ? Profile.types.garminProduct?.[productNum]
      : undefined) ??
    (productNum !== undefined ? String(productNum) : undefined);
  if (productName) device.product = productName;
  const serial = num(id, 'serialNumber');
  if (serial !== undefined) device.serialNumber = String(serial);
  const creator = messages.deviceInfos.find(
    (d) => d.deviceIndex === 'creator' || d.deviceIndex === 0,
  );
  const version = num(creator, 'softwareVersion');
  if (version !== undefined) device.softwareVersion = String(version);
  device.name = [manufacturer, productName].filter(Boolean).join(' ');
  return device;
}

function splitSessions(
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
        to,
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
  if (sport)
    activity.sourceSport = subSport && subSport !== 'generic' ? `${sport}/${subSport}` : sport;
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

/** First index whose time is ≥ t (times mostly ascending; a linear fallback is not needed). */
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

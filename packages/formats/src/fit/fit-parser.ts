import { Profile } from '@garmin/fitsdk';
import { type OptionalChannel, type Track, trackFromColumns } from '@stride/core';
import { FormatError, Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import type { DeviceInfo, ImportedCourse, ImportResult } from '../types.js';
import { splitSessions } from './fit-activities.js';
import { decodeFitMessages, type FitDecoderChoice, type FitMessages } from './fit-messages.js';
import {
  FIT_EPOCH_S,
  FIT_MIN_DATE,
  fitTime,
  num,
  SEMICIRCLE_DEG,
  str,
  timeOffset,
} from './fit-values.js';
import { frameFit } from './frame.js';

export { FIT_EPOCH_S } from './fit-values.js';

/**
 * FIT → activities. One activity per session; a multisport file gives one activity per session,
 * transitions included (a warning says so). Records go to the session they fall in by time, and
 * records sharing a timestamp become one sample. Timer stop → start events are pauses. FIT
 * course files give a course; any other file without records or sessions is refused.
 */
export function parseFit(
  bytes: Uint8Array,
  budget: Budget,
  decoder: FitDecoderChoice = 'auto',
): Omit<ImportResult, 'compressed'> {
  const warnings = new Warnings();
  const framed = frameFit(bytes, warnings, budget.limits.strictCrc);
  const messages = decodeFitMessages(framed.bytes, warnings, budget, decoder);
  const fileType = str(messages.fileId[0], 'type');
  // Course points may share a timestamp (synthetic times) yet are distinct places: never merged.
  const track = recordsToTrack(messages, warnings, fileType !== 'course');
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
        ? `The FIT file is ${NOT_ACTIVITY[fileType] ?? `a "${fileType}" file`}, not a recorded activity: there is nothing to import`
        : 'The FIT file holds no records and no session: there is no activity to import',
    );
  }
  const activities = splitSessions(messages, track, device, warnings);
  return { format: 'fit', activities, courses: [], waypoints: [], warnings: warnings.list };
}

/** What the FIT file types that are not recordings hold, in words an athlete knows. */
const NOT_ACTIVITY: Record<string, string> = {
  workout: 'a planned workout (its steps and targets)',
  settings: "a device's settings",
  device: 'a device description',
  sport: "a sport's settings",
  totals: 'lifetime totals',
  goals: 'a set of goals',
  schedules: 'a training schedule',
  weight: 'weight-scale measurements',
  bloodPressure: 'blood-pressure measurements',
  monitoringA: 'all-day monitoring data',
  monitoringB: 'all-day monitoring data',
  monitoringDaily: 'all-day monitoring data',
  activitySummary: 'an activity summary without its recording',
  segment: 'a segment',
  segmentList: 'a list of segments',
};

function recordsToTrack(messages: FitMessages, warnings: Warnings, mergeSameTime: boolean): Track {
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
    }
    // Devices write a second record for the same second (a sensor value arriving late, a
    // position fix): one sample per time, its fields merged, the later value winning.
    const i = mergeSameTime && t === last && k > 0 ? k - 1 : k;
    if (i === k) {
      time[k] = t;
      lat[k] = Number.NaN;
      lon[k] = Number.NaN;
      k++;
    }
    if (!Number.isNaN(t)) last = t;
    const la = m.positionLat;
    const lo = m.positionLong;
    if (typeof la === 'number' && typeof lo === 'number') {
      lat[i] = la * SEMICIRCLE_DEG;
      lon[i] = lo * SEMICIRCLE_DEG;
    }
    const alt = preferred(m.enhancedAltitude, m.altitude, 0.3);
    if (alt !== undefined) column('elevation')[i] = alt;
    const hr = m.heartRate;
    if (typeof hr === 'number') column('heartRate')[i] = hr;
    const cad = m.cadence;
    if (typeof cad === 'number') {
      const frac = m.fractionalCadence;
      column('cadence')[i] = cad + (typeof frac === 'number' ? frac : 0);
    }
    const power = m.power;
    if (typeof power === 'number') column('power')[i] = power;
    const temp = m.temperature;
    if (typeof temp === 'number') column('temperature')[i] = temp;
    const dist = m.distance;
    if (typeof dist === 'number') column('distance')[i] = dist;
    const speed = preferred(m.enhancedSpeed, m.speed, 0.002);
    if (speed !== undefined) column('speed')[i] = speed;
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

/**
 * The enhanced (32-bit) value, unless the 16-bit one is present and disagrees beyond its
 * resolution: enhanced fields only differ legitimately where the 16-bit range overflows, and the
 * SDK derives some enhanced values wrongly when it expands components (10× speeds on
 * compressed speed/distance records).
 */
function preferred(enhanced: unknown, plain: unknown, resolution: number): number | undefined {
  if (typeof enhanced !== 'number') return typeof plain === 'number' ? plain : undefined;
  if (typeof plain !== 'number' || Math.abs(enhanced - plain) <= resolution) return enhanced;
  return plain;
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

import { Profile } from '@garmin/fitsdk';
import { type OptionalChannel, type Track, trackFromColumns } from '@stride/core';
import { FormatError, Warnings } from '../errors.js';
import type { Budget } from '../limits.js';
import type { DeviceInfo, ImportedCourse, ImportResult } from '../types.js';
import { splitSessions } from './fit-activities.js';
import { decodeFitMessages, type FitMessages } from './fit-messages.js';
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

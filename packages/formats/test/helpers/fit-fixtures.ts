import { CrcCalculator, Encoder, type Mesg } from '@garmin/fitsdk';

// FIT fixtures are generated with the SDK's own encoder (never with our writer), so the
// importer is tested against an independent producer.
const MESG = {
  FILE_ID: 0,
  DEVICE_INFO: 23,
  SESSION: 18,
  LAP: 19,
  RECORD: 20,
  EVENT: 21,
  ACTIVITY: 34,
  DEVELOPER_DATA_ID: 207,
  FIELD_DESCRIPTION: 206,
};
export const FIT_EPOCH_S = 631_065_600;
export const T0 = 1_000_000_000; // FIT time of the first record (2021-09-08T01:46:40Z)
const SEMI = 2 ** 31 / 180;

type Segment = { sport: string; subSport?: string; seconds: number };

export interface FitFixtureOptions {
  segments?: Segment[];
  /** Timer stopped from second `at` for `seconds` (inside the first segment). */
  pause?: { at: number; seconds: number };
  developerField?: boolean;
}

/** A synthetic activity: 1 Hz records along a line, HR/cadence/power/temp/distance/speed. */
export function encodeActivity(options: FitFixtureOptions = {}): Uint8Array {
  const segments = options.segments ?? [{ sport: 'cycling', seconds: 60 }];
  const e = new Encoder();
  const emit = (num: number, m: Record<string, unknown>) => e.onMesg(num, m as Mesg);
  emit(MESG.FILE_ID, {
    type: 'activity',
    manufacturer: 'garmin',
    product: 3121,
    serialNumber: 1234567,
    timeCreated: T0,
  });
  emit(MESG.DEVICE_INFO, {
    timestamp: T0,
    deviceIndex: 0,
    manufacturer: 'garmin',
    product: 3121,
    softwareVersion: 9.1,
  });
  if (options.developerField) {
    const devId = {
      developerDataIndex: 0,
      applicationId: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16],
      applicationVersion: 1,
    };
    const desc = {
      developerDataIndex: 0,
      fieldDefinitionNumber: 0,
      fitBaseTypeId: 2 /* uint8 */,
      fieldName: 'Humidity',
      units: '%',
    };
    emit(MESG.DEVELOPER_DATA_ID, devId);
    emit(MESG.FIELD_DESCRIPTION, desc);
    e.addDeveloperField(0, devId as never, desc as never);
  }
  emit(MESG.EVENT, { timestamp: T0, event: 'timer', eventType: 'start', eventGroup: 0 });
  let t = T0;
  let dist = 0;
  let lap = 0;
  segments.forEach((seg) => {
    const start = t;
    for (let s = 0; s < seg.seconds; s++, t++) {
      if (options.pause && t === T0 + options.pause.at) {
        emit(MESG.EVENT, { timestamp: t, event: 'timer', eventType: 'stopAll', eventGroup: 0 });
        t += options.pause.seconds;
        emit(MESG.EVENT, { timestamp: t, event: 'timer', eventType: 'start', eventGroup: 0 });
      }
      dist += 5;
      const record: Record<string, unknown> = {
        timestamp: t,
        positionLat: Math.round((45 + (t - T0) * 1e-4) * SEMI),
        positionLong: Math.round((7 + (t - T0) * 1e-4) * SEMI),
        enhancedAltitude: 200 + (t - T0) * 0.2,
        heartRate: 120 + ((t - T0) % 30),
        cadence: 85,
        power: 200 + ((t - T0) % 50),
        temperature: 21,
        distance: dist,
        enhancedSpeed: 5,
      };
      if (options.developerField) record.developerFields = { 0: 55 };
      emit(MESG.RECORD, record);
    }
    emit(MESG.LAP, {
      messageIndex: lap++,
      timestamp: t - 1,
      startTime: start,
      totalElapsedTime: t - start,
      totalTimerTime: t - start,
      totalDistance: seg.seconds * 5,
      sport: seg.sport,
      event: 'lap',
      eventType: 'stop',
    });
    emit(MESG.SESSION, {
      messageIndex: 0,
      timestamp: t - 1,
      startTime: start,
      totalElapsedTime: t - start,
      totalTimerTime: seg.seconds,
      totalDistance: seg.seconds * 5,
      totalAscent: 12,
      avgHeartRate: 135,
      maxHeartRate: 149,
      totalCalories: 50,
      sport: seg.sport,
      subSport: seg.subSport ?? 'generic',
      event: 'session',
      eventType: 'stop',
    });
  });
  emit(MESG.EVENT, { timestamp: t - 1, event: 'timer', eventType: 'stopAll', eventGroup: 0 });
  emit(MESG.ACTIVITY, {
    timestamp: t - 1,
    numSessions: segments.length,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    totalTimerTime: t - T0,
  });
  return e.close();
}

/**
 * A FIT file whose records use compressed timestamp headers (which the SDK's encoder cannot
 * write), assembled byte by byte: one full record at T0 with HR, then `n` compressed records
 * one second apart, crossing several 32-second rollovers.
 */
export function encodeCompressedTimestamps(n: number): Uint8Array {
  const bytes: number[] = [];
  // definition local 0: record (20) with timestamp (253, uint32) and heart_rate (3, uint8)
  bytes.push(0x40, 0, 0, 20, 0, 2, 253, 4, 0x86, 3, 1, 0x02);
  // definition local 1: record with heart_rate only (used by compressed headers)
  bytes.push(0x41, 0, 0, 20, 0, 1, 3, 1, 0x02);
  const ts = T0 + 30; // 30 mod 32: the second compressed record already rolls over
  bytes.push(0x00, ts & 0xff, (ts >>> 8) & 0xff, (ts >>> 16) & 0xff, (ts >>> 24) & 0xff, 100);
  for (let k = 1; k <= n; k++) bytes.push(0x80 | (1 << 5) | ((ts + k) & 0x1f), 100 + (k % 50));
  const data = new Uint8Array(bytes);
  const out = new Uint8Array(14 + data.length + 2);
  out.set([
    14,
    0x20,
    0x08,
    0x08,
    data.length & 0xff,
    (data.length >> 8) & 0xff,
    0,
    0,
    0x2e,
    0x46,
    0x49,
    0x54,
    0,
    0,
  ]);
  out.set(data, 14);
  const crc = CrcCalculator.calculateCRC(out, 0, 14 + data.length);
  out[14 + data.length] = crc & 0xff;
  out[15 + data.length] = crc >> 8;
  return out;
}

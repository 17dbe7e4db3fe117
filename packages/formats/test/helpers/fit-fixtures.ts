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
  WORKOUT: 26,
  WORKOUT_STEP: 27,
  LENGTH: 101,
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
  /** Sessions and laps written before the records, their timestamps set to the start (as some re-encoders do). */
  summaryFirst?: boolean;
  /** At these seconds from the start, a second record with the same timestamp (distance + 1, position only). */
  sameSecond?: number[];
  /** Records carry cycles and total_cycles (the SDK's decoder throws on such records). */
  cycles?: boolean;
  /** Leave positions out of the records (an indoor recording). */
  noPosition?: boolean;
}

/** A synthetic activity: 1 Hz records along a line, HR/cadence/power/temp/distance/speed. */
export function encodeActivity(options: FitFixtureOptions = {}): Uint8Array {
  const segments = options.segments ?? [{ sport: 'cycling', seconds: 60 }];
  const e = new Encoder();
  const out: [number, Record<string, unknown>][] = [];
  const summaries: [number, Record<string, unknown>][] = [];
  const emit = (num: number, m: Record<string, unknown>) => out.push([num, m]);
  const summary = (num: number, m: Record<string, unknown>) =>
    options.summaryFirst ? summaries.push([num, { ...m, timestamp: T0 }]) : emit(num, m);
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
  const bodyStart = out.length;
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
        enhancedAltitude: 200 + (t - T0) * 0.2,
        heartRate: 120 + ((t - T0) % 30),
        cadence: 85,
        power: 200 + ((t - T0) % 50),
        temperature: 21,
        distance: dist,
        enhancedSpeed: 5,
      };
      if (!options.noPosition) {
        record.positionLat = Math.round((45 + (t - T0) * 1e-4) * SEMI);
        record.positionLong = Math.round((7 + (t - T0) * 1e-4) * SEMI);
      }
      if (options.developerField) record.developerFields = { 0: 55 };
      if (options.cycles) {
        record.cycles = (t - T0) % 256;
        record.totalCycles = t - T0;
      }
      emit(MESG.RECORD, record);
      if (options.sameSecond?.includes(t - T0)) {
        emit(MESG.RECORD, {
          timestamp: t,
          positionLat: Math.round((45.5 + (t - T0) * 1e-4) * SEMI),
          positionLong: Math.round((7.5 + (t - T0) * 1e-4) * SEMI),
          distance: dist + 1,
        });
      }
    }
    summary(MESG.LAP, {
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
    summary(MESG.SESSION, {
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
  out.splice(bodyStart, 0, ...summaries);
  for (const [num, m] of out) e.onMesg(num, m as Mesg);
  return e.close();
}

/**
 * A pool swim as a watch writes it: records with only HR and temperature, `length` messages
 * (4 active lengths of 25 s and a 20 s rest), two laps of 50 m and a session with the pool length.
 */
export function encodePoolSwim(): Uint8Array {
  const e = new Encoder();
  const emit = (num: number, m: Record<string, unknown>) => e.onMesg(num, m as Mesg);
  emit(MESG.FILE_ID, { type: 'activity', manufacturer: 'garmin', product: 3290, timeCreated: T0 });
  emit(MESG.EVENT, { timestamp: T0, event: 'timer', eventType: 'start', eventGroup: 0 });
  for (let s = 0; s < 120; s++) {
    emit(MESG.RECORD, { timestamp: T0 + s, heartRate: 110 + (s % 20), temperature: 28 });
  }
  const lengths: [number, number, boolean][] = [
    [0, 25, true],
    [25, 25, true],
    [50, 20, false],
    [70, 25, true],
    [95, 25, true],
  ];
  lengths.forEach(([at, seconds, active], k) => {
    emit(MESG.LENGTH, {
      messageIndex: k,
      timestamp: T0 + at + seconds,
      startTime: T0 + at,
      totalElapsedTime: seconds,
      totalTimerTime: seconds,
      lengthType: active ? 'active' : 'idle',
      ...(active ? { totalStrokes: 18, swimStroke: 'freestyle' } : {}),
      event: 'length',
      eventType: 'stop',
    });
  });
  for (const [k, at, seconds] of [
    [0, 0, 50],
    [1, 50, 70],
  ] as const) {
    emit(MESG.LAP, {
      messageIndex: k,
      timestamp: T0 + at + seconds,
      startTime: T0 + at,
      totalElapsedTime: seconds,
      totalTimerTime: seconds,
      totalDistance: 50,
      sport: 'swimming',
      subSport: 'lapSwimming',
      event: 'lap',
      eventType: 'stop',
    });
  }
  emit(MESG.SESSION, {
    messageIndex: 0,
    timestamp: T0 + 120,
    startTime: T0,
    totalElapsedTime: 120,
    totalTimerTime: 120,
    totalDistance: 100,
    sport: 'swimming',
    subSport: 'lapSwimming',
    poolLength: 25,
    poolLengthUnit: 'metric',
    event: 'session',
    eventType: 'stop',
  });
  return e.close();
}

/** A FIT workout file (a plan: steps and targets), not a recording. */
export function encodeWorkout(): Uint8Array {
  const e = new Encoder();
  const emit = (num: number, m: Record<string, unknown>) => e.onMesg(num, m as Mesg);
  emit(MESG.FILE_ID, { type: 'workout', manufacturer: 'development', timeCreated: T0 });
  emit(MESG.WORKOUT, { wktName: 'Intervals', sport: 'cycling', numValidSteps: 1 });
  emit(MESG.WORKOUT_STEP, {
    messageIndex: 0,
    wktStepName: 'Hard',
    durationType: 'time',
    durationValue: 360_000,
    targetType: 'power',
  });
  return e.close();
}

/** FIT base type sizes by base type number (the low 5 bits of a field's base type byte). */
const BASE_SIZE = [1, 1, 1, 2, 2, 4, 4, 1, 4, 8, 1, 2, 4, 1, 8, 8, 8];

/**
 * The same FIT file with every definition big-endian: architecture byte set, the global message
 * number and every multi-byte field value byte-swapped, the file CRC recomputed. The SDK's
 * encoder only writes little-endian; Garmin Connect, Wahoo and others write big-endian.
 */
export function toBigEndian(little: Uint8Array): Uint8Array {
  const b = little.slice();
  const headerSize = b[0]!;
  const dataEnd = headerSize + (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24));
  const defs: { fields: [number, number][]; dev: number }[] = [];
  let p = headerSize;
  const swap = (at: number, n: number) => b.subarray(at, at + n).reverse();
  while (p < dataEnd) {
    const h = b[p]!;
    if ((h & 0x80) === 0 && h & 0x40) {
      b[p + 2] = 1;
      swap(p + 3, 2);
      const n = b[p + 5]!;
      const fields: [number, number][] = [];
      for (let f = 0; f < n; f++) fields.push([b[p + 7 + 3 * f]!, b[p + 8 + 3 * f]! & 0x1f]);
      let q = p + 6 + 3 * n;
      let dev = 0;
      if (h & 0x20) {
        const nd = b[q]!;
        for (let f = 0; f < nd; f++) dev += b[q + 2 + 3 * f]!;
        q += 1 + 3 * nd;
      }
      defs[h & 0x0f] = { fields, dev };
      p = q;
      continue;
    }
    const def = defs[h & 0x80 ? (h >> 5) & 3 : h & 0x0f]!;
    let q = p + 1;
    for (const [size, base] of def.fields) {
      const unit = BASE_SIZE[base] ?? 1;
      if (unit > 1 && size % unit === 0) for (let at = q; at < q + size; at += unit) swap(at, unit);
      q += size;
    }
    p = q + def.dev;
  }
  const crc = CrcCalculator.calculateCRC(b, 0, dataEnd);
  b[dataEnd] = crc & 0xff;
  b[dataEnd + 1] = crc >> 8;
  return b;
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

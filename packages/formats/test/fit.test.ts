import { CrcCalculator } from '@garmin/fitsdk';
import { describe, expect, it } from 'vitest';
import { fitCrc, fitCrcReference } from '../src/fit/crc.js';
import { parseFit } from '../src/fit/fit-parser.js';
import { decodeFitOwn } from '../src/fit/own-decoder.js';
import {
  FormatError,
  type ImportedActivity,
  type ImportResult,
  importActivityFile,
} from '../src/index.js';
import { Budget, resolveLimits } from '../src/limits.js';
import {
  encodeActivity,
  encodeCompressedTimestamps,
  encodePoolSwim,
  encodeWorkout,
  FIT_EPOCH_S,
  T0,
  toBigEndian,
} from './helpers/fit-fixtures.js';
import { expectCode } from './helpers/fixtures.js';

const unix = (fit: number) => fit + FIT_EPOCH_S;

describe('FIT import (files written by the SDK encoder)', () => {
  it('reads records into columns with positions in degrees and times in epoch seconds', () => {
    const r = importActivityFile(encodeActivity());
    expect(r.format).toBe('fit');
    expect(r.warnings).toEqual([]);
    const a = r.activities[0]!;
    const t = a.track;
    expect(t.length).toBe(60);
    expect(t.time[0]).toBe(unix(T0));
    expect(t.lat[1]).toBeCloseTo(45.0001, 6);
    expect(t.lon[1]).toBeCloseTo(7.0001, 6);
    expect(t.elevation![5]).toBeCloseTo(201, 1);
    expect(t.heartRate![3]).toBe(123);
    expect(t.power![10]).toBe(210);
    expect(t.cadence![0]).toBe(85);
    expect(t.temperature![0]).toBe(21);
    expect(t.distance![59]).toBe(300);
    expect(t.speed![0]).toBe(5);
  });

  it('maps the session to sport, start time, device totals and the device', () => {
    const a = importActivityFile(encodeActivity()).activities[0]!;
    expect(a.sport).toBe('Ride');
    expect(a.startTime).toBe(unix(T0));
    expect(a.deviceTotals).toMatchObject({
      distanceM: 300,
      timerS: 60,
      ascentM: 12,
      avgHr: 135,
      maxHr: 149,
      calories: 50,
    });
    expect(a.device).toMatchObject({
      manufacturer: 'garmin',
      product: 'edge530',
      serialNumber: '1234567',
      softwareVersion: '9.1',
    });
    expect(a.laps).toHaveLength(1);
    expect(a.laps[0]).toMatchObject({ startIndex: 0, endIndex: 60, totals: { distanceM: 300 } });
  });

  it('turns timer stop/start events into pauses', () => {
    const a = importActivityFile(encodeActivity({ pause: { at: 20, seconds: 45 } })).activities[0]!;
    expect(a.pauses).toEqual([{ start: unix(T0 + 20), end: unix(T0 + 65) }]);
    expect(a.track.time[20]! - a.track.time[19]!).toBe(46);
  });

  it('keeps developer fields from breaking anything', () => {
    const r = importActivityFile(encodeActivity({ developerField: true }));
    expect(r.activities[0]!.track.length).toBe(60);
    expect(r.warnings).toEqual([]);
  });

  it('uses the sub-sport to refine the sport', () => {
    const a = importActivityFile(
      encodeActivity({
        segments: [{ sport: 'cycling', subSport: 'virtualActivity', seconds: 10 }],
      }),
    ).activities[0]!;
    expect(a.sport).toBe('VirtualRide');
  });

  it('splits a multisport file into one activity per session, transitions kept as workouts', () => {
    const r = importActivityFile(
      encodeActivity({
        segments: [
          { sport: 'running', seconds: 30 },
          { sport: 'transition', seconds: 5 },
          { sport: 'cycling', seconds: 40 },
        ],
      }),
    );
    expect(
      r.activities.map((a) => [a.sport, a.subSport, a.name, a.track.length, a.multisport]),
    ).toEqual([
      ['Run', undefined, undefined, 30, { index: 0, count: 3 }],
      // Back-to-back sessions share their boundary record: the previous session's last one.
      ['Workout', 'transition', 'Transition 1', 6, { index: 1, count: 3 }],
      ['Ride', undefined, undefined, 41, { index: 2, count: 3 }],
    ]);
    const [run, transition, ride] = r.activities as [
      ImportedActivity,
      ImportedActivity,
      ImportedActivity,
    ];
    expect(transition.track.time[0]).toBe(run.track.time[29]);
    expect(ride.track.time[1]).toBe(unix(T0 + 35));
    expect(ride.startTime).toBe(unix(T0 + 35));
    // Distance over each session's samples is the session's own.
    const span = (a: ImportedActivity) =>
      a.track.distance![a.track.length - 1]! - a.track.distance![0]!;
    expect([span(transition), span(ride)]).toEqual([25, 200]);
    expect(ride.laps).toMatchObject([{ startIndex: 0, endIndex: 41, totals: { distanceM: 200 } }]);
    expect(r.warnings.map((w) => w.code)).toEqual(['FIT_MULTISPORT']);
  });

  it('reads a multisport file written summary first (placeholder session timestamps) like one written summary last', () => {
    const segments = [
      { sport: 'swimming', subSport: 'openWater', seconds: 20 },
      { sport: 'transition', seconds: 5 },
      { sport: 'cycling', seconds: 30 },
      { sport: 'transition', seconds: 4 },
      { sport: 'running', seconds: 25 },
    ];
    const last = importActivityFile(encodeActivity({ segments }));
    const first = importActivityFile(encodeActivity({ segments, summaryFirst: true }));
    const shape = (r: ImportResult) =>
      r.activities.map((a) => ({
        sport: a.sport,
        name: a.name,
        points: a.track.length,
        start: a.startTime,
        end: a.track.time[a.track.length - 1],
        laps: a.laps.map((l) => [l.startIndex, l.endIndex, l.endTime]),
        distanceM: a.deviceTotals?.distanceM,
      }));
    expect(shape(first)).toEqual(shape(last));
    expect(shape(first).map((a) => [a.sport, a.name, a.points])).toEqual([
      ['Swim', undefined, 20],
      ['Workout', 'Transition 1', 6],
      ['Ride', undefined, 31],
      ['Workout', 'Transition 2', 5],
      ['Run', undefined, 26],
    ]);
  });

  it('merges records that share a timestamp into one sample, the later value winning per field', () => {
    const r = importActivityFile(encodeActivity({ sameSecond: [10, 11, 40] }));
    const t = r.activities[0]!.track;
    expect(t.length).toBe(60);
    expect(t.time[10]).toBe(unix(T0 + 10));
    expect(t.time[11]).toBe(unix(T0 + 11));
    // The second record gave position and distance; HR, power and altitude are the first's.
    expect(t.distance![10]).toBe(56);
    expect(t.lat[10]).toBeCloseTo(45.501, 6);
    expect(t.heartRate![10]).toBe(130);
    expect(t.power![40]).toBe(240);
    expect(t.distance![12]).toBe(65);
  });

  it('keeps every point of a course even when points share a timestamp', () => {
    const bytes = encodeActivity({ sameSecond: [3] });
    // file_id.type activity → course: the type byte follows the definition of local 0.
    const course = bytes.slice();
    course[findFileType(course)] = 6;
    fixCrc(course);
    const r = importActivityFile(course);
    expect(r.activities).toEqual([]);
    expect(r.courses[0]!.track.length).toBe(61);
  });

  it('exposes the lengths and pool length of a pool swim, with lap distances and no invented distance stream', () => {
    const r = importActivityFile(encodePoolSwim());
    expect(r.warnings).toEqual([]);
    const a = r.activities[0]!;
    expect([a.sport, a.subSport, a.indoor, a.poolLengthM]).toEqual([
      'Swim',
      'lapSwimming',
      true,
      25,
    ]);
    expect(a.track.distance).toBeNull();
    expect(a.track.heartRate![0]).toBe(110);
    expect(a.lengths).toHaveLength(5);
    expect(a.lengths![0]).toEqual({
      startTime: unix(T0),
      endTime: unix(T0 + 25),
      distanceM: 25,
      active: true,
      strokes: 18,
      stroke: 'freestyle',
    });
    expect(a.lengths![2]).toEqual({
      startTime: unix(T0 + 50),
      endTime: unix(T0 + 70),
      distanceM: 0,
      active: false,
    });
    expect(a.lengths!.reduce((m, l) => m + l.distanceM, 0)).toBe(100);
    expect(a.laps.map((l) => [l.startIndex, l.totals.distanceM])).toEqual([
      [0, 50],
      [50, 50],
    ]);
  });

  it('reads big-endian files as it reads little-endian ones', () => {
    const little = encodeActivity({ pause: { at: 20, seconds: 10 }, developerField: true });
    const big = toBigEndian(little);
    expect(big[14 + 2]).toBe(1); // the first definition now says big-endian
    const a = importActivityFile(little);
    const b = importActivityFile(big);
    expect(b.warnings).toEqual([]);
    expect(b.activities).toEqual(a.activities);
    // Our own decoder on the big-endian bytes gives the same activity too.
    const own = parseFit(big, new Budget(resolveLimits()), 'own');
    expect(own.warnings).toEqual([]);
    expect(own.activities).toEqual(a.activities);
  });

  it('reads a file the SDK decoder throws on with its own decoder, and says so', () => {
    const bytes = encodeActivity({ cycles: true });
    const r = importActivityFile(bytes);
    expect(r.warnings.map((w) => w.code)).toEqual(['FIT_DECODE_FAILED']);
    expect(r.warnings[0]!.message).toMatch(/fallback decoder/);
    const a = r.activities[0]!;
    expect(a.track.length).toBe(60);
    expect(a.track.heartRate![3]).toBe(123);
    expect(a.track.lat[1]).toBeCloseTo(45.0001, 6);
    expect(a.deviceTotals).toMatchObject({ distanceM: 300, timerS: 60 });
    expect(a.laps).toHaveLength(1);
    expect(a.pauses).toEqual([]);
    expect(a.sport).toBe('Ride');
  });

  it('decodes compressed timestamp headers itself when it reads the raw bytes', () => {
    const own = decodeFitOwn(encodeCompressedTimestamps(100), new Budget(resolveLimits()));
    expect(own.error).toBeUndefined();
    const records = own.messages.records;
    expect(records).toHaveLength(101);
    expect(records.map((m) => m.timestamp)).toEqual(records.map((_, k) => T0 + 30 + k));
    expect(records[1]!.heartRate).toBe(101);
  });

  it('tells indoor and virtual sessions from the sub-sport and from the absence of GPS', () => {
    const kind = (options: Parameters<typeof encodeActivity>[0]) => {
      const a = importActivityFile(encodeActivity(options)).activities[0]!;
      return [a.sport, a.indoor];
    };
    const one = (sport: string, subSport: string, seconds = 5) => ({
      segments: [{ sport, subSport, seconds }],
    });
    expect(kind(one('cycling', 'generic'))).toEqual(['Ride', false]);
    expect(kind({ ...one('cycling', 'generic'), noPosition: true })).toEqual(['Ride', true]);
    expect(kind({ ...one('cycling', 'indoorCycling'), noPosition: true })).toEqual(['Ride', true]);
    // Positions on a trainer are a virtual world's.
    expect(kind(one('cycling', 'indoorCycling'))).toEqual(['VirtualRide', true]);
    expect(kind(one('cycling', 'virtualActivity'))).toEqual(['VirtualRide', true]);
    expect(kind({ ...one('running', 'treadmill'), noPosition: true })).toEqual(['Run', true]);
    expect(kind(one('running', 'trail'))).toEqual(['TrailRun', false]);
    expect(kind({ ...one('training', 'strengthTraining'), noPosition: true })).toEqual([
      'WeightTraining',
      undefined,
    ]);
    expect(kind({ ...one('generic', 'generic'), noPosition: true })).toEqual([
      'Workout',
      undefined,
    ]);
  });

  it('refuses a FIT workout (a plan, not a recording) with a clear reason', () => {
    let error: unknown;
    try {
      importActivityFile(encodeWorkout());
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FormatError);
    expect((error as FormatError).code).toBe('NO_ACTIVITY');
    expect((error as FormatError).message).toMatch(/planned workout.*not a recorded activity/);
  });

  it('reads several FIT files chained in one', () => {
    const one = encodeActivity({ segments: [{ sport: 'running', seconds: 10 }] });
    const chained = new Uint8Array(one.length * 2);
    chained.set(one, 0);
    chained.set(one, one.length);
    const r = importActivityFile(chained);
    expect(r.activities.reduce((n, a) => n + a.track.length, 0)).toBe(20);
  });

  it('imports a file with a wrong CRC and says so, or refuses it when strictCrc is set', () => {
    const bytes = encodeActivity();
    bytes[bytes.length - 1]! ^= 0xff;
    const r = importActivityFile(bytes);
    expect(r.activities[0]!.track.length).toBe(60);
    expect(r.warnings[0]).toMatchObject({
      code: 'FIT_CRC_MISMATCH',
      location: { offset: bytes.length - 2 },
    });
    expectCode(() => importActivityFile(bytes, { strictCrc: true }), 'FIT_CRC_MISMATCH');
  });

  it('recovers the complete messages of a cut-off file', () => {
    const bytes = encodeActivity();
    const cut = bytes.subarray(0, Math.floor(bytes.length * 0.7));
    const r = importActivityFile(cut);
    const n = r.activities[0]!.track.length;
    expect(n).toBeGreaterThan(20);
    expect(n).toBeLessThan(60);
    expect(r.warnings.map((w) => w.code)).toContain('FIT_TRUNCATED');
  });

  it('reads a file whose header was never finalised (data size 0) to its end', () => {
    const bytes = encodeActivity();
    bytes.set([0, 0, 0, 0], 4);
    const r = importActivityFile(bytes);
    expect(r.activities[0]!.track.length).toBe(60);
    expect(r.warnings.map((w) => w.code)).toContain('FIT_HEADER_INVALID');
  });

  it('rewrites compressed timestamp headers (unsupported by the SDK) with the right times', () => {
    const r = importActivityFile(encodeCompressedTimestamps(100));
    const t = r.activities[0]!.track;
    expect(t.length).toBe(101);
    for (let k = 0; k <= 100; k++) expect(t.time[k]).toBe(unix(T0 + 30 + k));
    expect(t.heartRate![1]).toBe(101);
  });

  it("computes the FIT CRC with a byte table exactly as the protocol's nibble algorithm does", () => {
    const bytes = encodeActivity();
    expect(fitCrc(bytes, 0, bytes.length - 2)).toBe(fitCrcReference(bytes, 0, bytes.length - 2));
    expect(fitCrc(bytes, 0, bytes.length - 2)).toBe(
      bytes[bytes.length - 2]! | (bytes[bytes.length - 1]! << 8),
    );
  });

  it('refuses a file that only looks like FIT', () => {
    const bytes = new Uint8Array([14, 0x20, 0, 0, 0, 0, 0, 0, 0x2e, 0x46, 0x49, 0x54, 0, 0, 0, 0]);
    expectCode(() => importActivityFile(bytes), 'NO_ACTIVITY');
  });
});

/** Offset of file_id.type in a file the SDK encoder wrote (file_id is the first message). */
function findFileType(bytes: Uint8Array): number {
  const n = bytes[14 + 5]!;
  let at = 14 + 6 + 3 * n + 1;
  for (let f = 0; f < n; f++) {
    const [num, size] = [bytes[14 + 6 + 3 * f]!, bytes[14 + 7 + 3 * f]!];
    if (num === 0) return at;
    at += size;
  }
  throw new Error('file_id.type not found');
}

function fixCrc(bytes: Uint8Array): void {
  const end = bytes.length - 2;
  const crc = CrcCalculator.calculateCRC(bytes, 0, end);
  bytes[end] = crc & 0xff;
  bytes[end + 1] = crc >> 8;
}

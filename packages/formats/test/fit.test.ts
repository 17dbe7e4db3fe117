import { describe, expect, it } from 'vitest';
import { fitCrc, fitCrcReference } from '../src/fit/crc.js';
import { importActivityFile } from '../src/index.js';
import {
  encodeActivity,
  encodeCompressedTimestamps,
  FIT_EPOCH_S,
  T0,
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

  it('splits a multisport file into one activity per sport session and leaves transitions out', () => {
    const r = importActivityFile(
      encodeActivity({
        segments: [
          { sport: 'running', seconds: 30 },
          { sport: 'transition', seconds: 5 },
          { sport: 'cycling', seconds: 40 },
        ],
      }),
    );
    expect(r.activities.map((a) => [a.sport, a.track.length])).toEqual([
      ['Run', 30],
      ['Ride', 40],
    ]);
    expect(r.activities[1]!.track.time[0]).toBe(unix(T0 + 35));
    expect(r.warnings.map((w) => w.code)).toEqual(['FIT_MULTISPORT']);
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

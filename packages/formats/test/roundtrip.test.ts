import type { Track } from '@stride/core';
import { describe, expect, it } from 'vitest';
import {
  exportFit,
  exportGpx,
  exportTcx,
  type ImportedActivity,
  importActivityFile,
} from '../src/index.js';
import { encodeActivity } from './helpers/fit-fixtures.js';
import { fixture, utf8 } from './helpers/fixtures.js';
import { GPX11, structureErrors, TCX2 } from './helpers/schema-structure.js';

type Channel = Exclude<keyof Track, 'length'>;

/** Asserts two tracks are equal channel by channel within each format's stored precision. */
function expectSameTrack(
  actual: Track,
  expected: Track,
  tolerance: Partial<Record<Channel, number>>,
  channels: Channel[],
) {
  expect(actual.length).toBe(expected.length);
  for (const c of channels) {
    const a = actual[c];
    const e = expected[c];
    if (e === null) {
      expect(a, c).toBeNull();
      continue;
    }
    expect(a, c).not.toBeNull();
    const tol = tolerance[c] ?? 0;
    for (let i = 0; i < expected.length; i++) {
      const x = a![i]!;
      const y = e[i]!;
      if (Number.isNaN(y)) expect(Number.isNaN(x), `${c}[${i}] should be missing`).toBe(true);
      else expect(Math.abs(x - y), `${c}[${i}]: ${x} vs ${y}`).toBeLessThanOrEqual(tol);
    }
  }
}

const GPX_NS = 'http://www.topografix.com/GPX/1/1';
const TCX_NS = 'http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2';
const fitActivity = () =>
  importActivityFile(encodeActivity({ pause: { at: 20, seconds: 45 } })).activities[0]!;

describe('export → import round trip', () => {
  it('GPX keeps time, position, elevation, HR, cadence, power, temperature and speed', () => {
    const a = fitActivity();
    const gpx = exportGpx(a);
    const back = importActivityFile(utf8(gpx)).activities[0]!;
    expectSameTrack(
      back.track,
      a.track,
      { lat: 5e-8, lon: 5e-8, elevation: 0.005, temperature: 0.005, speed: 5e-4 },
      ['time', 'lat', 'lon', 'elevation', 'heartRate', 'cadence', 'power', 'temperature', 'speed'],
    );
    expect(back.sport).toBe('Ride');
    // a pause becomes a segment break: it ends where it ended and starts at the last sample before it
    expect(back.pauses).toEqual([{ start: a.track.time[19], end: a.pauses[0]!.end }]);
  });

  it('GPX of a GPX import equals the import', () => {
    const a = importActivityFile(fixture('run-tpx-v2-segments.gpx')).activities[0]!;
    const back = importActivityFile(utf8(exportGpx(a))).activities[0]!;
    expectSameTrack(back.track, a.track, { elevation: 0.005 }, [
      'time',
      'lat',
      'lon',
      'elevation',
      'heartRate',
      'cadence',
      'power',
      'temperature',
    ]);
    expect(back.pauses).toEqual(a.pauses);
    expect(back.name).toBe(a.name);
  });

  it('TCX keeps time, position, elevation, distance, HR, cadence, power, speed, laps and pauses', () => {
    const a = fitActivity();
    const back = importActivityFile(utf8(exportTcx(a))).activities[0]!;
    expectSameTrack(
      back.track,
      a.track,
      { lat: 5e-8, lon: 5e-8, elevation: 0.005, distance: 0.005, speed: 5e-4 },
      ['time', 'lat', 'lon', 'elevation', 'distance', 'heartRate', 'cadence', 'power', 'speed'],
    );
    expect(back.track.temperature).toBeNull(); // TCX has no temperature
    expect(back.laps.map((l) => [l.startIndex, l.endIndex, l.totals.distanceM])).toEqual(
      a.laps.map((l) => [l.startIndex, l.endIndex, l.totals.distanceM]),
    );
    expect(back.pauses).toEqual([{ start: a.track.time[19], end: a.pauses[0]!.end }]);
  });

  it("TCX of a TCX import keeps both activities' laps and totals", () => {
    const r = importActivityFile(fixture('two-activities.tcx'));
    for (const a of r.activities) {
      const back = importActivityFile(utf8(exportTcx(a))).activities[0]!;
      expectSameTrack(back.track, a.track, {}, [
        'time',
        'lat',
        'lon',
        'elevation',
        'distance',
        'heartRate',
        'cadence',
        'power',
        'speed',
      ]);
      expect(back.laps.map((l) => l.totals)).toEqual(a.laps.map((l) => l.totals));
      expect(back.sport).toBe(a.sport);
    }
  });

  it('FIT keeps every channel, laps, pauses and session totals at FIT precision', () => {
    const a = fitActivity();
    const back = importActivityFile(exportFit(a));
    expect(back.warnings).toEqual([]);
    const b = back.activities[0]!;
    expectSameTrack(
      b.track,
      a.track,
      { lat: 1e-7, lon: 1e-7, elevation: 0.1, distance: 0.005, speed: 5e-4 },
      [
        'time',
        'lat',
        'lon',
        'elevation',
        'heartRate',
        'cadence',
        'power',
        'temperature',
        'distance',
        'speed',
      ],
    );
    expect(b.pauses).toEqual(a.pauses);
    expect(b.sport).toBe(a.sport);
    expect(b.startTime).toBe(a.startTime);
    expect(b.laps.map((l) => [l.startIndex, l.endIndex])).toEqual(
      a.laps.map((l) => [l.startIndex, l.endIndex]),
    );
    expect(b.deviceTotals).toMatchObject({
      distanceM: 300,
      timerS: 60,
      avgHr: 135,
      maxHr: 149,
      calories: 50,
      ascentM: 12,
    });
  });

  it("FIT of a GPX import (fractional seconds rounded to FIT's 1 s)", () => {
    const a = importActivityFile(fixture('run-tpx-v2-segments.gpx')).activities[0]!;
    const b = importActivityFile(exportFit(a)).activities[0]!;
    expectSameTrack(
      b.track,
      a.track,
      { time: 0.5, lat: 1e-7, lon: 1e-7, elevation: 0.1, temperature: 0.5 },
      ['time', 'lat', 'lon', 'elevation', 'heartRate', 'cadence', 'power', 'temperature'],
    );
    expect(b.sport).toBe('Run');
  });
});

describe("exports follow their schema's structure", () => {
  const activities: [string, ImportedActivity][] = [
    ['FIT fixture', fitActivity()],
    ['GPX fixture', importActivityFile(fixture('run-tpx-v2-segments.gpx')).activities[0]!],
    ['TCX fixture', importActivityFile(fixture('two-activities.tcx')).activities[0]!],
    ['empty TCX', importActivityFile(fixture('empty-activity.tcx')).activities[0]!],
  ];
  for (const [name, a] of activities) {
    it(`GPX 1.1 of the ${name}`, () => {
      expect(structureErrors(exportGpx(a), GPX_NS, GPX11)).toEqual([]);
    });
    it(`TCX v2 of the ${name}`, () => {
      expect(structureErrors(exportTcx(a), TCX_NS, TCX2)).toEqual([]);
    });
  }

  it('the structure check catches an out-of-order element', () => {
    const bad = `<gpx xmlns="${GPX_NS}" version="1.1" creator="x"><trk><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time><ele>1</ele></trkpt></trkseg></trk></gpx>`;
    expect(structureErrors(bad, GPX_NS, GPX11)).toEqual(['<ele> is out of order in <trkpt>']);
  });

  it('escapes names so the XML stays well-formed', () => {
    const a = { ...fitActivity(), name: 'Tom & Jerry <3 "quotes"' };
    expect(importActivityFile(utf8(exportGpx(a))).activities[0]!.name).toBe(a.name);
  });
});

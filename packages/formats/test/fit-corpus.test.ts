import type { Track } from '@stride/core';
import { describe, expect, it } from 'vitest';
import { parseFit } from '../src/fit/fit-parser.js';
import { FormatError, type ImportedActivity, importActivityFile } from '../src/index.js';
import { Budget, resolveLimits } from '../src/limits.js';
import { corpusPresent, readCorpusFile } from './helpers/corpus.js';
import { corpusFitFiles, sameSecondRecords, sdkRecords } from './helpers/fit-corpus.js';

const load = (file: string) => importActivityFile(readCorpusFile(file));
const codes = (file: string) =>
  load(file)
    .warnings.map((w) => w.code)
    .sort();

/** Distance the records cover: last minus first value of the device's distance stream. */
function recordedDistance(t: Track): number {
  const d = t.distance!;
  let first = Number.NaN;
  let last = Number.NaN;
  for (const v of d) {
    if (Number.isNaN(v)) continue;
    if (Number.isNaN(first)) first = v;
    last = v;
  }
  return last - first;
}

/**
 * Stored precision per channel: the SDK and our decoder scale the same integers, but the SDK
 * derives enhanced speed from speed by re-reading a scaled float (2.03 → 2.029).
 */
const TOLERANCE: Record<string, number> = {
  time: 0,
  lat: 1e-9,
  lon: 1e-9,
  elevation: 1e-3,
  heartRate: 0,
  cadence: 1e-6,
  power: 0,
  temperature: 0,
  distance: 1e-6,
  speed: 2e-3,
};

function expectSameActivity(own: ImportedActivity, sdk: ImportedActivity, file: string): void {
  const { track: a, ...restOwn } = own;
  const { track: b, ...restSdk } = sdk;
  expect(a.length, file).toBe(b.length);
  for (const [channel, tol] of Object.entries(TOLERANCE)) {
    const x = a[channel as keyof Track] as ArrayLike<number> | null;
    const y = b[channel as keyof Track] as ArrayLike<number> | null;
    expect(x === null, `${file} ${channel} presence`).toBe(y === null);
    if (!x || !y) continue;
    let worst = 0;
    for (let i = 0; i < x.length; i++) {
      const u = x[i]!;
      const v = y[i]!;
      if (Number.isNaN(u) !== Number.isNaN(v)) worst = Number.POSITIVE_INFINITY;
      else if (!Number.isNaN(u)) worst = Math.max(worst, Math.abs(u - v));
    }
    expect(worst, `${file} ${channel}`).toBeLessThanOrEqual(tol);
  }
  // Sessions and laps (indices, times and device totals), pauses, sport, device: identical.
  expect(restOwn).toEqual(restSdk);
}

describe.skipIf(!corpusPresent)('FIT corpus: our decoder against the SDK', () => {
  const files = corpusPresent ? corpusFitFiles() : [];

  it('the corpus holds the files the fallback exists for', () => {
    expect(sdkRecords('muktihari-fit/triathlon_summary_last.fit').error).toBeDefined();
    expect(files.length).toBeGreaterThan(30);
  });

  for (const { file } of files) {
    it(`${file}: our decoder gives what the SDK gives (or reads what it cannot)`, () => {
      const budget = () => new Budget(resolveLimits());
      const bytes = readCorpusFile(file);
      if (sdkRecords(file).error !== undefined) {
        // Nothing to compare with: the import must have gone through our decoder, and said so.
        const warnings = parseFit(bytes, budget()).warnings.map((w) => w.message);
        expect(warnings.some((m) => m.includes("Stride's fallback decoder"))).toBe(true);
        return;
      }
      let sdk: ReturnType<typeof parseFit>;
      try {
        sdk = parseFit(bytes, budget());
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
        expect(() => parseFit(bytes, budget(), 'own')).toThrow((error as Error).message);
        return;
      }
      const own = parseFit(bytes, budget(), 'own');
      expect(own.warnings).toEqual(sdk.warnings);
      expect(own.activities).toHaveLength(sdk.activities.length);
      own.activities.forEach((a, k) => {
        expectSameActivity(a, sdk.activities[k]!, file);
      });
      expect(own.courses.map((c) => c.track.length)).toEqual(
        sdk.courses.map((c) => c.track.length),
      );
    });
  }
});

describe.skipIf(!corpusPresent)('FIT corpus: multisport, pool swims, same-second records', () => {
  const TRIATHLON = [
    ['Swim', 'openWater', undefined, 513.26],
    ['Workout', 'transition', 'Transition 1', 132.35],
    ['Ride', undefined, undefined, 13517.59],
    ['Workout', 'transition', 'Transition 2', 71.72],
    ['Run', undefined, undefined, 4491.51],
  ] as const;

  for (const order of ['last', 'first']) {
    it(`triathlon with the summary ${order}: 5 activities whose records cover the device's distances`, () => {
      const file = `muktihari-fit/triathlon_summary_${order}.fit`;
      const r = load(file);
      expect(r.warnings.map((w) => w.code).sort()).toEqual(['FIT_DECODE_FAILED', 'FIT_MULTISPORT']);
      expect(r.warnings.find((w) => w.code === 'FIT_DECODE_FAILED')!.message).toMatch(/fallback/);
      expect(r.activities.map((a) => [a.sport, a.subSport, a.name])).toEqual(
        TRIATHLON.map(([sport, sub, name]) => [sport, sub, name]),
      );
      r.activities.forEach((a, k) => {
        const device = TRIATHLON[k]![3];
        expect(a.multisport).toEqual({ index: k, count: 5 });
        expect(a.deviceTotals!.distanceM).toBe(device);
        expect(Math.abs(recordedDistance(a.track) - device) / device).toBeLessThan(0.005);
      });
      expect(r.activities.reduce((n, a) => n + a.laps.length, 0)).toBe(11);
      // 4043 records, 4 boundary records shared by back-to-back sessions
      expect(r.activities.reduce((n, a) => n + a.track.length, 0)).toBe(4043 + 4);
    });
  }

  it('the summary-first and summary-last triathlons give the same activities', () => {
    const a = load('muktihari-fit/triathlon_summary_first.fit').activities;
    const b = load('muktihari-fit/triathlon_summary_last.fit').activities;
    expect(a).toEqual(b);
  });

  it('a run → transition → rowing brick without GPS gives 3 indoor-told activities', () => {
    const r = load('sweatpy/6471559601_ACTIVITY.fit');
    expect(r.activities.map((a) => [a.sport, a.name, a.indoor])).toEqual([
      ['Run', undefined, true],
      ['Workout', 'Transition 1', undefined],
      ['Rowing', undefined, true],
    ]);
    expect(r.activities.map((a) => a.deviceTotals!.timerS)).toEqual([24.593, 11.763, 23.245]);
  });

  it('a pool swim exposes its 55 lengths, the 25 m pool and 1100 m of laps, no distance stream', () => {
    const a = load('rust_fit_file/20210709_pool_swim.fit').activities[0]!;
    expect([a.sport, a.subSport, a.indoor, a.poolLengthM]).toEqual([
      'Swim',
      'lapSwimming',
      true,
      25,
    ]);
    expect(a.lengths).toHaveLength(55);
    expect(a.lengths!.filter((l) => l.active)).toHaveLength(44);
    expect(a.lengths!.reduce((m, l) => m + l.distanceM, 0)).toBe(1100);
    expect(a.lengths!.find((l) => l.active)!.stroke).toBe('freestyle');
    expect(a.laps.reduce((m, l) => m + l.totals.distanceM!, 0)).toBeCloseTo(1100, 6);
    expect(a.track.distance).toBeNull();
    expect(a.deviceTotals!.distanceM).toBe(1100);
  });

  it.each([
    ['python-fitparse/2013-02-06-12-11-14.fit', 590, 7],
    ['fit/misc/0134902991.fit', 739, 24],
  ])('%s: records sharing a second become one sample', (file, records, pairs) => {
    expect(sameSecondRecords(file)).toBe(pairs);
    const t = load(file).activities[0]!.track;
    expect(t.length).toBe(records - pairs);
    for (let i = 1; i < t.length; i++) expect(t.time[i]).not.toBe(t.time[i - 1]);
  });

  it('the later record of a same-second pair gives the sample its distance', () => {
    // 804.1 m then 805.44 m at 12:17:46Z
    const t = load('python-fitparse/2013-02-06-12-11-14.fit').activities[0]!.track;
    const at = Date.parse('2013-02-06T12:17:46Z') / 1000;
    const i = t.time.indexOf(at);
    expect(t.distance![i]).toBeCloseTo(805.44, 2);
  });

  it.each([
    ['rust_fit_file/20210218_zwift.fit', 'VirtualRide', true],
    ['fit/misc/0134902991.fit', 'VirtualRide', true], // indoor_cycling with a virtual world's GPS
    ['sweatpy/6449921903_ACTIVITY.fit', 'Ride', true],
    ['fitparse-rs/hrv-activity.fit', 'Ride', true],
    ['python-fitparse/sample-activity-indoor-trainer.fit', 'Ride', true],
    ['sweatpy/4801048867.fit', 'Ride', false],
    ['python-fitparse/activity-small-fenix2-run.fit', 'Run', false],
  ])('%s is a %s, indoor %s', (file, sport, indoor) => {
    const a = load(file).activities[0]!;
    expect([a.sport, a.indoor]).toEqual([sport, indoor]);
  });

  it('a FIT workout file is refused with its reason; a FIT course stays a course', () => {
    let error: unknown;
    try {
      load('rust_fit_file/trainingpeaks_export.fit');
    } catch (e) {
      error = e;
    }
    expect((error as FormatError).code).toBe('NO_ACTIVITY');
    expect((error as FormatError).message).toMatch(/planned workout/);
    const course = load('coursepointer/cptr003_connect.fit');
    expect(course.activities).toEqual([]);
    expect(course.courses[0]!.track.length).toBe(2075);
    expect(codes('coursepointer/cptr003_connect.fit')).toEqual([]);
  });
});

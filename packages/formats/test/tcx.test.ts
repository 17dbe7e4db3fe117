import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importActivityFile, mapSport } from '../src/index.js';
import { CORPUS_DIR, corpusPresent, readCorpusFile } from './helpers/corpus.js';
import { fixture, utf8 } from './helpers/fixtures.js';

const T0 = Date.UTC(2024, 0, 1, 8) / 1000;
const at = (s: number) => new Date((T0 + s) * 1000).toISOString();
const tcx = (sport: string, laps: string) =>
  utf8(`<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2" xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2">
    <Activities><Activity Sport="${sport}"><Id>${at(0)}</Id>${laps}</Activity></Activities></TrainingCenterDatabase>`);
const lap = (start: number, timer: number, distance: number | null, points: string) =>
  `<Lap StartTime="${at(start)}"><TotalTimeSeconds>${timer}</TotalTimeSeconds>${
    distance === null ? '' : `<DistanceMeters>${distance}</DistanceMeters>`
  }<Track>${points}</Track></Lap>`;
/** A trackpoint: time offset, then optional position [lat, lon], distance and heart rate. */
const pt = (s: number, o: { pos?: [number, number]; d?: number; hr?: number } = {}) =>
  `<Trackpoint><Time>${at(s)}</Time>${
    o.pos
      ? `<Position><LatitudeDegrees>${o.pos[0]}</LatitudeDegrees><LongitudeDegrees>${o.pos[1]}</LongitudeDegrees></Position>`
      : ''
  }${o.d === undefined ? '' : `<DistanceMeters>${o.d}</DistanceMeters>`}${
    o.hr === undefined ? '' : `<HeartRateBpm><Value>${o.hr}</Value></HeartRateBpm>`
  }</Trackpoint>`;
const inCorpus = (file: string) => corpusPresent && existsSync(join(CORPUS_DIR, file));

describe('TCX import', () => {
  const r = importActivityFile(fixture('two-activities.tcx'));

  it('gives each <Activity> its own activity with its sport', () => {
    expect(r.format).toBe('tcx');
    expect(r.activities.map((a) => a.sport)).toEqual(['Ride', 'Run']);
    expect(r.activities[0]!.startTime).toBe(Date.UTC(2024, 2, 2, 9) / 1000);
    expect(r.creator).toBe('Garmin Connect API');
  });

  it('reads distance, heart rate, cadence, speed and Watts from the extension namespace', () => {
    const t = r.activities[0]!.track;
    expect(t.length).toBe(3);
    expect(Array.from(t.distance!)).toEqual([0, 75, 80]);
    expect(Array.from(t.heartRate!)).toEqual([125, 135, 128]);
    expect(t.cadence![0]).toBe(84);
    expect(t.speed![0]).toBe(7.5);
    expect(Array.from(t.power!)).toEqual([180, 200, Number.NaN]);
    expect(t.elevation![1]).toBe(201);
  });

  it('keeps a trackpoint without a position, with NaN coordinates', () => {
    const t = r.activities[0]!.track;
    expect(Number.isNaN(t.lat[2]!)).toBe(true);
    expect(t.time[2]).toBe(Date.UTC(2024, 2, 2, 9, 1, 10) / 1000);
  });

  it('keeps laps with their own totals, including a lap with an empty track', () => {
    const laps = r.activities[0]!.laps;
    expect(laps).toHaveLength(2);
    expect(laps[0]).toMatchObject({ startIndex: 0, endIndex: 3, trigger: 'Manual' });
    expect(laps[0]!.totals).toEqual({
      timerS: 20,
      distanceM: 150.5,
      maxSpeedMps: 8.1,
      calories: 12,
      avgHr: 130,
      maxHr: 140,
      avgCadence: 85,
    });
    expect(laps[1]).toMatchObject({ startIndex: 3, endIndex: 3, trigger: 'Distance' });
  });

  it('sums lap totals into device totals', () => {
    const totals = r.activities[0]!.deviceTotals!;
    expect(totals.distanceM).toBe(250.5);
    expect(totals.timerS).toBe(50);
    expect(totals.calories).toBe(20);
    expect(totals.maxHr).toBe(150);
    expect(totals.avgHr).toBeCloseTo((130 * 20 + 120 * 30) / 50, 6);
  });

  it('reads a new <Track> after a gap inside one lap as a pause', () => {
    const base = Date.UTC(2024, 2, 2, 9) / 1000;
    expect(r.activities[0]!.pauses).toEqual([{ start: base + 10, end: base + 70 }]);
    expect(r.activities[1]!.pauses).toEqual([]);
  });

  it('reads the creator device and run cadence', () => {
    expect(r.activities[0]!.device).toEqual({
      name: 'Edge 530',
      product: '3121',
      softwareVersion: '9.10',
    });
    expect(r.activities[1]!.track.cadence![1]).toBe(88);
  });

  it('keeps an activity that has lap totals but no trackpoints, with a warning', () => {
    const e = importActivityFile(fixture('empty-activity.tcx'));
    expect(e.activities[0]!.track.length).toBe(0);
    expect(e.activities[0]!.deviceTotals).toMatchObject({ timerS: 1800, calories: 200 });
    expect(e.activities[0]!.sport).toBe('Workout'); // Sport="Other"
    expect(e.warnings.map((w) => w.code)).toEqual(['EMPTY_TRACK']);
  });

  it('reads a TCX <Course> as a course, not an activity', () => {
    const tcx = `<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"><Courses><Course><Name>Loop</Name>
      <Track><Trackpoint><Time>2024-01-01T00:00:00Z</Time><Position><LatitudeDegrees>1</LatitudeDegrees><LongitudeDegrees>2</LongitudeDegrees></Position></Trackpoint></Track>
      </Course></Courses></TrainingCenterDatabase>`;
    const c = importActivityFile(new TextEncoder().encode(tcx));
    expect(c.activities).toEqual([]);
    expect(c.courses.map((x) => [x.name, x.track.length])).toEqual([['Loop', 1]]);
  });

  it('carries distance that only the laps state to the activity, inventing no distance stream', () => {
    const a = importActivityFile(
      tcx(
        'Running',
        lap(0, 300, 1000, pt(0, { hr: 120 }) + pt(150, { hr: 130 }) + pt(300, { hr: 135 })) +
          lap(300, 290, 1000.5, pt(450, { hr: 140 }) + pt(590, { hr: 150 })),
      ),
    ).activities[0]!;
    expect(a.laps.map((l) => l.totals.distanceM)).toEqual([1000, 1000.5]);
    expect(a.deviceTotals!.distanceM).toBe(2000.5);
    expect(a.track.distance).toBeNull();
    expect(a.track.heartRate!.length).toBe(5);
    expect(a.indoor).toBe(true); // no point has a fix
  });

  it("keeps the file's distances as they are, even when the first is not zero", () => {
    const t = importActivityFile(
      tcx(
        'Biking',
        lap(0, 10, 20, pt(0, { pos: [45, 7], d: 500 }) + pt(10, { pos: [45, 7.0003], d: 520 })),
      ),
    ).activities[0]!;
    expect(Array.from(t.track.distance!)).toEqual([500, 520]);
    expect(t.indoor).toBeUndefined();
  });

  it('folds trackpoints sharing a time into one sample, the later non-missing value winning', () => {
    const a = importActivityFile(
      tcx(
        'Running',
        lap(
          0,
          2,
          null,
          pt(0, { pos: [45, 7], d: 0 }) +
            pt(0, { hr: 120 }) +
            pt(1, { hr: 121 }) +
            pt(1, { pos: [45, 7.0001], d: 3, hr: 125 }),
        ),
      ),
    ).activities[0]!;
    const t = a.track;
    expect(Array.from(t.time)).toEqual([T0, T0 + 1]);
    expect(Array.from(t.lat)).toEqual([45, 45]);
    expect(Array.from(t.heartRate!)).toEqual([120, 125]);
    expect(Array.from(t.distance!)).toEqual([0, 3]);
  });

  it("folds a lap's last point repeated as the next lap's first, leaving the laps apart", () => {
    // Garmin Connect's TCX export: each lap's own <Track> opens on the previous lap's last point
    const same = { pos: [45, 7.0002] as [number, number], d: 20, hr: 130 };
    const a = importActivityFile(
      tcx(
        'Biking',
        lap(
          0,
          2,
          20,
          pt(0, { pos: [45, 7], d: 0 }) + pt(1, { pos: [45, 7.0001], d: 10 }) + pt(2, same),
        ) +
          lap(
            2,
            2,
            20,
            pt(2, same) + pt(3, { pos: [45, 7.0003], d: 30 }) + pt(4, { pos: [45, 7.0004], d: 40 }),
          ),
      ),
    ).activities[0]!;
    expect(a.track.length).toBe(5);
    expect(a.laps.map((l) => [l.startIndex, l.endIndex])).toEqual([
      [0, 3],
      [3, 5],
    ]);
    expect(a.pauses).toEqual([]);
  });

  it("reads the time between one lap's timer end and the next lap's start as a pause", () => {
    const a = importActivityFile(
      tcx(
        'Running',
        lap(0, 60, 200, pt(0, { d: 0 }) + pt(60, { d: 200 })) +
          lap(100, 50.4, 180, pt(100, { d: 200 }) + pt(150, { d: 380 })) +
          // a whole-second StartTime after a fractional timer is rounding, not a pause
          lap(151, 20, 60, pt(151, { d: 385 }) + pt(171, { d: 440 })),
      ),
    ).activities[0]!;
    expect(a.laps.map((l) => l.totals.timerS)).toEqual([60, 50.4, 20]);
    expect(a.pauses).toEqual([{ start: T0 + 60, end: T0 + 100 }]);
    expect(a.deviceTotals).toMatchObject({ timerS: 130.4, elapsedS: 171 });
  });

  it('reads a Sport="Other" activity with one unpositioned point per pool length as a pool swim', () => {
    const lengths = [0, 25, 50, 75, 100, 125, 150, 150].map((d, k) => pt(k * 40, { d }));
    const a = importActivityFile(tcx('Other', lap(0, 280, 150, lengths.join('')))).activities[0]!;
    expect(a.sport).toBe('Swim');
    expect(a.sourceSport).toBe('Other');
    expect(a.poolLengthM).toBe(25);
    expect(a.indoor).toBe(true);
    expect(a.deviceTotals!.distanceM).toBe(150);
  });

  it('does not take other indoor files, or a stated sport, for a pool swim', () => {
    const treadmill = [0, 3.1, 6.3, 9.2, 12.5, 15.4].map((d, k) => pt(k, { d })).join('');
    const other = importActivityFile(tcx('Other', lap(0, 5, 15.4, treadmill))).activities[0]!;
    expect(other.sport).toBe(mapSport('Other'));
    expect(other.poolLengthM).toBeUndefined();
    const steps = [0, 25, 50, 75, 100, 125].map((d, k) => pt(k * 40, { d })).join('');
    const run = importActivityFile(tcx('Running', lap(0, 200, 125, steps))).activities[0]!;
    expect(run.sport).toBe('Run');
    expect(run.poolLengthM).toBeUndefined();
    const outdoors = [0, 25, 50, 75, 100, 125].map((d, k) =>
      pt(k * 40, { d, pos: [45, 7 + k / 1e4] }),
    );
    const swimLike = importActivityFile(tcx('Other', lap(0, 200, 125, outdoors.join(''))))
      .activities[0]!;
    expect(swimLike.poolLengthM).toBeUndefined();
  });
});

describe.skipIf(!inCorpus('sport-activities-features/pool_swim-activity_1.tcx'))(
  'TCX files of the corpus',
  () => {
    const read = (f: string) => importActivityFile(readCorpusFile(f)).activities[0]!;

    it('reads the vivoactive HR pool swim (Sport="Other") as a 1500 m swim in a 50 m pool', () => {
      const a = read('sport-activities-features/pool_swim-activity_1.tcx');
      expect(a.sport).toBe('Swim');
      expect(a.poolLengthM).toBe(50);
      expect(a.indoor).toBe(true);
      expect(a.laps[0]!.totals).toMatchObject({ distanceM: 1500, calories: 329 });
      expect(a.deviceTotals!.distanceM).toBe(1500);
      expect(a.track.length).toBe(32);
    });

    it('leaves the open-water swim, which nothing marks as a swim, to the sport table', () => {
      const a = read('sport-activities-features/swimming_activity_1.tcx');
      expect(a.sourceSport).toBe('Other');
      expect(a.sport).toBe(mapSport('Other'));
      expect(a.deviceTotals!.distanceM).toBeCloseTo(1330.32, 2);
      expect(a.indoor).toBeUndefined(); // 975 of 1317 points have a fix
      // the pressure altitude under water (-299..16 m) is the file's: statistics judge it
      expect(a.track.elevation!.length).toBe(1317);
    });

    it('keeps all 465 points of the Fitbit excerpt, whose lap states more than its points cover', () => {
      const a = read('togeojson/tour_hr.tcx');
      expect(a.track.length).toBe(465);
      expect(a.track.time[464]! - a.track.time[0]!).toBe(463);
      expect(a.track.distance![0]).toBeCloseTo(2604.45, 2);
      expect(a.deviceTotals!.distanceM).toBeCloseTo(6839.97, 2);
      expect(a.deviceTotals!.timerS).toBe(2283);
    });

    it('reads the Edge 1000 export as its 96 records, 5 laps and no pause the file states', () => {
      const a = read('sweatpy/activity_5039744860.tcx');
      expect(a.track.length).toBe(96); // the FIT file has 96 records; 4 lap-boundary repeats fold
      expect(a.laps.map((l) => l.endIndex - l.startIndex).reduce((x, y) => x + y, 0)).toBe(96);
      expect(a.deviceTotals).toMatchObject({ timerS: 126, elapsedS: 126 });
      expect(a.pauses).toEqual([]);
    });

    it('reads the Polar export: the Track break inside lap 2 is the pause between timer and elapsed', () => {
      const a = read('sweatpy/3173437224.tcx');
      expect(a.laps).toHaveLength(2);
      expect(a.pauses).toHaveLength(1);
      expect(a.pauses[0]!.end - a.pauses[0]!.start).toBeCloseTo(398.719, 3);
      expect(a.deviceTotals!.timerS).toBe(3510);
      expect(a.deviceTotals!.elapsedS).toBeCloseTo(3903.719, 3);
    });
  },
);

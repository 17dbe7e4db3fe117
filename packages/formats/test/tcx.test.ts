import { describe, expect, it } from 'vitest';
import { importActivityFile } from '../src/index.js';
import { fixture } from './helpers/fixtures.js';

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
});

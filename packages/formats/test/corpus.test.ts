import { afterAll, describe, expect, it } from 'vitest';
import { FormatError, type ImportResult, importActivityFile } from '../src/index.js';
import {
  CORPUS_DIR,
  corpusPresent,
  readCorpusFile,
  readExpected,
  readManifest,
} from './helpers/corpus.js';
import { sameSecondRecords } from './helpers/fit-corpus.js';
import {
  durationS,
  pathLengthM,
  positioned,
  printTable,
  type Row,
  summarise,
} from './helpers/summary.js';

if (!corpusPresent) {
  console.warn(
    `\n[formats] shared corpus not found at ${CORPUS_DIR}: corpus suite not run (fresh clone); the fixture suites still run.\n`,
  );
}

const iso = (s: number) => new Date(Math.round(s * 1000)).toISOString();
const allPoints = (r: ImportResult) =>
  r.activities.reduce((n, a) => n + a.track.length, 0) +
  r.courses.reduce((n, c) => n + c.track.length, 0);
const routePoints = (r: ImportResult) =>
  r.courses.filter((c) => c.kind === 'route').reduce((n, c) => n + c.track.length, 0);
const warningCount = (r: ImportResult, code: string) => {
  const w = r.warnings.find((x) => x.code === code);
  return w ? (w.count ?? 1) : 0;
};
const codes = (r: ImportResult) => r.warnings.map((w) => w.code).sort();

/**
 * Points that repeat the time and position of the point before them, read as one sample with
 * it: the corpus' counts (and togeojson's) count them apart.
 */
const FOLDED: Record<string, number> = {
  // the first track: 60 points, 20 at each of 3 (time, position) pairs
  'togeojson/osm.gpx': 57,
};

/**
 * What we assert per file beyond the generic checks: values from expected.json (other projects'
 * parsers, compared with tolerances) and the outcome we chose for the broken files.
 */
const SPECIFIC: Record<
  string,
  (r: ImportResult, expected: Record<string, { value: unknown }> | undefined) => void
> = {
  'OpenTracks/legacy_gpx_pause_resume.gpx': (r, e) => {
    const a = r.activities[0]!;
    // OpenTracks imports 6 points: 4 real ones + a pause and a resume marker. We keep the 4 and one pause.
    expect(a.track.length + 2 * a.pauses.length).toBe(e!.imported_trackpoints!.value);
    expect(a.name).toBe(e!.track_name!.value);
    expect(codes(r)).toEqual(['PAUSE_MARKERS']);
  },
  'gpxgo/file.gpx': (r, e) => {
    const a = r.activities[0]!;
    expect(pathLengthM(a.track)).toBeCloseTo(e!.length_2d_m!.value as number, -1); // ±5 m: gpxgo's earth radius differs
    expect(durationS(a.track)).toBe(e!.duration_s!.value);
    expect(iso(a.startTime)).toBe(new Date(e!.start_time!.value as string).toISOString());
    expect(Math.min(...a.track.elevation!)).toBeCloseTo(e!.elevation_min_m!.value as number, 2);
    expect(Math.max(...a.track.elevation!)).toBeCloseTo(e!.elevation_max_m!.value as number, 2);
    expect(a.track.cadence).not.toBeNull();
  },
  'gpxgo/graphhopper.gpx.gz': (r, e) => {
    expect(r.compressed).toBe(true);
    const trk = [
      ...r.activities.map((a) => a.track),
      ...r.courses.filter((c) => c.kind === 'track').map((c) => c.track),
    ];
    expect(trk).toHaveLength(e!.tracks!.value as number);
    expect(trk[0]!.length).toBe(e!.track_points!.value);
    expect(r.courses.some((c) => c.kind === 'route' && c.track.length === 22)).toBe(true);
  },
  'gpxpy/Mojstrovka.gpx': (r, e) => {
    const t = r.activities[0]!.track;
    expect(t.elevation![0]).toBeCloseTo(e!.first_point_elevation_m!.value as number, 3);
    const first = Date.parse(e!.first_point_time!.value as string) / 1000;
    expect(t.time[0]).toBeCloseTo(first + 0.000343, 5); // 1901, 7-digit fraction
    expect(t.time[1]).toBeCloseTo(Date.parse(e!.second_point_time!.value as string) / 1000, 5);
    expect(codes(r)).toContain('TIME_BACKWARDS');
  },
  'gpxpy/cerknicko-jezero-without-elevations.gpx': (r) => {
    for (const a of r.activities) expect(a.track.elevation).toBeNull();
  },
  'gpxpy/cerknicko-jezero.gpx': (r, e) => {
    expect(r.creator).toBe(e!.creator!.value);
    expect(r.waypoints).toHaveLength(7);
  },
  'gpxpy/cerknicko-without-times.gpx': (r) => {
    // has_times() is False in gpxpy: the untimed tracks become courses; 5 timed points remain activities
    const timed = r.activities.reduce(
      (n, a) => n + a.track.time.filter((t) => !Number.isNaN(t)).length,
      0,
    );
    expect(timed).toBe(5);
    expect(r.courses.length).toBeGreaterThan(0);
  },
  'togeojson/osm.gpx': (r) => {
    expect(r.activities.map((a) => a.track.length)).toEqual([3, 115]);
    expect(r.courses.map((c) => c.track.length)).toEqual([245]);
  },
  'gpxpy/korita-zbevnica.gpx': (r) => {
    // 4 tracks: track 0 empty (skipped), track 1 without times (course), tracks 2-3 timed (activities)
    expect(r.activities).toHaveLength(2);
    expect(r.courses.map((c) => c.kind)).toEqual(['track']);
    expect(codes(r)).toEqual(['EMPTY_TRACK', 'TRACK_WITHOUT_TIME']);
  },
  'python-tcxparser/test.tcx': (r, e) => {
    const a = r.activities[0]!;
    const d = a.track.distance!.filter((v) => !Number.isNaN(v)); // tcxparser: the last DistanceMeters
    expect(d[d.length - 1]).toBeCloseTo(e!.distance_m!.value as number, 2);
    expect(a.deviceTotals!.timerS).toBeCloseTo(e!.duration_s!.value as number, 2);
    expect(a.deviceTotals!.calories).toBe(e!.calories!.value);
    expect(iso(a.startTime)).toBe(new Date(e!.started_at!.value as string).toISOString());
    expect(Math.max(...a.track.heartRate!.filter((v) => !Number.isNaN(v)))).toBe(e!.hr_max!.value);
    expect(Math.min(...a.track.heartRate!.filter((v) => !Number.isNaN(v)))).toBe(e!.hr_min!.value);
    expect(a.laps).toHaveLength(3);
  },
  'python-tcxparser/no_hr.tcx': (r) => {
    expect(r.activities[0]!.track.heartRate).toBeNull();
  },
  'togeojson/garmin_connect.tcx': (r, e) => {
    const t = r.activities[0]!.track;
    const features = e!.features!.value as { points: number }[];
    expect(positioned(t)).toBe(features[0]!.points); // togeojson drops the point without position; we keep it with NaN lat/lon
    expect(t.power).not.toBeNull();
    expect(t.cadence).not.toBeNull();
  },
  'python-fitparse/activity-filecrc.fit': (r) => {
    expect(codes(r)).toEqual(['FIT_CRC_MISMATCH']);
    let refused: unknown;
    try {
      importActivityFile(readCorpusFile('python-fitparse/activity-filecrc.fit'), {
        strictCrc: true,
      });
    } catch (error) {
      refused = error;
    }
    expect((refused as FormatError).code).toBe('FIT_CRC_MISMATCH');
  },
  'python-fitparse/activity-unexpected-eof.fit': (r) => expect(codes(r)).toEqual(['FIT_TRUNCATED']),
  'python-fitparse/activity-settings-corruptheader.fit': (r) =>
    expect(codes(r)).toEqual(['FIT_HEADER_INVALID']),
  'python-fitparse/nick.fit': (r) => {
    expect(codes(r)).toEqual(['FIT_TRUNCATED']);
    expect(r.activities[0]!.track.power).not.toBeNull();
  },
  'python-fitparse/strava-android-app-201.10-b1218918.fit': (r) => {
    expect(codes(r)).toEqual(['FIT_DECODE_FAILED', 'POINT_SKIPPED']);
    expect(r.warnings.find((w) => w.code === 'FIT_DECODE_FAILED')!.location!.offset).toBe(7471);
    expect(durationS(r.activities[0]!.track)).toBeLessThan(3600);
  },
  'python-fitparse/garmin-edge-500-activity.fit': (r, e) => {
    const t = r.activities[0]!.track;
    // 15 pairs of records share a second: each pair is one sample
    expect(sameSecondRecords('python-fitparse/garmin-edge-500-activity.fit')).toBe(15);
    expect(t.length + 15).toBe(e!.record_messages!.value);
    expect(t.distance![t.length - 1]).toBeCloseTo(e!.final_record_distance_m!.value as number, 2);
    expect([t.heartRate![0], t.cadence![0], t.speed![0], t.temperature![0]]).toEqual([
      161,
      71,
      expect.closeTo(5.888, 3),
      21,
    ]);
    expect(t.elevation![0]).toBeCloseTo(75.2, 1);
    expect(iso(t.time[0]!)).toBe('2011-09-25T13:00:22.000Z'); // 06:00:22 PDT
    expect(r.activities[0]!.pauses.length).toBeGreaterThan(40); // 48 timer stops
  },
  'python-fitparse/compressed-speed-distance.fit': (r, e) => {
    const t = r.activities[0]!.track;
    expect(t.time[0]! - 631_065_600).toBe(e!.first_record_timestamp_raw!.value);
    expect(t.length - 1).toBe(e!.records_compared_after_first!.value);
    expect(t.distance![t.length - 1]).toBeCloseTo(e!.final_record_distance_m!.value as number, 3);
    expect(codes(r)).toEqual(['FIT_RELATIVE_TIMESTAMPS']);
  },
  'python-fitparse/2019-02-17-062644-ELEMNT-297E-195-0.fit': (r, e) => {
    expect(r.activities[0]!.deviceTotals!.avgSpeedMps).toBeCloseTo(
      e!.session_avg_speed_mps!.value as number,
      2,
    );
    expect(r.activities[0]!.pauses.length).toBeGreaterThan(50); // 57 timer stops
  },
  'python-fitparse/sample_mulitple_header.fit': (r) => {
    expect(r.activities.map((a) => a.sport)).toEqual(['Swim', 'Workout', 'Ride', 'Workout', 'Run']);
    expect(r.activities.map((a) => a.name)).toEqual([
      undefined,
      'Transition 1',
      undefined,
      'Transition 2',
      undefined,
    ]);
    expect(codes(r)).toEqual(['FIT_MULTISPORT']);
  },
  'python-fitparse/activity-large-fenxi2-multisport.fit': (r) => {
    // The manifest lists 6 sessions; the file's activity message says 7: a last cycling session
    // (28.9 km) follows the final transition. A generic session is a Workout.
    expect(r.activities.map((a) => a.sport)).toEqual([
      'Workout',
      'Workout',
      'Run',
      'Workout',
      'Run',
      'Workout',
      'Ride',
    ]);
    expect(r.activities.map((a) => a.multisport!.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(r.activities[6]!.deviceTotals!.distanceM).toBeCloseTo(28928.27, 2);
    expect(codes(r)).toEqual(['FIT_MULTISPORT', 'TIME_BACKWARDS']);
  },
  'python-fitparse/sample-activity-indoor-trainer.fit': (r) => {
    expect(positioned(r.activities[0]!.track)).toBe(0);
    expect(r.activities[0]!.track.power).not.toBeNull();
  },
  'fitdecode/garmin-fr935-cr.fit': (r) => {
    expect(r.activities[0]!.sport).toBe('Swim');
    expect(r.activities[0]!.track.heartRate).not.toBeNull();
  },
};

/** togeojson's features count points per <trk> (timed or not) — compare with ours per track. */
function togeojsonCounts(r: ImportResult): number[] {
  return [
    ...r.activities.map((a) => positioned(a.track)),
    ...r.courses.filter((c) => c.kind === 'track').map((c) => c.track.length),
  ].sort((a, b) => a - b);
}

describe.runIf(corpusPresent)(`shared corpus (${CORPUS_DIR})`, () => {
  const manifest = corpusPresent ? readManifest() : [];
  const expected = corpusPresent ? readExpected() : {};
  const rows: Row[] = [];
  afterAll(() => {
    console.log(`\nCorpus: ${rows.length} files\n${printTable(rows)}\n`);
  });

  for (const entry of manifest) {
    it(`${entry.file} imports or is refused with a reason`, () => {
      let result: ImportResult | undefined;
      try {
        result = importActivityFile(readCorpusFile(entry.file));
      } catch (error) {
        if (!(error instanceof FormatError)) throw error;
        rows.push({
          file: entry.file,
          outcome: 'refused',
          points: '-',
          distance: '-',
          duration: '-',
          reason: `${error.code}: ${error.message}`,
        });
      }
      // Every file in this corpus holds a usable activity or route: none may be refused.
      expect(result, `${entry.file} was refused`).toBeDefined();
      const r = result!;
      rows.push(summarise(entry.file, r));
      expect(r.format).toBe(entry.format.slice(0, 3).toLowerCase());
      const exp = expected[entry.file]?.values;

      if (entry.observedPoints !== undefined) {
        // the corpus counts trkpts (not route points); OpenTracks markers and damaged points are not kept
        const skipped =
          warningCount(r, 'POINT_SKIPPED') +
          warningCount(r, 'PAUSE_MARKERS') +
          (FOLDED[entry.file] ?? 0);
        const points = entry.format.startsWith('GPX')
          ? allPoints(r) - routePoints(r)
          : allPoints(r);
        // FIT records sharing a timestamp become one sample
        const merged = entry.format === 'FIT' ? sameSecondRecords(entry.file) : 0;
        if (entry.sessions.length > 1) {
          // multisport: every session is an activity (transitions too); back-to-back sessions
          // share their boundary record
          const sessions = r.activities.length;
          expect(sessions).toBeGreaterThanOrEqual(entry.sessions.length);
          expect(allPoints(r) + merged).toBeLessThanOrEqual(entry.observedPoints + sessions - 1);
          expect(allPoints(r) + merged).toBeGreaterThanOrEqual(entry.observedPoints);
          expect(entry.sessions.map((s) => s.distanceM)).toEqual(
            entry.sessions.map((_, k) => r.activities[k]!.deviceTotals!.distanceM),
          );
        } else if (skipped === 0) {
          expect(points + merged).toBe(entry.observedPoints);
        } else {
          // a skipped record may also be one that shared its timestamp
          expect(points + skipped).toBeLessThanOrEqual(entry.observedPoints);
          expect(points + skipped + merged).toBeGreaterThanOrEqual(entry.observedPoints);
        }
      }
      if (entry.sessions.length === 1) {
        const s = entry.sessions[0]!;
        const totals = r.activities[0]!.deviceTotals!;
        expect(totals.distanceM).toBeCloseTo(s.distanceM, 1);
        if (s.timerS !== undefined) expect(totals.timerS).toBeCloseTo(s.timerS, 1);
        if (s.elapsedS !== undefined) expect(totals.elapsedS).toBeCloseTo(s.elapsedS, 1);
      }
      const features = exp?.features?.value as { points: number | number[] }[] | undefined;
      if (features) {
        const theirs = features
          .map((f) => (Array.isArray(f.points) ? f.points.reduce((a, b) => a + b, 0) : f.points))
          .sort((a, b) => a - b);
        if (entry.format === 'GPX') {
          const ours = togeojsonCounts(r);
          if (FOLDED[entry.file]) {
            expect(ours.reduce((a, b) => a + b, 0) + FOLDED[entry.file]!).toBe(
              theirs.reduce((a, b) => a + b, 0),
            );
          } else expect(ours).toEqual(theirs);
        }
        // togeojson MultiLineString parts are our segments: the gaps between them are pauses
        const parts = features[0]!.points;
        if (Array.isArray(parts)) expect(r.activities[0]!.pauses).toHaveLength(parts.length - 1);
      }
      SPECIFIC[entry.file]?.(r, exp);
    });
  }

  it('has a row for every corpus file', () => {
    expect(new Set(rows.map((r) => r.file)).size).toBe(manifest.length);
  });
});

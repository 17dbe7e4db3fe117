import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importActivityFile } from '../src/index.js';
import { CORPUS_DIR, corpusPresent, readCorpusFile } from './helpers/corpus.js';
import { expectCode, fixture, utf8 } from './helpers/fixtures.js';

const gpx = (body: string) =>
  utf8(
    `<gpx version="1.1" creator="test" xmlns:gpxdata="http://www.cluetrust.com/XML/GPXDATA/1/0">${body}</gpx>`,
  );
const T0 = Date.UTC(2024, 0, 1, 8) / 1000;
const at = (s: number) => new Date((T0 + s) * 1000).toISOString();
const count = (column: ArrayLike<number> | null) =>
  column ? Array.from(column).filter((v) => !Number.isNaN(v)).length : 0;
const inCorpus = (file: string) => corpusPresent && existsSync(join(CORPUS_DIR, file));

describe('GPX import', () => {
  it('reads TrackPointExtension v2 heart rate, cadence, temperature and power into columns', () => {
    const r = importActivityFile(fixture('run-tpx-v2-segments.gpx'));
    expect(r.format).toBe('gpx');
    expect(r.activities).toHaveLength(1);
    const a = r.activities[0]!;
    expect(a.sport).toBe('Run');
    expect(a.name).toBe('Morning Run');
    expect(a.device?.name).toBe('Garmin Connect');
    const t = a.track;
    expect(t.length).toBe(5);
    expect(Array.from(t.heartRate!)).toEqual([120, 122, 125, 118, Number.NaN]);
    expect(Array.from(t.cadence!)).toEqual([80, 82, Number.NaN, Number.NaN, Number.NaN]);
    expect(t.temperature![0]).toBe(18.5);
    expect(t.power![0]).toBe(210);
    expect(t.power![3]).toBe(250); // un-namespaced <power>, as Strava and others write it
    expect(t.elevation![2]).toBeCloseTo(36.0, 5);
    expect(Number.isNaN(t.elevation![4]!)).toBe(true);
    expect(t.lat[0]).toBe(48.8566);
    expect(t.lon[1]).toBe(2.3524);
  });

  it('parses fractional seconds and time-zone offsets to epoch seconds', () => {
    const t = importActivityFile(fixture('run-tpx-v2-segments.gpx')).activities[0]!.track;
    const base = Date.UTC(2024, 4, 1, 6, 0, 0) / 1000;
    expect(t.time[0]).toBe(base);
    expect(t.time[2]).toBe(base + 2.5);
    // 06:01:01+02:00 is 04:01:01Z
    expect(t.time[4]).toBe(Date.UTC(2024, 4, 1, 4, 1, 1) / 1000);
  });

  it('turns the gap between two segments into a pause', () => {
    const a = importActivityFile(fixture('run-tpx-v2-segments.gpx')).activities[0]!;
    const base = Date.UTC(2024, 4, 1, 6, 0, 0) / 1000;
    expect(a.pauses).toEqual([{ start: base + 2.5, end: base + 60 }]);
  });

  it('keeps routes as courses and waypoints apart from activities', () => {
    const r = importActivityFile(fixture('run-tpx-v2-segments.gpx'));
    expect(r.courses).toHaveLength(1);
    expect(r.courses[0]!.kind).toBe('route');
    expect(r.courses[0]!.name).toBe('Planned loop');
    expect(r.courses[0]!.track.length).toBe(3);
    expect(r.waypoints).toEqual([
      { lat: 48.8566, lon: 2.3522, elevation: 35, name: 'Start & finish', symbol: 'Flag' },
    ]);
  });

  it('reads GPX 1.0 with a byte-order mark, CRLF line ends and an undeclared namespace prefix', () => {
    const r = importActivityFile(fixture('bom-crlf-gpx10.gpx'));
    const a = r.activities[0]!;
    expect(a.sport).toBe('Ride');
    // the point without lat is skipped and reported; the one without time is kept
    expect(a.track.length).toBe(4);
    expect(a.track.heartRate![0]).toBe(101);
    expect(a.track.cadence![0]).toBe(70);
    expect(Number.isNaN(a.track.time[2]!)).toBe(true);
    expect(Number.isNaN(a.track.elevation![1]!)).toBe(true);
    expect(r.warnings.map((w) => w.code).sort()).toEqual(['MISSING_TIME', 'POINT_SKIPPED']);
  });

  it('decodes the encoding named in the XML declaration', () => {
    const r = importActivityFile(fixture('latin1.gpx'));
    expect(r.activities[0]!.name).toBe('Ausfahrt Köln-Düsseldorf');
  });

  it('reads a track with no timestamps as a course, not an activity', () => {
    const gpx = `<gpx version="1.1" creator="planner"><trk><name>Plan</name><trkseg>
      <trkpt lat="1" lon="1"/><trkpt lat="1.001" lon="1.001"/></trkseg></trk></gpx>`;
    const r = importActivityFile(utf8(gpx));
    expect(r.activities).toHaveLength(0);
    expect(r.courses[0]).toMatchObject({ kind: 'track', name: 'Plan' });
    expect(r.warnings[0]!.code).toBe('TRACK_WITHOUT_TIME');
  });

  it("keeps impossible coordinates as they are (cleaning is core's job)", () => {
    const gpx = `<gpx version="1.1"><trk><trkseg><trkpt lat="91.5" lon="400"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`;
    const t = importActivityFile(utf8(gpx)).activities[0]!.track;
    expect([t.lat[0], t.lon[0]]).toEqual([91.5, 400]);
  });

  it('translates OpenTracks lat=100/lat=200 markers into a pause and drops the marker points', () => {
    const gpx = `<gpx version="1.1"><trk><trkseg>
      <trkpt lat="3" lon="14"><time>2021-01-07T21:51:59Z</time></trkpt>
      <trkpt lat="100" lon="0"><time>2021-01-07T21:52:02Z</time></trkpt>
      <trkpt lat="200" lon="0"><time>2021-01-07T21:52:30Z</time></trkpt>
      <trkpt lat="3" lon="14.001"><time>2021-01-07T21:52:31Z</time></trkpt></trkseg></trk></gpx>`;
    const a = importActivityFile(utf8(gpx)).activities[0]!;
    expect(a.track.length).toBe(2);
    const t0 = Date.UTC(2021, 0, 7, 21, 52, 2) / 1000;
    expect(a.pauses).toEqual([{ start: t0, end: t0 + 28 }]);
  });

  it('recovers the points before a cut-off and says where the file broke', () => {
    const r = importActivityFile(fixture('truncated.gpx'));
    expect(r.activities[0]!.track.length).toBe(2);
    const w = r.warnings.find((x) => x.code === 'XML_MALFORMED');
    expect(w?.location?.line).toBeGreaterThan(0);
  });

  it('refuses malformed XML with nothing usable, naming the line', () => {
    const error = expectCode(
      () =>
        importActivityFile(
          utf8(
            '<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon=1></trkpt></trkseg></trk></gpx>',
          ),
        ),
      'XML_MALFORMED',
    );
    expect(error.location?.line).toBe(1);
    expect(error.message).toMatch(/line 1/);
  });

  it('refuses a file with only waypoints as having no activity', () => {
    const error = expectCode(
      () => importActivityFile(fixture('waypoints-only.gpx')),
      'NO_ACTIVITY',
    );
    expect(error.message).toMatch(/waypoints/);
  });

  it('takes names only from metadata/trk themselves, not from the author or links inside them', () => {
    const gpx = `<gpx version="1.1"><metadata><name>File name</name><author><name>Garmin</name></author></metadata>
      <trk><extensions><x:name>ext</x:name></extensions><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk></gpx>`;
    expect(importActivityFile(utf8(gpx)).activities[0]!.name).toBe('File name');
  });

  it('gives every <trk> its own activity, like togeojson gives each its own feature', () => {
    const gpx = `<gpx version="1.1">
      <trk><trkseg><trkpt lat="1" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt></trkseg></trk>
      <trk><trkseg><trkpt lat="2" lon="2"><time>2020-01-02T00:00:00Z</time></trkpt><trkpt lat="2" lon="2.1"><time>2020-01-02T00:00:09Z</time></trkpt></trkseg></trk></gpx>`;
    const r = importActivityFile(utf8(gpx));
    expect(r.activities.map((a) => a.track.length)).toEqual([1, 2]);
    expect(r.activities[1]!.startTime).toBe(Date.UTC(2020, 0, 2) / 1000);
  });

  it('returns a file holding only a route as a course, with no activity', () => {
    const gpx = `<gpx version="1.1"><rte><name>Alpe</name><rtept lat="45.1" lon="6.0"/><rtept lat="45.2" lon="6.1"/></rte></gpx>`;
    const r = importActivityFile(utf8(gpx));
    expect(r.activities).toEqual([]);
    expect(r.courses.map((c) => [c.kind, c.name, c.track.length])).toEqual([['route', 'Alpe', 2]]);
  });

  it('treats an overflowing coordinate (1e999) as no position, not as Infinity', () => {
    const gpx = `<gpx version="1.1"><trk><trkseg><trkpt lat="1e999" lon="1"><time>2020-01-01T00:00:00Z</time></trkpt>
      <trkpt lat="1" lon="1"><time>2020-01-01T00:00:01Z</time></trkpt></trkseg></trk></gpx>`;
    const r = importActivityFile(utf8(gpx));
    expect(r.activities[0]!.track.length).toBe(1);
    expect(r.warnings.map((w) => w.code)).toEqual(['POINT_SKIPPED']);
  });

  it('folds points sharing a time and a position into one sample, the later value winning', () => {
    const r = importActivityFile(
      gpx(`<trk><trkseg>
        <trkpt lat="1" lon="1"><ele>10</ele><time>${at(0)}</time><extensions><hr>100</hr></extensions></trkpt>
        <trkpt lat="1" lon="1"><time>${at(0)}</time><extensions><hr>104</hr><cad>80</cad></extensions></trkpt>
        <trkpt lat="1" lon="1"><time>${at(0)}</time><extensions><temp>21</temp></extensions></trkpt>
        <trkpt lat="1.0001" lon="1"><time>${at(1)}</time><extensions><hr>110</hr></extensions></trkpt>
      </trkseg></trk>`),
    );
    const t = r.activities[0]!.track;
    expect(Array.from(t.time)).toEqual([T0, T0 + 1]);
    expect(Array.from(t.heartRate!)).toEqual([104, 110]);
    expect(t.cadence![0]).toBe(80);
    expect(t.temperature![0]).toBe(21);
    expect(t.elevation![0]).toBe(10); // the later points had none: the earlier value stays
    expect(Number.isNaN(t.cadence![1]!)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('keeps points with one time but different positions apart (a clock that stood still)', () => {
    const t = importActivityFile(
      gpx(`<trk><trkseg>
        <trkpt lat="1" lon="1"><time>${at(0)}</time></trkpt>
        <trkpt lat="1.001" lon="1"><time>${at(0)}</time></trkpt>
        <trkpt lat="1.002" lon="1"><time>${at(0)}</time></trkpt></trkseg></trk>`),
    ).activities[0]!.track;
    expect(Array.from(t.lat)).toEqual([1, 1.001, 1.002]);
  });

  it('takes no pause from a segment that opens on the time and place the last one ended at', () => {
    const a = importActivityFile(
      gpx(`<trk><trkseg>
        <trkpt lat="1" lon="1"><time>${at(0)}</time></trkpt>
        <trkpt lat="1" lon="1.0001"><time>${at(1)}</time></trkpt></trkseg><trkseg>
        <trkpt lat="1" lon="1.0001"><time>${at(1)}</time><extensions><hr>120</hr></extensions></trkpt>
        <trkpt lat="1" lon="1.0002"><time>${at(2)}</time></trkpt></trkseg><trkseg>
        <trkpt lat="1" lon="1.0003"><time>${at(60)}</time></trkpt></trkseg></trk>`),
    ).activities[0]!;
    expect(a.track.length).toBe(4);
    expect(a.track.heartRate![1]).toBe(120);
    expect(a.pauses).toEqual([{ start: T0 + 2, end: T0 + 60 }]);
  });

  it('never folds route points, which share the time the route was drawn at', () => {
    const r = importActivityFile(
      gpx(`<rte><name>Drawn</name>
        <rtept lat="1" lon="1"><time>${at(0)}</time></rtept>
        <rtept lat="1" lon="1"><time>${at(0)}</time></rtept>
        <rtept lat="1.001" lon="1"><time>${at(0)}</time></rtept></rte>`),
    );
    expect(r.activities).toEqual([]);
    expect(r.courses.map((c) => [c.kind, c.track.length])).toEqual([['route', 3]]);
  });

  it('keeps a track timed on only some points as an activity, its untimed points with NaN time', () => {
    // core's cleaning drops the untimed samples: the activity is made of the timed ones
    const r = importActivityFile(
      gpx(`<trk><trkseg>
        <trkpt lat="1" lon="1"><time>${at(0)}</time></trkpt>
        <trkpt lat="1" lon="1.0001"/>
        <trkpt lat="1" lon="1.0002"/>
        <trkpt lat="1" lon="1.0003"><time>${at(30)}</time></trkpt></trkseg></trk>`),
    );
    expect(r.courses).toEqual([]);
    const a = r.activities[0]!;
    expect(a.track.length).toBe(4);
    expect(a.startTime).toBe(T0);
    expect(Array.from(a.track.time).map((v) => Number.isNaN(v))).toEqual([
      false,
      true,
      true,
      false,
    ]);
    expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
      ['MISSING_TIME', '2 points have no time'],
    ]);
  });

  it("reads a point's own <time> and <ele>, not ones nested in its extensions", () => {
    const r = importActivityFile(
      gpx(`<trk><trkseg><trkpt lat="1" lon="1"><ele>5</ele><time>${at(0)}</time>
        <extensions><x:leg><x:time>31151</x:time><x:ele>900</x:ele></x:leg></extensions></trkpt></trkseg></trk>
        <rte><rtept lat="1" lon="1"><extensions><gh:time>31151</gh:time></extensions></rtept></rte>`),
    );
    const t = r.activities[0]!.track;
    expect([t.time[0], t.elevation![0]]).toEqual([T0, 5]);
    expect(Number.isNaN(r.courses[0]!.track.time[0]!)).toBe(true);
  });

  it('reads gpxdata:distance as the device distance, as the file gives it (no rebasing)', () => {
    const r = importActivityFile(
      gpx(`<trk><trkseg>
        <trkpt lat="1" lon="1"><time>${at(0)}</time><extensions><gpxdata:distance>500</gpxdata:distance></extensions></trkpt>
        <trkpt lat="1" lon="1.0001"><time>${at(1)}</time><extensions><gpxdata:distance>511.5</gpxdata:distance></extensions></trkpt>
        </trkseg></trk>
        <rte><rtept lat="1" lon="1"><extensions><gh:distance>43.3</gh:distance></extensions></rtept></rte>`),
    );
    expect(Array.from(r.activities[0]!.track.distance!)).toEqual([500, 511.5]);
    // a route point's distance is the length of its leg, not a running total
    expect(r.courses[0]!.track.distance).toBeNull();
  });

  it("reads each track's own <type> into sourceSport and the mapped sport, never an extension's", () => {
    const r = importActivityFile(
      gpx(`<trk><type>running</type><trkseg><trkpt lat="1" lon="1"><time>${at(0)}</time></trkpt></trkseg></trk>
        <trk><type>1</type><trkseg><trkpt lat="1" lon="1"><time>${at(100)}</time></trkpt></trkseg></trk>
        <trk><extensions><x:type>running</x:type></extensions><trkseg><trkpt lat="1" lon="1"><time>${at(200)}</time></trkpt></trkseg></trk>`),
    );
    expect(r.activities.map((a) => [a.sourceSport, a.sport])).toEqual([
      ['running', 'Run'],
      ['1', 'Ride'],
      [undefined, undefined],
    ]);
  });
});

describe.skipIf(!inCorpus('commons-dost/1651066759000.gpx'))(
  'Suunto Ambit GPX (openambit2gpx)',
  () => {
    it('keeps a sample for every distinct time in the file, each with its heart rate and fix', () => {
      const file = 'commons-dost/1651066759000.gpx';
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      const times = new Set(
        [...text.matchAll(/<time>([^<]+)<\/time>/g)].map((m) => Date.parse(m[1]!)),
      );
      const t = importActivityFile(readCorpusFile(file)).activities[0]!.track;
      expect(t.length).toBe(times.size);
      expect(new Set(t.time).size).toBe(times.size);
      expect(count(t.heartRate)).toBe(times.size);
      expect(count(t.lat)).toBe(times.size);
    });
  },
);

describe.skipIf(!inCorpus('coursepointer/cptr007.gpx'))('planned routes in the corpus', () => {
  it('reads route exports as courses and never as activities', () => {
    const read = (f: string) => importActivityFile(readCorpusFile(f));
    const strava = read('georust-gpx/strava_route_example.gpx');
    expect(strava.activities).toEqual([]);
    expect(strava.courses.map((c) => [c.kind, c.track.length])).toEqual([['track', 113]]);
    expect(read('coursepointer/cptr003.gpx').courses.map((c) => c.track.length)).toEqual([1352]);
    // Gaia GPS: every point of a route carries the route's creation time; none may be lost
    const gaia = read('coursepointer/cptr007.gpx');
    expect(gaia.activities).toEqual([]);
    expect(gaia.courses.map((c) => [c.kind, c.name, c.track.length])).toEqual([
      ['route', 'Second Route', 102],
      ['route', 'First Route', 64],
    ]);
  });

  it('refuses a file whose only track is empty as holding no activity', () => {
    expectCode(
      () => importActivityFile(readCorpusFile('georust-gpx/empty_name_tag.gpx')),
      'NO_ACTIVITY',
    );
  });

  it('maps the <type> of Strava and Garmin Connect exports', () => {
    const sport = (f: string) => importActivityFile(readCorpusFile(f)).activities[0]!.sport;
    expect(sport('sweatpy/4801048867_strava.gpx')).toBe('Ride'); // <type>1</type>
    expect(sport('georust-gpx/garmin-activity.gpx')).toBe('Run');
    expect(sport('commons-dost/9266323613.gpx')).toBe('StandUpPaddling');
  });
});

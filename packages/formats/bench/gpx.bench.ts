// GPX parsing, side by side: ours (saxes → typed arrays) vs the libraries a user would pick.
import { createRequire } from 'node:module';
import { gpx as togeojsonGpx } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { XMLParser } from 'fast-xml-parser';
import { compare, printTable, type Result } from '../../../bench/harness.js';
import { importActivityFile } from '../src/index.js';
import { gpxText, RIDE, RUN, type Spec } from './bench-data.js';

const require = createRequire(import.meta.url);

function ours(bytes: Uint8Array): { n: number; hr: number } {
  const t = importActivityFile(bytes).activities[0]!.track;
  let hr = 0;
  for (let i = 0; i < t.length; i++) hr += t.heartRate![i]!;
  return { n: t.length, hr };
}

function togeojson(text: string): { n: number; hr: number } {
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  const f = togeojsonGpx(doc as unknown as Document).features[0]!;
  const coords = (f.geometry as { coordinates: number[][] }).coordinates;
  const heart = (f.properties as { coordinateProperties: { heart: number[] } }).coordinateProperties
    .heart;
  return { n: coords.length, hr: heart.reduce((a, b) => a + b, 0) };
}

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) => name === 'trkpt' || name === 'trkseg' || name === 'trk',
});
interface FxpPoint {
  lat: string;
  lon: string;
  ele: string;
  time: string;
  extensions?: { TrackPointExtension?: { hr?: string } };
}
function fastXml(text: string): { n: number; hr: number } {
  const doc = fxp.parse(text);
  const pts = doc.gpx.trk[0].trkseg.flatMap((s: { trkpt: unknown[] }) => s.trkpt) as FxpPoint[];
  const n = pts.length;
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const ele = new Float32Array(n);
  const time = new Float64Array(n);
  const hrs = new Float32Array(n);
  let hr = 0;
  for (let i = 0; i < n; i++) {
    const p = pts[i]!;
    lat[i] = Number(p.lat);
    lon[i] = Number(p.lon);
    ele[i] = Number(p.ele);
    time[i] = Date.parse(p.time) / 1000;
    hrs[i] = Number(p.extensions?.TrackPointExtension?.hr);
    hr += hrs[i]!;
  }
  return { n, hr };
}

let GpxParser:
  | (new () => { parse(text: string): void; tracks: { points: unknown[] }[] })
  | undefined;
function gpxparser(text: string): { n: number; hr: number } {
  GpxParser ??= require('gpxparser');
  const p = new GpxParser!();
  p.parse(text);
  return { n: p.tracks[0]!.points.length, hr: Number.NaN }; // gpxparser does not read extensions
}

function run(
  label: string,
  spec: Spec,
  withGpxparser: boolean,
  options: Parameters<typeof compare>[1],
) {
  const text = gpxText(spec);
  const bytes = new TextEncoder().encode(text);
  const mb = bytes.length / 1048576;
  // all implementations must agree before they are timed
  const expected = ours(bytes);
  for (const [name, got] of [
    ['togeojson', togeojson(text)],
    ['fast-xml-parser', fastXml(text)],
  ] as const) {
    if (got.n !== expected.n || got.hr !== expected.hr)
      throw new Error(`${name} disagrees: ${JSON.stringify(got)} vs ${JSON.stringify(expected)}`);
  }
  if (withGpxparser && gpxparser(text).n !== expected.n) throw new Error('gpxparser disagrees');
  const candidates = [
    { name: 'ours: saxes → typed arrays', fn: () => ours(bytes) },
    { name: '@tmcw/togeojson + @xmldom/xmldom', fn: () => togeojson(text) },
    { name: 'fast-xml-parser + mapping', fn: () => fastXml(text) },
  ];
  if (withGpxparser) candidates.push({ name: 'gpxparser (jsdom)', fn: () => gpxparser(text) });
  const results = compare(candidates, options);
  printTable(`GPX ${label}: ${spec.points} points, ${mb.toFixed(2)} MB`, results, {
    'MB/s': (r: Result) => (mb / (r.medianMs / 1000)).toFixed(1),
  });
  // Interleaving puts the collection of the DOM parsers' garbage into our rounds; also time
  // ours alone so the throughput figure is ours, not the peers' GC.
  const alone = compare([{ name: 'ours alone (not interleaved)', fn: () => ours(bytes) }], {
    minRounds: 20,
    minTimeMs: 1000,
    warmup: 3,
  });
  printTable(`GPX ${label}: ours measured alone`, alone, {
    'MB/s': (r: Result) => (mb / (r.medianMs / 1000)).toFixed(1),
  });
  const [o, t] = results;
  const a = alone[0]!;
  console.log(
    `\nours alone: ${(mb / (a.medianMs / 1000)).toFixed(0)} MB/s (target >= 50); ${(t!.medianMs / a.medianMs).toFixed(1)}x togeojson`,
  );
  console.log(
    `interleaved with the peers: ours is ${(t!.medianMs / o!.medianMs).toFixed(1)}x faster than togeojson (target >= 5x) at ${(mb / (o!.medianMs / 1000)).toFixed(0)} MB/s (target >= 50)`,
  );
}

run('1-hour run (HR)', RUN, true, { minRounds: 9, minTimeMs: 1000, warmup: 1 });
// gpxparser is left out of the ride: jsdom needs ~4 GB RSS and ~7 s per parse there (PERFORMANCE.md).
run('5-hour ride (HR, cadence, power)', RIDE, false, { minRounds: 7, minTimeMs: 1000, warmup: 1 });

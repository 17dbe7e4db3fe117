// Stream codec: bytes per point and encode/decode time against JSON and gzip-compressed JSON
// (what an app would otherwise store), for a 1-hour run and a 5-hour ride.
import { gunzipSync, gzipSync } from 'node:zlib';
import { compare, printTable } from '../../../bench/harness.js';
import { decodeStreams, encodeStreams } from '../src/index.js';
import { syntheticTrack } from '../src/testing/synthetic.js';
import type { Track } from '../src/track.js';

function toJson(t: Track): string {
  // Strava's stream shape: one array per stream.
  return JSON.stringify({
    time: Array.from(t.time, (v) => v - t.time[0]!),
    latlng: Array.from(t.lat, (lat, i) => [lat, t.lon[i]]),
    altitude: t.elevation ? Array.from(t.elevation) : undefined,
    heartrate: t.heartRate ? Array.from(t.heartRate) : undefined,
    cadence: t.cadence ? Array.from(t.cadence) : undefined,
    watts: t.power ? Array.from(t.power) : undefined,
  });
}

for (const [label, track] of [
  [
    'run 600 points (time, latlng, altitude, HR)',
    { ...syntheticTrack({ seed: 42, sport: 'run', seconds: 600 }).track, cadence: null },
  ],
  ['run 3,600 points (+ cadence)', syntheticTrack({ seed: 1, sport: 'run', seconds: 3600 }).track],
  [
    'ride 18,000 points (+ cadence, power)',
    syntheticTrack({ seed: 2, sport: 'ride', seconds: 18000 }).track,
  ],
] as const) {
  const blob = encodeStreams(track);
  const json = toJson(track);
  const jsonBytes = new TextEncoder().encode(json).length;
  const gz = gzipSync(json);
  const sizes: Record<string, number> = {
    'stride codec encode': blob.length,
    'stride codec decode': blob.length,
    'JSON.stringify': jsonBytes,
    'JSON.parse': jsonBytes,
    'JSON + gzip': gz.length,
    'gunzip + JSON.parse': gz.length,
  };
  const results = compare(
    [
      { name: 'stride codec encode', fn: () => encodeStreams(track) },
      { name: 'stride codec decode', fn: () => decodeStreams(blob) },
      { name: 'JSON.stringify', fn: () => toJson(track) },
      { name: 'JSON.parse', fn: () => JSON.parse(json) },
      { name: 'JSON + gzip', fn: () => gzipSync(toJson(track)) },
      { name: 'gunzip + JSON.parse', fn: () => JSON.parse(gunzipSync(gz).toString()) },
    ],
    { minTimeMs: 800, minRounds: 10 },
  );
  printTable(`Codec, ${label}`, results, {
    bytes: (r) => String(sizes[r.name]),
    'bytes / point': (r) => (sizes[r.name]! / track.length).toFixed(2),
    'size x ours': (r) => (sizes[r.name]! / blob.length).toFixed(1),
  });
}

// Segment matching: one 1-hour activity (a run, and a ride) against 10 k, 100 k and 1 M
// segments spread over a city (30 × 30 km) and over a country (1000 × 1000 km), through
// SegmentIndex, side by side with a naive scan that runs matchSegment on every segment and
// with a tree over the segments' bounding boxes (the design the index did not take). The
// segments are street-like lines of 0.3–10 km; a few hundred are slices of the activities
// themselves (forward ones are real efforts; reversed ones and ones that turn off must not
// match), so every size finds the same real efforts. The naive scan is slow at 1 M, so it
// gets fewer rounds (one at 100 k and 1 M, and only the run at 1 M). All three run in this
// one process, and must find exactly the same efforts.
import { performance } from 'node:perf_hooks';
import Flatbush from 'flatbush';
import { compare, fmt } from '../../../bench/harness.js';
import {
  matchSegment,
  type PreparedSegment,
  prepareSegment,
  SegmentIndex,
  type SegmentLine,
  type SegmentMatch,
  type Track,
} from '../src/index.js';
import { sliceLine, streetLine } from '../src/testing/segments.js';
import { prng, syntheticTrack } from '../src/testing/synthetic.js';

const LAT0 = 45.75; // Lyon
const LON0 = 4.85;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
/** Live heap plus typed-array memory, after garbage collection has settled. */
async function heapBytes(): Promise<number> {
  for (let k = 0; k < 3; k++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 20)); // array buffers are freed after
  }
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

const tracks: Record<string, Track> = {
  run: syntheticTrack({ seed: 1, sport: 'run', seconds: 3600, startLat: LAT0, startLon: LON0 })
    .track,
  ride: syntheticTrack({ seed: 2, sport: 'ride', seconds: 3600, startLat: LAT0, startLon: LON0 })
    .track,
};

/** Slices of each activity: 60 forward (efforts), 30 reversed, 30 that turn off the route. */
function overlapping(random: () => number): SegmentLine[] {
  const out: SegmentLine[] = [];
  for (const [name, t] of Object.entries(tracks)) {
    const perM = t.length / (name === 'run' ? 10_000 : 29_000); // samples per metre, roughly
    for (let k = 0; k < 120; k++) {
      const len = Math.floor((300 + 6000 * random() ** 2) * perM);
      const from = Math.floor(random() * (t.length - len - 1));
      const kind = k < 60 ? 'fwd' : k < 90 ? 'rev' : 'off';
      const id = `${name}-${kind}-${k}`;
      if (kind !== 'off') {
        out.push(
          sliceLine(id, t, from, from + len, { reverse: kind === 'rev', noiseM: 3, random }),
        );
        continue;
      }
      const head = sliceLine(id, t, from, from + Math.floor(len / 2), { noiseM: 3, random });
      const n = head.lat.length;
      const tail = streetLine(random, id, head.lat[n - 1]!, head.lon[n - 1]!, 1500, 25);
      out.push({
        id,
        lat: Float64Array.from([...head.lat, ...tail.lat.subarray(1)]),
        lon: Float64Array.from([...head.lon, ...tail.lon.subarray(1)]),
      });
    }
  }
  return out;
}

/** `n` street-like lines, 0.3–10 km (log-uniform), starting anywhere in a square of `sizeM`. */
function background(random: () => number, n: number, sizeM: number): PreparedSegment[] {
  const out: PreparedSegment[] = new Array(n);
  const dLat = sizeM / 111_150;
  const dLon = sizeM / (111_320 * Math.cos((LAT0 * Math.PI) / 180));
  for (let k = 0; k < n; k++) {
    const lat = LAT0 + dLat * (random() - 0.5);
    const lon = LON0 + dLon * (random() - 0.5);
    const lengthM = 300 * (10_000 / 300) ** random();
    out[k] = prepareSegment(streetLine(random, `bg${k}`, lat, lon, lengthM, 80, 2));
  }
  return out;
}

/**
 * The other obvious design, for comparison: a flatbush tree over the segments' bounding boxes
 * (grown by the gate half-width), queried per 32-sample chunk of the track, then matchSegment
 * on every distinct candidate.
 */
function boundingBoxPeer(list: readonly PreparedSegment[]): (t: Track) => SegmentMatch[] {
  const tree = new Flatbush(list.length, 16, Float32Array);
  const pad = 30 / 111_000; // the gate half-width and float32 rounding, in degrees (generous)
  const padLon = pad / Math.cos((LAT0 * Math.PI) / 180);
  for (const s of list)
    tree.add(s.minLon - padLon, s.minLat - pad, s.maxLon + padLon, s.maxLat + pad);
  tree.finish();
  return (t) => {
    const seen = new Uint8Array(list.length);
    const out: SegmentMatch[] = [];
    for (let a = 0; a < t.length - 1; a += 32) {
      const b = Math.min(t.length - 1, a + 32);
      let [la0, la1, lo0, lo1] = [t.lat[a]!, t.lat[a]!, t.lon[a]!, t.lon[a]!];
      for (let i = a + 1; i <= b; i++) {
        la0 = Math.min(la0, t.lat[i]!);
        la1 = Math.max(la1, t.lat[i]!);
        lo0 = Math.min(lo0, t.lon[i]!);
        lo1 = Math.max(lo1, t.lon[i]!);
      }
      for (const k of tree.search(lo0, la0, lo1, la1)) {
        if (seen[k]) continue;
        seen[k] = 1;
        for (const m of matchSegment(t, list[k]!)) out.push(m);
      }
    }
    return out;
  };
}

const SIZES = [10_000, 100_000, 1_000_000];
const key = (m: SegmentMatch) => `${m.segmentId}@${m.startTime}`;
const rows: string[] = [];
const summary: string[] = [];

/** One area; a function, so its million segments are garbage once it returns. */
async function runArea(area: string, sizeM: number): Promise<void> {
  const random = prng(sizeM);
  const before = await heapBytes();
  const t0 = performance.now();
  const over = overlapping(random).map(prepareSegment);
  const bg = background(random, SIZES[SIZES.length - 1]! - over.length, sizeM);
  const prepareMs = performance.now() - t0;
  const all = [...over, ...bg];
  const segmentBytes = ((await heapBytes()) - before) / all.length;
  let vertices = 0;
  for (const s of all) vertices += s.vertexCount;
  summary.push(
    `${area}: generated and prepared 1 M segments in ${(prepareMs / 1000).toFixed(1)} s ` +
      `(${((1000 * prepareMs) / all.length).toFixed(1)} µs each), ${(vertices / all.length).toFixed(1)} ` +
      `vertices kept on average, ${segmentBytes.toFixed(0)} bytes each on the heap`,
  );
  for (const n of SIZES) {
    const list = all.slice(0, n);
    const heap0 = await heapBytes();
    const b0 = performance.now();
    const index = new SegmentIndex(list);
    const buildMs = performance.now() - b0;
    const structureBytes = ((await heapBytes()) - heap0) / n;
    const efforts: Record<string, string[]> = {};
    for (const [name, t] of Object.entries(tracks)) efforts[name] = index.match(t).map(key).sort();
    const fast = compare(
      Object.entries(tracks).map(([name, t]) => ({
        name: `SegmentIndex.match, ${name}`,
        fn: () => index.match(t),
      })),
      { minRounds: 30, minTimeMs: 1000 },
    );
    const byBox = boundingBoxPeer(list);
    const boxed: Record<string, string[]> = {};
    const boxes = compare(
      Object.entries(tracks).map(([name, t]) => ({
        name: `bounding-box tree, ${name}`,
        fn: () => {
          boxed[name] = byBox(t).map(key).sort();
        },
      })),
      { minRounds: 5, minTimeMs: 0, warmup: 1 },
    );
    // The naive scan at 1 M takes ~20 s a round: one round, and the run only.
    const naiveTracks = n >= 1_000_000 ? ['run'] : ['run', 'ride'];
    const naive: Record<string, string[]> = {};
    const slow = compare(
      naiveTracks.map((name) => ({
        name: `naive matchSegment × ${n / 1000} k, ${name}`,
        fn: () => {
          const found: SegmentMatch[] = [];
          for (const s of list) for (const m of matchSegment(tracks[name]!, s)) found.push(m);
          naive[name] = found.map(key).sort();
        },
      })),
      { minRounds: n >= 100_000 ? 1 : 3, minTimeMs: 0, warmup: 0 },
    );
    for (const [name, found] of [...Object.entries(naive), ...Object.entries(boxed)]) {
      if (found.join() !== efforts[name]!.join())
        throw new Error(`${area}, ${n} segments, ${name}: the index and a peer disagree`);
    }
    for (const r of fast) {
      const name = r.name.split(', ')[1]!;
      const peer = slow.find((x) => x.name.endsWith(`, ${name}`));
      const box = boxes.find((x) => x.name.endsWith(`, ${name}`))!;
      rows.push(
        [
          area,
          n >= 1_000_000 ? `${n / 1_000_000} M` : `${n / 1000} k`,
          name,
          fmt(r.medianMs),
          fmt(r.p90Ms),
          `${fmt(box.medianMs)} (${(box.medianMs / r.medianMs).toFixed(0)}×)`,
          peer ? `${fmt(peer.medianMs)} (${peer.rounds})` : '—',
          peer ? (peer.medianMs / r.medianMs).toFixed(0) : '—',
          String(efforts[name]!.length),
          buildMs.toFixed(0),
          `${(index.memoryBytes() / n).toFixed(0)} (${structureBytes.toFixed(0)})`,
        ].join(' | '),
      );
    }
    if (n === SIZES[SIZES.length - 1] && area.startsWith('city')) {
      // Recent adds: 30 k segments in the linear tail (just under the rebuild threshold).
      const split = n - 30_000;
      const recent = new SegmentIndex(list.slice(0, split));
      recent.add(list.slice(split));
      const [r] = compare([{ name: 'tail', fn: () => recent.match(tracks.run!) }], {
        minRounds: 30,
        minTimeMs: 1000,
      });
      summary.push(
        `${area}, 1 M segments of which 30 k added after the build (linear tail): run matched in ` +
          `${fmt(r!.medianMs)} ms median (p90 ${fmt(r!.p90Ms)}); a rebuild every ~31 k adds costs ` +
          `~${(buildMs / 31_000).toFixed(3)} ms per add`,
      );
    }
  }
}

await runArea('city 30×30 km', 30_000);
await runArea('country 1000×1000 km', 1_000_000);

console.log('\n### Segment matching, one 1-hour activity (3,600 points)\n');
console.log(
  '| area | segments | activity | index median ms | index p90 ms | bounding-box tree median ms (× index) | naive scan median ms (rounds) | naive ÷ index | efforts | index build ms | index bytes / segment (structures alone, measured) |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r} |`);
console.log('');
for (const s of summary) console.log(`- ${s}`);

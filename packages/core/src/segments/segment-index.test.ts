import { describe, expect, it } from 'vitest';
import { sliceLine, streetLine } from '../testing/segments.js';
import { prng, syntheticTrack } from '../testing/synthetic.js';
import { matchSegment, type SegmentMatch } from './match.js';
import { type PreparedSegment, prepareSegment } from './prepare.js';
import { SegmentIndex } from './segment-index.js';

const { track } = syntheticTrack({ seed: 21, sport: 'run', seconds: 2400 });
const random = prng(99);
const segments: PreparedSegment[] = [];
for (let k = 0; k < 120; k++) {
  // Slices of the activity itself: forward ones match, reversed ones must not.
  const from = Math.floor(random() * 2000);
  const to = Math.min(track.length - 1, from + 80 + Math.floor(random() * 300));
  const reverse = k % 3 === 0;
  segments.push(
    prepareSegment(sliceLine(`cut${k}`, track, from, to, { reverse, noiseM: 3, random })),
  );
}
for (let k = 0; k < 600; k++) {
  // Street-like lines around the track's start (45.5, 7.3), ±0.05° (about ±4 km).
  const [lat, lon] = [45.5 + 0.1 * (random() - 0.5), 7.3 + 0.1 * (random() - 0.5)];
  segments.push(prepareSegment(streetLine(random, `street${k}`, lat, lon, 300 + 3000 * random())));
}

const key = (m: SegmentMatch) => `${m.segmentId}@${m.startTime}`;
function naive(list: readonly PreparedSegment[]): SegmentMatch[] {
  return list.flatMap((s) => matchSegment(track, s)).sort((a, b) => (key(a) < key(b) ? -1 : 1));
}
const sorted = (ms: SegmentMatch[]) => [...ms].sort((a, b) => (key(a) < key(b) ? -1 : 1));

describe('SegmentIndex', () => {
  it('finds exactly the efforts that checking every segment finds', () => {
    const index = new SegmentIndex(segments);
    const expected = naive(segments);
    expect(sorted(index.match(track))).toEqual(expected);
    // Every forward slice of the activity is found once, no reversed one ever.
    const cuts = expected.map((m) => m.segmentId).filter((id) => id.startsWith('cut'));
    const forward = segments
      .map((s) => s.id)
      .filter((id) => /^cut/.test(id) && Number(id.slice(3)) % 3);
    expect(cuts.sort()).toEqual(forward.sort());
  });

  it('times efforts with streams asked for once, only when something matched', () => {
    const index = new SegmentIndex(segments);
    // Streams unlike the defaults: every other step moving, distance 5 % longer than the path.
    const moving = Uint8Array.from({ length: track.length }, (_v, i) => i % 2);
    const distance = Float64Array.from({ length: track.length }, (_v, i) => 1.05 * 3 * i);
    let calls = 0;
    const streams = () => {
      calls++;
      return { moving, distance };
    };
    const given = index.match(track, { moving, distance });
    const lazy = index.match(track, { streams });
    expect(calls).toBe(1);
    expect(lazy).toEqual(given);
    expect(lazy.length).toBeGreaterThan(10);
    expect(lazy.map((m) => m.movingS)).not.toEqual(index.match(track).map((m) => m.movingS));
    // Reversed slices start on the track but never match: nothing to time, no streams.
    const reversed = new SegmentIndex(
      segments.filter((s) => /^cut/.test(s.id) && !(Number(s.id.slice(3)) % 3)),
    );
    expect(reversed.match(track, { streams })).toEqual([]);
    expect(calls).toBe(1);
  });

  it('returns efforts by start time', () => {
    const got = new SegmentIndex(segments).match(track);
    for (let i = 1; i < got.length; i++)
      expect(got[i]!.startTime).toBeGreaterThanOrEqual(got[i - 1]!.startTime);
  });

  it('keeps matching right through adds to the delta list, rebuilds and removals', () => {
    const index = new SegmentIndex(segments.slice(0, 200), { minDelta: 16, deltaShare: 0.1 });
    for (const s of segments.slice(200, 500)) index.add(s); // many rebuilds on the way
    index.add(segments.slice(500)); // and a bulk add
    expect(index.size).toBe(segments.length);
    expect(sorted(index.match(track))).toEqual(naive(segments));
    const removed = new Set<string>();
    for (let k = 0; k < segments.length; k += 3) {
      expect(index.remove(segments[k]!.id)).toBe(true);
      removed.add(segments[k]!.id);
    }
    expect(index.remove('nope')).toBe(false);
    expect(index.remove(segments[0]!.id)).toBe(false);
    const left = segments.filter((s) => !removed.has(s.id));
    expect(index.size).toBe(left.length);
    expect(sorted(index.match(track))).toEqual(naive(left));
  });

  it('replaces a segment added again under the same id', () => {
    const index = new SegmentIndex(segments.slice(0, 10));
    const moved = prepareSegment(streetLine(prng(1), segments[3]!.id, 46.3, 7.3, 500));
    index.add(moved);
    expect(index.size).toBe(10);
    expect(index.search(moved.minLat, moved.minLon, moved.maxLat, moved.maxLon)).toEqual([moved]);
  });

  it('searches by bounding box in the tree and in the delta list, without removed ones', () => {
    const index = new SegmentIndex(segments.slice(0, 400));
    index.add(segments.slice(400, 450));
    index.remove(segments[5]!.id);
    const [minLat, minLon, maxLat, maxLon] = [45.49, 7.28, 45.51, 7.31];
    const want = segments
      .slice(0, 450)
      .filter((_s, i) => i !== 5)
      .filter(
        (s) => s.minLat <= maxLat && s.maxLat >= minLat && s.minLon <= maxLon && s.maxLon >= minLon,
      )
      .map((s) => s.id)
      .sort();
    expect(want.length).toBeGreaterThan(10);
    expect(
      index
        .search(minLat, minLon, maxLat, maxLon)
        .map((s) => s.id)
        .sort(),
    ).toEqual(want);
  });

  it('matches nothing when empty, and reports memory that grows with its segments', () => {
    const empty = new SegmentIndex();
    expect(empty.size).toBe(0);
    expect(empty.match(track)).toEqual([]);
    const index = new SegmentIndex(segments.slice(0, 100));
    const small = index.memoryBytes();
    index.add(segments.slice(100));
    const large = index.memoryBytes();
    const geometry = segments.reduce((sum, s) => sum + s.geometry.byteLength, 0);
    expect(large).toBeGreaterThan(geometry);
    expect(large - small).toBeGreaterThan(620 * 200);
    index.remove(segments[0]!.id);
    expect(index.memoryBytes()).toBeLessThan(large);
  });
});

import { describe, expect, it } from 'vitest';
import {
  cutPath,
  irregularTimes,
  Plane,
  pathLengthXY,
  regularTimes,
  rideAlong,
  type XY,
} from '../testing/segments.js';
import { prng } from '../testing/synthetic.js';
import { matchSegment } from './match.js';
import { prepareSegment } from './prepare.js';

const plane = new Plane();
const straight: XY[] = [
  [0, 0],
  [3000, 0],
];
// A path with bends, so the segment has inner vertices to pass.
const bendy: XY[] = [
  [0, 0],
  [400, 0],
  [700, 300],
  [700, 800],
  [300, 1100],
];

describe('gate crossings', () => {
  it('times an effort within 0.5 s of the truth when no sample lands on a gate', () => {
    const v = 3.7;
    const segment = prepareSegment(plane.line('s', cutPath(straight, 500, 1500)));
    for (const times of [
      regularTimes(900, 3, 1.37),
      regularTimes(900, 5, 1.9),
      irregularTimes(prng(7), 900, 1, 5, 0.2),
    ]) {
      const track = rideAlong(plane, { path: straight, speedMps: v, times });
      const start = track.time[0]! - times[0]! + 500 / v;
      const end = track.time[0]! - times[0]! + 1500 / v;
      const nearest = (t: number) => Math.min(...Array.from(track.time, (s) => Math.abs(s - t)));
      // the nearest sample would be wrong by more than 0.3 s at both gates
      expect(Math.min(nearest(start), nearest(end))).toBeGreaterThan(0.3);
      const [m, ...rest] = matchSegment(track, segment);
      expect(rest).toEqual([]);
      expect(Math.abs(m!.startTime - start)).toBeLessThan(0.5);
      expect(Math.abs(m!.endTime - end)).toBeLessThan(0.5);
      expect(Math.abs(m!.elapsedS - 1000 / v)).toBeLessThan(0.5);
      expect(m!.distanceM).toBeCloseTo(1000, 0);
      expect(track.time[m!.startIndex]!).toBeLessThanOrEqual(m!.startTime);
      expect(track.time[m!.startIndex + 1]!).toBeGreaterThan(m!.startTime);
      expect(track.time[m!.endIndex]!).toBeGreaterThanOrEqual(m!.endTime);
      expect(track.time[m!.endIndex - 1]!).toBeLessThan(m!.endTime);
    }
  });

  it('interpolates on a bendy path sampled every 4 s, with the athlete 12 m off the line', () => {
    const v = 8;
    const total = pathLengthXY(bendy);
    const segment = prepareSegment(plane.line('s', cutPath(bendy, 150, total - 150)));
    const times = regularTimes(total / v, 4, 0.6);
    const track = rideAlong(plane, { path: bendy, speedMps: v, times, lateral: () => 12 });
    const [m] = matchSegment(track, segment);
    expect(m).toBeDefined();
    // Offset 12 m to the left shortens the path on left turns; the gates stay on straights.
    expect(Math.abs(m!.startTime - (track.time[0]! - 0.6 + 150 / v))).toBeLessThan(0.5);
    expect(Math.abs(m!.elapsedS - (total - 300) / v)).toBeLessThan(5);
  });
});

describe('sparse tracks and tolerances', () => {
  const seg = prepareSegment(plane.line('s', cutPath(straight, 1000, 1150)));

  it('finds an effort whose start and end gates fall in one long step', () => {
    // 20 m/s, a fix every 10 s: the step from 990 m to 1190 m spans the whole segment.
    const track = rideAlong(plane, {
      path: straight,
      speedMps: 20,
      times: regularTimes(140, 10, 9.5),
    });
    const [m] = matchSegment(track, seg);
    expect(m!.endIndex - m!.startIndex).toBe(1);
    expect(m!.elapsedS).toBeCloseTo(150 / 20, 6);
    expect(m!.distanceM).toBeCloseTo(150, 3);
  });

  it('ends the attempt at a jump longer than the maximum gap', () => {
    const track = rideAlong(plane, {
      path: straight,
      speedMps: 20,
      times: regularTimes(140, 10, 9.5),
    });
    expect(matchSegment(track, seg, { maxGapM: 150 })).toEqual([]);
  });

  it('applies a narrower corridor and gate when asked', () => {
    const long = prepareSegment(plane.line('l', cutPath(straight, 100, 1100)));
    const times = regularTimes(500);
    const off = rideAlong(plane, { path: straight, speedMps: 3, times, lateral: () => 20 });
    expect(matchSegment(off, long)).toHaveLength(1);
    expect(matchSegment(off, long, { corridorM: 15 })).toEqual([]);
    expect(matchSegment(off, long, { gateHalfWidthM: 15 })).toEqual([]);
  });
});

describe('direction and coverage', () => {
  const segment = prepareSegment(plane.line('s', cutPath(bendy, 100, 1400)));
  const total = pathLengthXY(bendy);
  const times = regularTimes(total / 3, 1);

  it('matches the segment ridden in its direction', () => {
    expect(
      matchSegment(rideAlong(plane, { path: bendy, speedMps: 3, times }), segment),
    ).toHaveLength(1);
  });

  it('never matches the segment ridden the wrong way', () => {
    const reversed = [...bendy].reverse();
    const track = rideAlong(plane, { path: reversed, speedMps: 3, times });
    expect(matchSegment(track, segment)).toEqual([]);
  });

  it('does not match a shortcut that stays in the corridor but skips the far end', () => {
    // A hairpin: up 600 m, across 30 m, back down. Turning early keeps within 40 m of the
    // line all the way and crosses both gates the right way, but never reaches the far end.
    const hairpin: XY[] = [
      [0, 0],
      [0, 600],
      [30, 600],
      [30, 0],
    ];
    const seg = prepareSegment(plane.line('h', hairpin));
    const full: XY[] = [[0, -100], ...hairpin.slice(1, 3), [30, -100]];
    const cut: XY[] = [
      [0, -100],
      [0, 200],
      [30, 200],
      [30, -100],
    ];
    const ride = (path: XY[]) =>
      rideAlong(plane, { path, speedMps: 3, times: regularTimes(pathLengthXY(path) / 3) });
    expect(matchSegment(ride(full), seg)).toHaveLength(1);
    expect(matchSegment(ride(cut), seg)).toEqual([]);
  });

  it('does not match a track that cuts across the middle of a bend, out of the corridor', () => {
    const peak: XY[] = [
      [0, 0],
      [300, 400],
      [600, 0],
    ];
    const seg = prepareSegment(plane.line('p', peak));
    const across: XY[] = [
      [-50, 0],
      [650, 0],
    ];
    const track = rideAlong(plane, { path: across, speedMps: 4, times: regularTimes(180) });
    expect(matchSegment(track, seg)).toEqual([]);
  });

  it('does not match a track that passes the start gate and leaves the corridor', () => {
    const leaves: XY[] = [
      [0, 0],
      [300, 0],
      [300, -500],
    ];
    const seg = prepareSegment(plane.line('s', cutPath(straight, 100, 1100)));
    const track = rideAlong(plane, {
      path: leaves,
      speedMps: 3,
      times: regularTimes(pathLengthXY(leaves) / 3),
    });
    expect(matchSegment(track, seg)).toEqual([]);
  });

  it('does not match a track that leaves the corridor and comes back before the end', () => {
    const detour: XY[] = [
      [0, 0],
      [400, 0],
      [400, 200],
      [600, 200],
      [600, 0],
      [1500, 0],
    ];
    const seg = prepareSegment(plane.line('s', cutPath(straight, 100, 1100)));
    const track = rideAlong(plane, {
      path: detour,
      speedMps: 3,
      times: regularTimes(pathLengthXY(detour) / 3),
    });
    expect(matchSegment(track, seg)).toEqual([]);
    const direct = rideAlong(plane, { path: straight, speedMps: 3, times: regularTimes(500) });
    expect(matchSegment(direct, seg)).toHaveLength(1);
  });

  it('does not match a track that starts in the middle of the segment', () => {
    const seg = prepareSegment(plane.line('s', cutPath(straight, 100, 1100)));
    const times = regularTimes(400);
    expect(
      matchSegment(rideAlong(plane, { path: straight, speedMps: 3, times, startM: 400 }), seg),
    ).toEqual([]);
    expect(
      matchSegment(rideAlong(plane, { path: straight, speedMps: 3, times, startM: 90 }), seg),
    ).toHaveLength(1);
  });

  it('matches a recording that begins exactly on the start line', () => {
    const seg = prepareSegment(plane.line('s', cutPath(straight, 0, 1000)));
    const track = rideAlong(plane, { path: straight, speedMps: 3, times: regularTimes(400) });
    const [m] = matchSegment(track, seg);
    expect(m?.startIndex).toBe(0);
    expect(m?.startTime).toBe(track.time[0]);
  });
});

describe('noisy and repeated efforts', () => {
  it('matches a track that wobbles within the corridor, crossing the start line back and forth', () => {
    const random = prng(3);
    const total = pathLengthXY(bendy);
    const seg = prepareSegment(plane.line('s', cutPath(bendy, 100, total - 100)));
    const times = regularTimes(total / 3, 1);
    const track = rideAlong(plane, {
      path: bendy,
      speedMps: 3,
      times,
      lateral: (i) => 18 * Math.sin(i / 9) + 8 * (random() - 0.5),
    });
    const efforts = matchSegment(track, seg);
    expect(efforts).toHaveLength(1);
    expect(Math.abs(efforts[0]!.elapsedS - (total - 200) / 3)).toBeLessThan(15);
  });

  it('gives one effort per lap, on a segment inside the loop and on the whole loop', () => {
    const lap: XY[] = [
      [0, 0],
      [100, 0],
      [100, 60],
      [0, 60],
      [0, 0],
    ];
    const laps: XY[] = [...lap, ...lap.slice(1), ...lap.slice(1), ...lap.slice(1)];
    const v = 4;
    const track = rideAlong(plane, {
      path: laps,
      speedMps: v,
      times: irregularTimes(prng(5), pathLengthXY(laps) / v, 1, 3),
    });
    const part = prepareSegment(plane.line('part', cutPath(lap, 10, 200)));
    const partEfforts = matchSegment(track, part);
    expect(partEfforts).toHaveLength(4);
    for (const e of partEfforts) expect(Math.abs(e.elapsedS - 190 / v)).toBeLessThan(0.5);
    // The loop starts and ends at (20, 0): one lap's end crossing is the next lap's start.
    const loopLine: XY[] = [[20, 0], ...lap.slice(1), [20, 0]];
    const loop = prepareSegment(plane.line('loop', loopLine));
    const efforts = matchSegment(track, loop);
    expect(efforts).toHaveLength(3);
    for (const e of efforts) expect(Math.abs(e.elapsedS - 320 / v)).toBeLessThan(0.5);
    expect(efforts[1]!.startTime).toBe(efforts[0]!.endTime);
    expect(efforts[2]!.startTime).toBe(efforts[1]!.endTime);
  });
});

describe('moving time and distance', () => {
  const seg = prepareSegment(plane.line('s', cutPath(straight, 100, 1100)));
  // 3 m/s, standing still (with 2 m of GPS jitter) for 90 s at 500 m.
  const times = regularTimes(600);
  const at = (t: number) => (t < 500 / 3 ? 3 * t : t < 500 / 3 + 90 ? 500 : 3 * (t - 90));
  const random = prng(11);
  const time = new Float64Array(times.length);
  const lat = new Float64Array(times.length);
  const lon = new Float64Array(times.length);
  times.forEach((t, i) => {
    time[i] = 1_700_000_000 + t;
    lat[i] = plane.lat(2 * (random() - 0.5));
    lon[i] = plane.lon(at(t) + 2 * (random() - 0.5));
  });
  const track = { ...rideAlong(plane, { path: straight, speedMps: 3, times }), time, lat, lon };

  it('leaves a stop out of moving time, by the sport threshold when no moving stream is given', () => {
    const [m] = matchSegment(track, seg, { sport: 'Run' });
    expect(m!.elapsedS).toBeCloseTo(1000 / 3 + 90, 0);
    expect(Math.abs(m!.movingS - 1000 / 3)).toBeLessThan(12);
  });

  it('uses the moving and distance streams when given', () => {
    const moving = new Uint8Array(times.length).fill(1);
    const distance = Float64Array.from(times, (t) => at(t) * 1.02);
    const [m] = matchSegment(track, seg, { moving, distance });
    expect(m!.movingS).toBeCloseTo(m!.elapsedS, 6);
    expect(m!.distanceM).toBeCloseTo(1020, -1);
  });

  it('asks for streams on demand once, and times efforts with them as if they were given', () => {
    const moving = new Uint8Array(times.length).fill(1);
    const distance = Float64Array.from(times, (t) => at(t) * 1.02);
    let calls = 0;
    const streams = () => {
      calls++;
      return { moving, distance };
    };
    const lazy = matchSegment(track, seg, { sport: 'Run', streams });
    expect(calls).toBe(1);
    expect(lazy).toEqual(matchSegment(track, seg, { sport: 'Run', moving, distance }));
    expect(lazy[0]!.movingS).toBeCloseTo(lazy[0]!.elapsedS, 6);
    // The reverse way matches nothing, so the streams are never computed.
    const back = prepareSegment(plane.line('b', cutPath(straight, 1100, 100)));
    expect(matchSegment(track, back, { streams })).toEqual([]);
    expect(calls).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { computeActivity } from '../stats/compute.js';
import { trackFromColumns } from '../track.js';
import { viewerTrack } from './viewer-track.js';

/** 1 Hz, 3 m/s due east along the equator, with a device distance counter from 1,000 m. */
function eastward(n: number) {
  const time = new Float64Array(n);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const distance = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    time[i] = 1_700_000_000 + i;
    lon[i] = (3 * i) / 111_195;
    distance[i] = 1000 + 3 * i;
  }
  return trackFromColumns({ time, lat, lon, distance });
}

const maskOf = (n: number, hidden: Array<[number, number]>) => {
  const m = new Uint8Array(n);
  for (const [a, b] of hidden) m.fill(1, a, b);
  return m;
};

describe('the track others see', () => {
  it('starts at the first visible sample: its time is the real one, its distance 0', () => {
    const t = eastward(300);
    const v = viewerTrack(t, maskOf(300, [[0, 100]]), 'Run');
    expect(v.track.length).toBe(200);
    expect(v.track.time[0]).toBe(t.time[100]);
    expect(v.track.distance![0]).toBe(0);
    expect(v.track.distance![199]).toBe(3 * 199);
    expect(v.gaps).toEqual([]);
    expect(v.shifts).toEqual([]);
  });

  it('takes an interior hidden stretch out of the clock and the device distance', () => {
    const t = eastward(300);
    const v = viewerTrack(t, maskOf(300, [[100, 200]]), 'Run');
    // 303 m straight jump at the run's 15 m/s teleport limit: a 21 s pause, not the 101 s hidden.
    expect(v.gaps).toEqual([{ start: t.time[99]!, end: t.time[99]! + 21 }]);
    expect(v.track.time[100]! - v.track.time[99]!).toBe(21);
    expect(v.track.distance![100]).toBe(v.track.distance![99]);
    expect(v.clock(t.time[150]!)).toBeNull();
    expect(v.clock(t.time[250]!)).toBe(t.time[250]! - 101 + 21);
    expect(v.clock(t.time[50]!)).toBe(t.time[50]);
    expect(v.shifts).toEqual([[200, 101 - 21]]);
  });

  it('computes to the totals of the visible part only, with no distance across a gap', () => {
    const t = eastward(600);
    const v = viewerTrack(
      t,
      maskOf(600, [
        [0, 100],
        [300, 400],
        [550, 600],
      ]),
      'Run',
    );
    const stats = computeActivity(v.track, { sport: 'Run', pauses: v.gaps }).stats;
    // Visible: samples 100–299 and 400–549, i.e. 199 + 149 steps of 3 m.
    expect(stats.distance).toBeCloseTo(3 * (199 + 149), 6);
    expect(stats.moving_time).toBeLessThanOrEqual(199 + 149);
    expect(stats.elapsed_time).toBe(v.track.time[v.track.length - 1]! - v.track.time[0]!);
    expect(computeActivity(v.track, { sport: 'Run', pauses: v.gaps }).track.length).toBe(350);
  });
});

import { describe, expect, it } from 'vitest';
import { computeActivity } from '../stats/compute.js';
import { lineTrack } from '../testing/tracks.js';
import { trackFromColumns } from '../track.js';
import { cleanTrack } from './clean.js';

const cols = (time: number[], lat: number[], lon: number[]) =>
  trackFromColumns({
    time: Float64Array.from(time),
    lat: Float64Array.from(lat),
    lon: Float64Array.from(lon),
  });

describe('cleanTrack', () => {
  it('removes impossible positions but keeps the samples', () => {
    const t = cols([0, 1, 2, 3, 4], [45, 0, 95, 45.00003, 45.00006], [7, 0, 7, 200, 7]);
    const { track, report } = cleanTrack(t, { sport: 'Run' });
    expect(track.length).toBe(5);
    expect(report.nullIsland).toBe(1);
    expect(report.invalidPosition).toBe(2);
    expect(Number.isNaN(track.lat[1]!)).toBe(true);
    expect(track.lat[4]).toBe(45.00006);
  });

  it('drops duplicate, backwards and missing timestamps', () => {
    const t = cols(
      [0, 1, 1, 0.5, Number.NaN, 2],
      [45, 45.00001, 45.00002, 45.00003, 45, 45.00004],
      [7, 7, 7, 7, 7, 7],
    );
    const { track, report } = cleanTrack(t, { sport: 'Run' });
    expect(Array.from(track.time)).toEqual([0, 1, 2]);
    expect(report).toMatchObject({ duplicateTime: 1, backwardsTime: 1, missingTime: 1, kept: 3 });
  });

  it('turns latitude 100/200 pause markers into a pause (legacy OpenTracks)', () => {
    // 4 real fixes; between them the app wrote a pause (lat 100) and a resume (lat 200).
    const t = cols(
      [0, 10, 20, 500, 510, 520],
      [45, 45.0003, 100, 200, 45.0103, 45.0106],
      [7, 7, 0, 0, 7, 7],
    );
    const r = computeActivity(t, { sport: 'Run' });
    expect(r.track.length).toBe(4);
    expect(r.stats.cleaning.pauseMarkers).toBe(2);
    expect(r.stats.timer_time).toBe(20 + 20); // 0→20 and 500→520
    // The 1 km between the pause and the resume is not counted.
    expect(r.stats.distance).toBeLessThan(100);
  });

  it('drops a resume marker written before its pause, keeping timer within elapsed time', () => {
    // Pause at 20 s, then a resume stamped 15 s: resuming before the pause would count 35 s
    // of timer time in a 30 s activity. The early marker is a backwards sample.
    const t = cols([0, 10, 20, 15, 30], [45, 45.0003, 100, 200, 45.0006], [7, 7, 0, 0, 7]);
    const r = computeActivity(t, { sport: 'Run' });
    expect(r.stats.cleaning).toMatchObject({ pauseMarkers: 1, backwardsTime: 1, kept: 3 });
    expect(r.stats.elapsed_time).toBe(30);
    expect(r.stats.timer_time).toBe(20);
  });

  it('removes a single GPS teleport without losing distance', () => {
    const t = lineTrack({ n: 300, stepM: 3 });
    const lat = Float64Array.from(t.lat);
    lat[150] = lat[150]! + 0.05; // 5.5 km away for one second
    const spiky = { ...t, lat };
    const clean = computeActivity(t, { sport: 'Run' }).stats;
    const r = computeActivity(spiky, { sport: 'Run' }).stats;
    expect(r.cleaning.teleports).toBe(1);
    expect(Math.abs(r.distance - clean.distance)).toBeLessThan(5);
  });

  it('accepts a sustained jump after consistent fixes, counting no distance across it', () => {
    const t = lineTrack({ n: 300, stepM: 3 });
    const lat = Float64Array.from(t.lat, (v, i) => (i >= 150 ? v + 0.05 : v));
    const r = computeActivity({ ...t, lat }, { sport: 'Run' }).stats;
    expect(r.cleaning.teleportJumps).toBe(1);
    expect(r.cleaning.teleports).toBe(2);
    expect(r.distance).toBeLessThan(300 * 3);
  });

  it('leaves stationary jitter out of distance and moving time', () => {
    // 20 minutes standing still with a fix wandering ±3 m.
    const n = 1200;
    const lat = new Float64Array(n);
    const lon = new Float64Array(n);
    const time = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      time[i] = i;
      lat[i] = 45 + (3 / 111_000) * Math.sin(i * 0.7);
      lon[i] = 7 + (3 / 78_000) * Math.cos(i * 1.3);
    }
    const r = computeActivity(trackFromColumns({ time, lat, lon }), { sport: 'Run' }).stats;
    expect(r.distance).toBeLessThan(10);
    expect(r.moving_time).toBeLessThan(12);
    expect(r.cleaning.jitterPoints).toBeGreaterThan(1000);
    expect(r.cleaning.jitterM).toBeGreaterThan(1000);
  });
});

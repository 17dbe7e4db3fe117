import { describe, expect, it } from 'vitest';
import { lineTrack } from '../testing/tracks.js';
import { type Track, trackFromColumns } from '../track.js';
import { computeActivity } from './compute.js';
import { CLOCK_JUMP_S } from './engine.js';
import type { SwimLengthInput } from './types.js';

const T0 = 1_700_000_000;

/** Samples with only a time and a heart rate (a pool swim's records, an indoor ride). */
function timesOnly(times: number[]): Track {
  return trackFromColumns({
    time: Float64Array.from(times),
    lat: new Float64Array(times.length).fill(Number.NaN),
    lon: new Float64Array(times.length).fill(Number.NaN),
    heartRate: new Float32Array(times.length).fill(140),
  });
}

const lastOf = (a: ArrayLike<number>) => a[a.length - 1]!;

describe('gaps between samples', () => {
  it('pauses the timer across a long gap without movement, and not across smart recording', () => {
    // 30 min of running, then the watch writes nothing for 5 h while the clock runs (the
    // athlete is back home), then 17 more minutes of running from the same spot.
    const first = lineTrack({ n: 1800, stepM: 3 });
    const second = lineTrack({ n: 1020, stepM: 3, bearingDeg: 225, t0: T0 + 1799 + 18_000 });
    const track = trackFromColumns({
      time: Float64Array.from([...first.time, ...second.time]),
      lat: Float64Array.from([...first.lat, ...second.lat]),
      lon: Float64Array.from([...first.lon, ...second.lon]),
    });
    const { stats } = computeActivity(track, { sport: 'Run' });
    expect(stats.timer_time).toBeCloseTo(1799 + 1019, 6);
    expect(stats.elapsed_time).toBeCloseTo(1799 + 18_000 + 1019, 6);
    expect(stats.cleaning.gapPauses).toBe(1);
    // Smart recording: a sample every 30 s while running counts every second as timer time.
    const sparse = lineTrack({ n: 100, stepM: 90, dtS: 30 });
    expect(computeActivity(sparse, { sport: 'Run' }).stats.timer_time).toBe(99 * 30);
  });

  it('keeps a long gap crossed at running speed (a tunnel) as timer time', () => {
    const track = lineTrack({ n: 20, stepM: (i) => (i === 10 ? 3 * 600 : 3), dtS: 1 });
    const time = Float64Array.from(track.time, (t, i) => (i >= 10 ? t + 599 : t));
    const { stats } = computeActivity({ ...track, time }, { sport: 'Run' });
    expect(stats.cleaning.gapPauses).toBe(0);
    expect(stats.timer_time).toBe(19 + 599);
  });

  it('leaves a clock jump of days out of elapsed and timer time', () => {
    const a = lineTrack({ n: 1200, stepM: 3 });
    const b = lineTrack({ n: 1200, stepM: 3, t0: T0 + 1199 + 20 * 86_400, lat0: a.lat[1199] });
    const track = trackFromColumns({
      time: Float64Array.from([...a.time, ...b.time]),
      lat: Float64Array.from([...a.lat, ...b.lat]),
      lon: Float64Array.from([...a.lon, ...b.lon]),
    });
    const { stats } = computeActivity(track, { sport: 'Run' });
    expect(20 * 86_400).toBeGreaterThan(CLOCK_JUMP_S);
    expect(stats.timer_time).toBeCloseTo(2398, 6);
    expect(stats.elapsed_time).toBeCloseTo(2398, 6);
  });

  it('never pauses a recording whose session log says the timer ran', () => {
    const track = lineTrack({ n: 3, stepM: 0, dtS: 1000 });
    const events = [
      { kind: 'START' as const, at: T0 },
      { kind: 'STOP' as const, at: T0 + 2000 },
    ];
    expect(computeActivity(track, { sport: 'Run', events }).stats.timer_time).toBe(2000);
  });
});

describe('device totals', () => {
  it('follow the device timer and distance, with a stream that ends at the headline distance', () => {
    // A treadmill-like run: the device's foot pod says 3 000 m and the timer ran 1 000 s,
    // the samples (one lap, no pauses) span 1 210 s.
    const track = lineTrack({ n: 1211, stepM: 0, distance: (i) => i * 2.5 });
    const { stats, streams } = computeActivity(track, {
      sport: 'Run',
      laps: [{ startTime: T0, endTime: T0 + 1210, totals: { timerS: 1000, distanceM: 3000 } }],
      deviceTotals: { distanceM: 3000, timerS: 1000, elapsedS: 1210 },
    });
    expect(stats.timer_time).toBe(1000);
    expect(stats.elapsed_time).toBe(1210);
    expect(stats.moving_time).toBeLessThanOrEqual(1000);
    expect(stats.distance).toBe(3000);
    expect(lastOf(streams.distance)).toBe(stats.distance);
    expect(stats.laps[0]!.timer_time).toBe(1000);
    // Without session totals, the laps' own timer totals are the device's timer.
    const fromLaps = computeActivity(track, {
      sport: 'Run',
      laps: [
        { startTime: T0, endTime: T0 + 600, totals: { timerS: 500 } },
        { startTime: T0 + 600, endTime: T0 + 1210, totals: { timerS: 500 } },
      ],
    }).stats;
    expect(fromLaps.timer_time).toBe(1000);
  });

  it('ignore the totals of a truncated file: they describe samples that are not there', () => {
    const track = lineTrack({ n: 300, stepM: 3, distance: (_i, d) => d });
    const { stats } = computeActivity(track, {
      sport: 'Run',
      deviceTotals: { distanceM: 11_000, timerS: 3600, elapsedS: 3600 },
    });
    expect(stats.timer_time).toBe(299);
    expect(stats.distance).toBeCloseTo(897, 6);
  });

  it('count a device counter that starts at 500 m when the device total says so', () => {
    const track = lineTrack({ n: 1001, stepM: 3, distance: (_i, d) => 500 + d });
    const withTotal = computeActivity(track, {
      sport: 'Run',
      deviceTotals: { distanceM: 3500, timerS: 1000 },
    });
    expect(withTotal.stats.distance).toBeCloseTo(3500, 6);
    expect(withTotal.streams.distance[0]).toBeCloseTo(500, 6);
    expect(lastOf(withTotal.streams.distance)).toBe(withTotal.stats.distance);
    // A later session of a multisport file: its counter carries on from the session before.
    const carried = computeActivity(track, {
      sport: 'Run',
      deviceTotals: { distanceM: 3000, timerS: 1000 },
    });
    expect(carried.stats.distance).toBeCloseTo(3000, 6);
    expect(carried.streams.distance[0]).toBe(0);
    // No totals: nothing says the first 500 m belong to this activity.
    expect(computeActivity(track, { sport: 'Run' }).stats.distance).toBeCloseTo(3000, 6);
  });

  it('give an indoor ride without any distance no splits and laps with a null distance', () => {
    const track = timesOnly(Array.from({ length: 600 }, (_, i) => T0 + i));
    const { stats } = computeActivity(track, {
      sport: 'VirtualRide',
      indoor: true,
      laps: [{ startTime: T0 }, { startTime: T0 + 300 }],
      deviceTotals: { distanceM: 0, timerS: 599 },
    });
    expect(stats.distance).toBe(0);
    expect(stats.splits_metric).toEqual([]);
    expect(stats.laps.map((l) => l.distance)).toEqual([null, null]);
    expect(stats.moving_time).toBe(599);
  });

  it('give an indoor ride its distance from the device total when the samples have none', () => {
    const track = timesOnly(Array.from({ length: 601 }, (_, i) => T0 + i));
    const { stats, streams } = computeActivity(track, {
      sport: 'VirtualRide',
      deviceTotals: { distanceM: 5000, timerS: 600 },
    });
    expect(stats.distance).toBe(5000);
    expect(stats.distance_source).toBe('totals');
    expect(lastOf(streams.distance)).toBe(5000);
    expect(stats.splits_metric.length).toBe(5);
    expect(stats.best_speed).toEqual([]);
  });
});

describe('pool swims', () => {
  /** 20 lengths of 25 m in 30 s each, a 60 s rest after the 10th; HR records every second. */
  function pool() {
    const lengths: SwimLengthInput[] = [];
    let t = T0;
    for (let k = 0; k < 20; k++) {
      lengths.push({ startTime: t, endTime: t + 30, distanceM: 25, active: true, strokes: 15 });
      t += 30;
      if (k === 9) {
        lengths.push({ startTime: t, endTime: t + 60, distanceM: 0, active: false });
        t += 60;
      }
    }
    const track = timesOnly(Array.from({ length: t - T0 + 1 }, (_, i) => T0 + i));
    return { track, lengths, end: t };
  }

  it('take distance and moving time from the active lengths', () => {
    const { track, lengths } = pool();
    const { stats, streams } = computeActivity(track, {
      sport: 'Swim',
      lengths,
      poolLengthM: 25,
    });
    expect(stats.distance).toBe(500);
    expect(stats.distance_source).toBe('lengths');
    expect(stats.moving_time).toBe(600);
    expect(stats.average_speed).toBeCloseTo(500 / 600, 9);
    expect(stats.average_pace_100m).toBeCloseTo(120, 9);
    expect(stats.average_pace_100yd).toBeCloseTo(120 * 0.9144, 9);
    expect(stats.active_lengths).toBe(20);
    expect(stats.pool_length).toBe(25);
    expect(lastOf(streams.distance)).toBe(500);
    expect(streams.distance[330]).toBeCloseTo(250, 9); // resting at the wall after 10 lengths
    expect(stats.splits_metric.length).toBe(1);
  });

  it('take distance from the laps when there are no lengths, moving time from the non-rest laps', () => {
    const { track, end } = pool();
    const laps = [
      { startTime: T0, endTime: T0 + 300, totals: { distanceM: 250, timerS: 300 } },
      { startTime: T0 + 300, endTime: T0 + 360, totals: { distanceM: 0, timerS: 60 } },
      { startTime: T0 + 360, endTime: end, totals: { distanceM: 250, timerS: 300 } },
    ];
    const { stats, streams } = computeActivity(track, {
      sport: 'Swim',
      laps,
      deviceTotals: { distanceM: 500, timerS: 660 },
    });
    expect(stats.distance).toBe(500);
    expect(stats.distance_source).toBe('laps');
    expect(stats.moving_time).toBe(600);
    expect(stats.laps.map((l) => l.distance)).toEqual([250, 0, 250]);
    expect(lastOf(streams.distance)).toBe(500);
  });

  it('never take a swim moving time from a distance stream that moves every 100 m', () => {
    // 58 minutes of swimming; the watch's distance counter steps once per 100 m.
    const n = 3480;
    const track = lineTrack({
      n,
      stepM: 0,
      distance: (i) => Math.floor((i * 0.8) / 100) * 100,
    });
    const { stats } = computeActivity(
      { ...track, lat: track.lat.fill(Number.NaN), lon: track.lon.fill(Number.NaN) },
      { sport: 'Swim' },
    );
    expect(stats.moving_time).toBe(n - 1);
    expect(stats.average_speed).toBeLessThan(1);
  });
});

import { describe, expect, it } from 'vitest';
import { vincentyDistance } from '../geo/reference.js';
import { syntheticTrack } from '../testing/synthetic.js';
import { lineTrack } from '../testing/tracks.js';
import { trackFromColumns } from '../track.js';
import { computeActivity } from './compute.js';

const rel = (a: number, b: number) => Math.abs(a - b) / b;

describe('distance', () => {
  it('matches the Vincenty length of a known great-circle path within 0.05 %', () => {
    const t = lineTrack({ n: 3601, stepM: 3, bearingDeg: 70, lat0: 51.5 });
    let ref = 0;
    for (let i = 1; i < t.length; i++)
      ref += vincentyDistance(t.lat[i - 1]!, t.lon[i - 1]!, t.lat[i]!, t.lon[i]!);
    const { stats } = computeActivity(t, { sport: 'Run' });
    expect(stats.distance_source).toBe('gps');
    expect(rel(stats.distance, ref)).toBeLessThan(5e-4);
  });

  it('stays within 2 % of the true length from noisy GPS alone (1 Hz, 2 m wandering error)', () => {
    for (const seed of [1, 2, 3]) {
      const { track, trueDistanceM } = syntheticTrack({ seed, sport: 'run', seconds: 3600 });
      const { stats } = computeActivity(track, { sport: 'Run' });
      expect(rel(stats.distance, trueDistanceM)).toBeLessThan(0.02);
    }
  });

  it('prefers the device distance stream (wheel sensor, foot pod) when the file has one', () => {
    // The device says 3 % more than the GPS path, as a calibrated wheel would.
    const t = lineTrack({ n: 1001, stepM: 8, distance: (_i, gps) => gps * 1.03 });
    const { stats } = computeActivity(t, { sport: 'Ride' });
    expect(stats.distance_source).toBe('device');
    expect(rel(stats.distance, 8000 * 1.03)).toBeLessThan(1e-9);
    let ref = 0;
    for (let i = 1; i < t.length; i++)
      ref += vincentyDistance(t.lat[i - 1]!, t.lon[i - 1]!, t.lat[i]!, t.lon[i]!);
    const gps = computeActivity(t, { sport: 'Ride', distanceSource: 'gps' }).stats.distance;
    expect(rel(gps, ref)).toBeLessThan(5e-4);
  });

  it('never counts a device distance reset as negative distance', () => {
    const dist = (i: number) => (i < 50 ? i * 3 : (i - 50) * 3);
    const t = lineTrack({ n: 100, stepM: 3, distance: dist });
    expect(computeActivity(t, { sport: 'Run' }).stats.distance).toBeCloseTo(49 * 3 + 49 * 3, 6);
  });
});

describe('moving and elapsed time', () => {
  it('leaves a 10-minute stop out of moving time (within 1 %)', () => {
    const { track } = syntheticTrack({
      seed: 7,
      sport: 'run',
      seconds: 3600,
      stops: [[1200, 600]],
    });
    const { stats } = computeActivity(track, { sport: 'Run' });
    expect(stats.elapsed_time).toBe(3599);
    expect(rel(stats.moving_time, 3000)).toBeLessThan(0.01);
  });

  it('takes timer time from the session log and counts nothing across a pause', () => {
    const t = lineTrack({ n: 1000, stepM: 3 });
    const t0 = t.time[0]!;
    const events = [
      { kind: 'START' as const, at: t0 },
      { kind: 'PAUSE' as const, at: t0 + 399.5 },
      { kind: 'RESUME' as const, at: t0 + 600.5 },
      { kind: 'STOP' as const, at: t0 + 999 },
    ];
    const { stats } = computeActivity(t, { sport: 'Run', events });
    expect(stats.elapsed_time).toBe(999);
    expect(stats.timer_time).toBe(999 - 201);
    // Samples inside the pause are kept but no step touching the pause counts.
    expect(stats.distance).toBeLessThan(3 * (999 - 201) + 1);
    expect(stats.moving_time).toBeLessThanOrEqual(stats.timer_time);
  });
});

describe('elevation', () => {
  const flat = (amp: number, source: 'gps' | 'barometric') => {
    const t = lineTrack({ n: 3600, stepM: 3, elevation: (i) => 200 + (i % 2 ? amp : -amp) });
    return computeActivity(t, { sport: 'Run', elevationSource: source }).stats;
  };

  it('gives ~0 gain for sawtooth noise on flat ground', () => {
    expect(flat(1, 'barometric').total_elevation_gain).toBeLessThan(1);
    expect(flat(4, 'gps').total_elevation_gain).toBeLessThan(2);
  });

  it('counts a 100 m climb and descent within 2 %', () => {
    const ele = (i: number) => (i < 1000 ? 100 + i * 0.1 : 200 - (i - 1000) * 0.1);
    const t = lineTrack({ n: 2001, stepM: 3, elevation: ele });
    const s = computeActivity(t, { sport: 'Run' }).stats;
    expect(rel(s.total_elevation_gain, 100)).toBeLessThan(0.02);
    expect(rel(s.total_elevation_loss, 100)).toBeLessThan(0.03);
    expect(s.elev_high).toBeCloseTo(200, 4);
    expect(s.elev_low).toBeCloseTo(100, 4);
  });
});

// lineTrack steps on a sphere, so its GPS length differs from the nominal steps by ~0.1 %
// (WGS84 vs sphere); tests that need exact distances carry them as a device distance stream.
const exact = (_i: number, m: number) => m;

describe('splits, laps and best efforts', () => {
  it('cuts metric and standard splits at exact distances', () => {
    const t = lineTrack({ n: 3335, stepM: 3, distance: exact }); // 10 002 m at 3 m/s
    const { stats } = computeActivity(t, { sport: 'Run' });
    expect(stats.splits_metric).toHaveLength(10);
    for (const s of stats.splits_metric) {
      expect(s.distance).toBeCloseTo(1000, 6);
      expect(s.elapsed_time).toBeCloseTo(1000 / 3, 2);
      expect(s.average_speed).toBeCloseTo(3, 3);
    }
    expect(stats.splits_standard).toHaveLength(7); // 6 full miles + 0.215 mile
    expect(stats.laps).toHaveLength(11);
    expect(stats.laps[10]!.distance).toBeCloseTo(2, 0);
  });

  it('finds the fastest stretch of each standard distance', () => {
    // 3 m/s, except 4 m/s for samples 1000..1400 (1 600 m fast).
    const t = lineTrack({
      n: 3000,
      stepM: (i) => (i > 1000 && i <= 1400 ? 4 : 3),
      distance: exact,
    });
    const { stats } = computeActivity(t, { sport: 'Run' });
    const byName = Object.fromEntries(stats.best_efforts.map((e) => [e.name, e]));
    expect(byName['400m']!.elapsed_time).toBeCloseTo(100, 6);
    expect(byName['1k']!.elapsed_time).toBeCloseTo(250, 6);
    expect(byName['1 mile']!.elapsed_time).toBeCloseTo(400 + 9.344 / 3, 6);
    expect(byName['5k']!.elapsed_time).toBeCloseTo(400 + 3400 / 3, 6);
    expect(byName['10k']).toBeUndefined(); // the run is 9 397 m
  });

  it('uses the file laps when given', () => {
    const t = lineTrack({ n: 601, stepM: 3, distance: exact });
    const t0 = t.time[0]!;
    const { stats } = computeActivity(t, {
      sport: 'Run',
      laps: [{ startTime: t0 }, { startTime: t0 + 200 }],
    });
    expect(stats.laps.map((l) => Math.round(l.distance))).toEqual([600, 1200]);
    expect(stats.laps[0]!.source).toBe('file');
  });
});

describe('power, heart rate, calories', () => {
  it('gives normalized power equal to the average for steady power, above it for intervals', () => {
    const steady = lineTrack({ n: 3601, stepM: 8, power: () => 200 });
    const s = computeActivity(steady, { sport: 'Ride' }).stats;
    expect(s.average_watts).toBeCloseTo(200, 9);
    expect(s.weighted_average_watts).toBeCloseTo(200, 6);
    expect(s.kilojoules).toBeCloseTo(720, 6);
    expect(s.calories_source).toBe('power');
    expect(s.best_power.map((w) => w.duration)).toEqual([5, 60, 300, 1200, 3600]);
    const intervals = lineTrack({
      n: 3601,
      stepM: 8,
      power: (i) => (Math.floor(i / 120) % 2 ? 300 : 100),
    });
    const p = computeActivity(intervals, { sport: 'Ride' }).stats;
    expect(p.average_watts).toBeCloseTo(200, 0);
    expect(p.weighted_average_watts!).toBeGreaterThan(230);
    expect(p.best_power[1]!.value).toBeCloseTo(300, 6);
  });

  it('weights heart rate by time and fills the zones with the time that has HR', () => {
    const t = lineTrack({ n: 1001, stepM: 3, heartRate: (i) => (i <= 500 ? 120 : 170) });
    const { stats } = computeActivity(t, { sport: 'Run', athlete: { maxHr: 190 } });
    expect(stats.average_heartrate).toBeCloseTo(145, 6);
    expect(stats.max_heartrate).toBe(170);
    const zones = stats.hr_zones!;
    expect(zones.reduce((a, z) => a + z.time, 0)).toBeCloseTo(1000, 6);
    expect(zones.map((z) => z.min)).toEqual([0, 114, 133, 152, 171]);
    expect(zones[1]!.time).toBeCloseTo(500, 6); // 114 ≤ 120 < 133
    expect(zones[3]!.time).toBeCloseTo(500, 6); // 152 ≤ 170 < 171
  });

  it('takes calories from the device first, and estimates from HR with a profile', () => {
    const t = lineTrack({ n: 1801, stepM: 3, heartRate: () => 150 });
    const dev = computeActivity(t, { sport: 'Run', deviceTotals: { calories: 432 } }).stats;
    expect(dev.calories).toBe(432);
    const athlete = { weightKg: 70, sex: 'M' as const, birthYear: 1990 };
    const hr = computeActivity(t, { sport: 'Run', athlete }).stats;
    expect(hr.calories_source).toBe('heartrate');
    expect(hr.calories!).toBeGreaterThan(300);
    expect(hr.calories!).toBeLessThan(600);
    expect(computeActivity(t, { sport: 'Run' }).stats.calories).toBeNull();
  });
});

describe('streams and empty input', () => {
  it('serves distance, velocity_smooth, grade_smooth and moving aligned with the track', () => {
    const t = lineTrack({ n: 600, stepM: 3, elevation: (i) => 100 + i * 0.15 });
    const r = computeActivity(t, { sport: 'Run' });
    expect(r.streams.distance).toHaveLength(r.track.length);
    expect(Math.abs(r.streams.velocity_smooth[300]! - 3)).toBeLessThan(0.01);
    expect(r.streams.grade_smooth[300]).toBeCloseTo(5, 0);
    expect(r.streams.moving[300]).toBe(1);
  });

  it('returns zeros, not NaN, for an empty track', () => {
    const empty = trackFromColumns({
      time: new Float64Array(0),
      lat: new Float64Array(0),
      lon: new Float64Array(0),
    });
    const { stats } = computeActivity(empty, { sport: 'Run' });
    expect(stats.distance).toBe(0);
    expect(stats.elapsed_time).toBe(0);
    expect(stats.start_date).toBeNull();
    expect(JSON.stringify(stats)).not.toContain('NaN');
  });
});

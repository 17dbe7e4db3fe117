import { describe, expect, it } from 'vitest';
import { computeActivity } from '../stats/compute.js';
import { MAX_LAPS } from '../stats/laps.js';
import { MAX_SPLITS } from '../stats/splits.js';
import { type Track, TrackBuilder, type TrackPoint } from '../track.js';
import {
  checkSessionTimes,
  ImplausibleActivityError,
  LATEST_TIME_S,
  MAX_KEPT_SAMPLES,
  screenTrack,
} from './plausibility.js';

const T0 = Date.UTC(2026, 4, 1, 8) / 1000;

/** A steady run north at 3 m/s, one sample a second, with a device distance stream. */
function run(n: number, edit: (p: TrackPoint, i: number) => void = () => {}): Track {
  const b = new TrackBuilder(n);
  for (let i = 0; i < n; i++) {
    const p: TrackPoint = {
      time: T0 + i,
      lat: 45 + (i * 3) / 111_195,
      lon: 4.8,
      heartRate: 150,
      distance: i * 3,
    };
    edit(p, i);
    b.push(p);
  }
  return b.build();
}

describe('screenTrack', () => {
  it('leaves a plausible run exactly as it was, without warnings', () => {
    const track = run(600);
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(warnings).toEqual([]);
    expect(out.time).toEqual(track.time);
    expect(out.distance).toEqual(track.distance);
    expect(out.heartRate).toEqual(track.heartRate);
  });

  it('drops a sample timed 1e308 or before 1990, and says so', () => {
    const track = run(100, (p, i) => {
      if (i === 50) p.time = 1e308;
      if (i === 10) p.time = Date.UTC(1989, 11, 31) / 1000;
    });
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(out.length).toBe(98);
    expect(Math.max(...out.time)).toBe(T0 + 99);
    expect(warnings.join(' ')).toMatch(/Dropped 2 samples timed before 1990 or after 2099/);
    const stats = computeActivity(out, { sport: 'Run' }).stats;
    expect(stats.elapsed_time).toBe(99);
  });

  it('drops a lone sample years ahead of the rest instead of losing every sample after it', () => {
    const track = run(300, (p, i) => {
      if (i === 100) p.time = LATEST_TIME_S - 10;
    });
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(out.length).toBe(299);
    expect(warnings.join(' ')).toMatch(/Dropped 1 sample timed over 30 days away from the rest/);
    expect(computeActivity(out, { sport: 'Run' }).stats.elapsed_time).toBe(299);
  });

  it('drops a lone timestamp minutes ahead that would make the samples after it go back', () => {
    const track = run(300, (p, i) => {
      if (i === 100) p.time += 3600;
    });
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(out.length).toBe(299);
    expect(warnings.join(' ')).toMatch(/timed far ahead/);
    expect(computeActivity(out, { sport: 'Run' }).stats.cleaning.backwardsTime).toBe(0);
  });

  it('refuses samples that span more than the longest activity', () => {
    const track = run(3, (p, i) => {
      p.time = T0 + i * 20 * 86_400;
    });
    expect(() => screenTrack(track, { sport: 'Run' })).toThrow(ImplausibleActivityError);
    expect(() => screenTrack(track, { sport: 'Run' })).toThrow(
      /span 40 days; an activity may last at most 30 days/,
    );
    // A recording's span is checked on its session log instead.
    expect(screenTrack(track, { sport: 'Run', hasSessionLog: true }).track.length).toBe(3);
  });

  it('refuses an activity lasting over 14 days, not counting clock jumps', () => {
    // A sample every 10 minutes for 15 days: a watch left recording, not one activity.
    const long = run(15 * 144 + 1, (p, i) => {
      p.time = T0 + i * 600;
    });
    expect(() => screenTrack(long, { sport: 'Hike' })).toThrow(
      /lasts 15 days \(not counting clock jumps\); an activity may last at most 14 days/,
    );
    // An hour's run whose clock jumps 20 days forward halfway: accepted, the jump is no time.
    const jumped = run(3600, (p, i) => {
      if (i >= 1800) p.time += 20 * 86_400;
    });
    expect(screenTrack(jumped, { sport: 'Run' }).track.length).toBe(3600);
    const stats = computeActivity(jumped, { sport: 'Run' }).stats;
    expect(stats.elapsed_time).toBeCloseTo(3599 - 1, 6);
    expect(stats.timer_time).toBeCloseTo(3599 - 1, 6);
  });

  it('refuses a file activity with a single sample, not the visible part of one', () => {
    const one = run(1);
    expect(() => screenTrack(one, { sport: 'Run' })).toThrow(/a single sample/);
    expect(() => screenTrack(run(0), { sport: 'Run' })).toThrow(/no samples/);
    expect(screenTrack(one, { sport: 'Run', partial: true }).track.length).toBe(1);
    expect(screenTrack(one, { sport: 'Run', hasSessionLog: true }).track.length).toBe(1);
  });

  it('refuses a file none of whose samples has a plausible time', () => {
    const track = run(5, (p, i) => {
      p.time = Date.UTC(1901, 11, 13) / 1000 + i;
    });
    expect(() => screenTrack(track, { sport: 'Run' })).toThrow(/No sample .* plausible time/);
  });

  it('does not count a device distance jump faster than the sport allows (a 40 000 km run)', () => {
    const track = run(600, (p, i) => {
      if (i === 300) p.distance = (p.distance ?? 0) + 40_000_000;
      if (i > 300) p.distance = (p.distance ?? 0) + 40_000_000;
    });
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(warnings.join(' ')).toMatch(/device distance jumped 1 time faster than 15 m\/s/);
    const stats = computeActivity(out, { sport: 'Run' }).stats;
    expect(stats.distance).toBeCloseTo(599 * 3 - 3, 6);
    expect(stats.splits_metric.length).toBe(2);
    // A ride may go faster than a run: 30 m/s is a fast descent, not a glitch.
    // A GPS device catching up after a lost signal steps 40 m in a second: not a glitch.
    const catchUp = run(100, (p, i) => {
      if (i >= 50) p.distance = (p.distance ?? 0) + 40;
    });
    expect(screenTrack(catchUp, { sport: 'Run' }).warnings).toEqual([]);
  });

  it('uses GPS distance when the device distance averages more than the sport allows', () => {
    const fast = run(600, (p, i) => {
      p.distance = i * 900; // 900 m every second, each step within the allowance
    });
    const { track: out, warnings } = screenTrack(fast, { sport: 'Run' });
    expect(out.distance).toBeNull();
    expect(warnings).toEqual([
      'The device distance implies more than 15 m/s on average; the GPS distance was used instead',
    ]);
    const gps = computeActivity(out, { sport: 'Run' }).stats.distance;
    expect(gps).toBeGreaterThan(1700);
    expect(gps).toBeLessThan(1800);
    // The same speed is a fast ride: 30 m/s is a descent, not a glitch.
    const ride = run(600, (p, i) => {
      p.distance = i * 30;
    });
    expect(screenTrack(ride, { sport: 'Ride' }).warnings).toEqual([]);
  });

  it('removes out-of-range positions and channel values, keeping the sample', () => {
    const track = run(10, (p, i) => {
      if (i === 2) p.lat = 91;
      if (i === 3) p.heartRate = 33_000;
      if (i === 4) p.power = -5;
      if (i === 5) p.speed = 33_000;
    });
    const { track: out, warnings } = screenTrack(track, { sport: 'Run' });
    expect(out.length).toBe(10);
    expect(out.lat[2]).toBeNaN();
    expect(out.lon[2]).toBeNaN();
    expect(out.heartRate![3]).toBeNaN();
    expect(out.power![4]).toBeNaN();
    expect(out.speed![5]).toBeNaN();
    expect(warnings).toEqual([
      'Repaired 3 samples with impossible values (position, heart rate, power…), removing those values',
      'Repaired 1 sample with a speed above 15 m/s, removing the speed',
    ]);
  });

  it('keeps legacy pause markers (latitude 100 / 200) for cleaning to read', () => {
    const track = run(10, (p, i) => {
      if (i === 4) p.lat = 100;
    });
    expect(screenTrack(track, { sport: 'Run' }).track.lat[4]).toBe(100);
  });

  it('thins a track with more samples than are kept, evenly', () => {
    const n = MAX_KEPT_SAMPLES * 2 + 10;
    const { track: out, warnings } = screenTrack(run(n), { sport: 'Run' });
    expect(out.length).toBeLessThanOrEqual(MAX_KEPT_SAMPLES);
    expect(out.time[1]! - out.time[0]!).toBe(3);
    expect(warnings[0]).toMatch(/every 3th was kept/);
  });
});

describe('bounded lists', () => {
  it('lists at most MAX_SPLITS splits and MAX_LAPS laps however long the activity', () => {
    // 2 500 km of device distance at a plausible ride speed (30 m/s) over 23 hours.
    const n = 84_000;
    const b = new TrackBuilder(n);
    for (let i = 0; i < n; i++) b.push({ time: T0 + i, distance: i * 30 });
    const track = b.build();
    const stats = computeActivity(track, { sport: 'Ride' }).stats;
    expect(stats.distance).toBeGreaterThan(2_000_000);
    expect(stats.splits_metric).toHaveLength(MAX_SPLITS);
    expect(stats.splits_standard).toHaveLength(MAX_SPLITS);
    const many = Array.from({ length: 5000 }, (_, k) => ({ startTime: T0 + k * 10 }));
    const withLaps = computeActivity(track, { sport: 'Ride', laps: many }).stats;
    expect(withLaps.laps).toHaveLength(MAX_LAPS);
    const auto = computeActivity(track, { sport: 'Run' }).stats;
    expect(auto.laps).toHaveLength(MAX_LAPS);
    expect(auto.laps.at(-1)!.end_index).toBe(n - 1); // the last auto lap runs to the end
  });
});

describe('checkSessionTimes', () => {
  it('refuses a STOP three years after START, and events outside 1990…2099', () => {
    const start = { kind: 'START' as const, at: T0 };
    expect(() => checkSessionTimes([start, { kind: 'STOP', at: T0 + 3 * 365 * 86_400 }])).toThrow(
      /STOP event comes 1095 days after START; an activity may last at most 30 days/,
    );
    expect(() => checkSessionTimes([{ kind: 'START', at: LATEST_TIME_S + 1 }])).toThrow(
      /between 1990 and 2099/,
    );
    expect(() => checkSessionTimes([start, { kind: 'STOP', at: T0 + 3600 }])).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { IllegalTransitionError } from '../errors.js';
import type { SessionEvent } from '../session/state-log.js';
import { syntheticTrack } from '../testing/synthetic.js';
import { computeActivity } from './compute.js';
import { LiveStats } from './live.js';

describe('LiveStats', () => {
  it('ends with exactly what computeActivity saves for the same samples and events', () => {
    const { track } = syntheticTrack({
      seed: 11,
      sport: 'ride',
      seconds: 2400,
      stops: [[900, 300]],
    });
    const t0 = track.time[0]!;
    const events: SessionEvent[] = [
      { kind: 'START', at: t0 },
      { kind: 'PAUSE', at: t0 + 1000.5 },
      { kind: 'RESUME', at: t0 + 1100 },
      { kind: 'STOP', at: t0 + 2399 },
    ];
    const live = new LiveStats({ sport: 'Ride', distanceSource: 'gps', elevationSource: 'gps' });
    let ev = 0;
    const midway: number[] = [];
    for (let i = 0; i < track.length; i++) {
      const t = track.time[i]!;
      // The recorder logs START/RESUME before the next sample, PAUSE/STOP after the last one.
      while (ev < events.length) {
        const e = events[ev]!;
        const opens = e.kind === 'START' || e.kind === 'RESUME';
        if (!(opens ? e.at <= t : e.at < t)) break;
        live.event(e.kind, e.at);
        ev++;
      }
      live.push({
        time: t,
        lat: track.lat[i]!,
        lon: track.lon[i]!,
        elevation: track.elevation![i]!,
        heartRate: track.heartRate![i]!,
        cadence: track.cadence![i]!,
        power: track.power![i]!,
      });
      if (i === 1200) midway.push(live.totals().distance, live.totals().timer_time);
    }
    while (ev < events.length) live.event(events[ev]!.kind, events[ev++]!.at);
    const saved = computeActivity(track, { sport: 'Ride', elevationSource: 'gps', events });
    const got = live.activity();
    expect(got).toEqual(saved);
    expect(live.totals().distance).toBe(saved.stats.distance);
    expect(live.totals().moving_time).toBe(saved.stats.moving_time);
    expect(live.totals().timer_time).toBe(saved.stats.timer_time);
    expect(live.totals().total_elevation_gain).toBe(saved.stats.total_elevation_gain);
    // Totals part-way equal a batch computation over the prefix, too.
    const prefix = computeActivity(
      { ...track, length: 1201, time: track.time.subarray(0, 1201) },
      { sport: 'Ride', elevationSource: 'gps', events: events.slice(0, 3) },
    );
    expect(midway[0]).toBe(prefix.stats.distance);
    expect(midway[1]).toBeCloseTo(prefix.stats.timer_time, 9);
  });

  it('raises a typed error for a pause before start', () => {
    const live = new LiveStats({ sport: 'Run' });
    expect(() => live.event('PAUSE', 1)).toThrow(IllegalTransitionError);
  });

  it('drops samples after STOP', () => {
    const live = new LiveStats({ sport: 'Run' });
    live.event('START', 0);
    expect(live.push({ time: 1, lat: 45, lon: 7 })).toBe(true);
    live.event('STOP', 2);
    expect(live.push({ time: 3, lat: 45, lon: 7 })).toBe(false);
    expect(live.activity().stats.cleaning.outsideSession).toBe(1);
  });
});

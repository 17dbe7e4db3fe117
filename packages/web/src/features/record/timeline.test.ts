import { computeActivity, LiveStats, TrackBuilder } from '@stride/core';
import { describe, expect, it } from 'vitest';
import type { StoredEvent, StoredPoint } from '../../offline/db.js';
import { acceptsFix, type EventKind, eventTimeMs, replay, toSample } from './timeline.js';

const T0_MS = 1_714_550_400_000;

/**
 * Plays a recording as the recorder does: a fix every second (some repeated), the athlete
 * pressing buttons at given seconds, twice within one second once.
 */
function record(presses: Array<[atS: number, kind: EventKind]>, seconds: number) {
  const live = new LiveStats({ sport: 'Run' });
  const events: StoredEvent[] = [];
  const points: StoredPoint[] = [];
  let lastPointMs = Number.NEGATIVE_INFINITY;
  const log = (kind: EventKind, nowMs: number) => {
    const lastEventMs = events.length ? Math.round(events.at(-1)!.at * 1000) : nowMs;
    const at = eventTimeMs(nowMs, lastPointMs, lastEventMs) / 1000;
    events.push({ kind, at });
    live.event(kind, at);
  };
  log('START', T0_MS);
  for (let s = 0; s <= seconds; s++) {
    const nowMs = T0_MS + s * 1000;
    for (const [at, kind] of presses) if (at === s) log(kind, nowMs);
    // The GPS clock runs ahead of the system clock (by 0.9–1.2 s), and repeats a fix now and then.
    const tMs = nowMs + 1200 - (s % 3) * 150;
    for (let copy = s % 7 === 0 ? 2 : 1; copy > 0; copy--) {
      if (!acceptsFix(tMs, lastPointMs, events.at(-1))) continue;
      const p: StoredPoint = {
        t: tMs / 1000,
        lat: 45.75 + s * 3e-5,
        lng: 4.83,
        alt: 170 + (s % 40),
      };
      points.push(p);
      live.push(toSample(p));
      lastPointMs = tMs;
    }
  }
  log('STOP', T0_MS + seconds * 1000);
  return { live, events, points };
}

/** The server's way: samples sorted by time into a track, then computeActivity with the log. */
function serverCompute(events: StoredEvent[], points: StoredPoint[]) {
  const b = new TrackBuilder(points.length);
  for (const p of [...points].sort((x, y) => x.t - y.t)) b.push(toSample(p));
  return computeActivity(b.build(), { sport: 'Run', events, elevationSource: 'gps' });
}

describe('the recorder’s timeline', () => {
  const presses: Array<[number, EventKind]> = [
    [300, 'PAUSE'],
    [420, 'RESUME'],
    [421, 'PAUSE'],
    [421, 'RESUME'],
    [700, 'PAUSE'],
  ];
  const { live, events, points } = record(presses, 900);

  it('records no fix while paused and none twice', () => {
    const ts = points.map((p) => p.t);
    expect(new Set(ts).size).toBe(ts.length);
    for (let i = 1; i < ts.length; i++) expect(ts[i]!).toBeGreaterThan(ts[i - 1]!);
    const paused = (t: number) => (t > events[1]!.at && t < events[2]!.at) || t > events[5]!.at;
    expect(points.filter((p) => paused(p.t))).toEqual([]);
  });

  it('logs events in order, each after the fixes before it', () => {
    for (let i = 1; i < events.length; i++)
      expect(events[i]!.at).toBeGreaterThanOrEqual(events[i - 1]!.at);
    for (const e of events) expect(e.at * 1000).toBe(Math.round(e.at * 1000));
  });

  it('shows live exactly what the server computes from the same points and events', () => {
    const saved = serverCompute(events, points).stats;
    const t = live.totals();
    expect(t.distance).toBe(saved.distance);
    expect(t.moving_time).toBe(saved.moving_time);
    expect(t.elapsed_time).toBe(saved.elapsed_time);
    expect(t.total_elevation_gain).toBe(saved.total_elevation_gain);
    expect(t.distance).toBeGreaterThan(0);
  });

  it('restores from the stored points and events to the same numbers', () => {
    expect(replay('Run', events, points).totals()).toEqual(live.totals());
    // and mid-run, from a prefix, as after a reload
    const mid = record(presses.slice(0, 2), 500);
    expect(replay('Run', mid.events.slice(0, -1), mid.points).totals().distance).toBe(
      mid.live.totals().distance,
    );
  });
});

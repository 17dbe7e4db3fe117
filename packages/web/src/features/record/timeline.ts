import { LiveStats, type SportType } from '@stride/core';
import type { StoredEvent, StoredPoint } from '../../offline/db.js';

/**
 * The order of samples and state events. The server replays a recording with core's rule:
 * START/RESUME apply to samples at or after their time, PAUSE/STOP to samples after it. The
 * recorder keeps its live order identical to that replay, so the numbers on the screen are the
 * numbers the server saves, and a restored recording is exactly the one before the reload.
 * Times are whole milliseconds, kept as epoch seconds (ms / 1000) as the API expects.
 */

export type EventKind = StoredEvent['kind'];

/**
 * When the recorder logs an event pressed at `nowMs`: never before what is already logged. A
 * phone's GPS clock can run ahead of its system clock; the event then takes the last fix's
 * time, so that fix stays on the side of the event it was recorded on.
 */
export function eventTimeMs(nowMs: number, lastPointMs: number, lastEventMs: number): number {
  return Math.max(nowMs, lastPointMs, lastEventMs);
}

/**
 * Whether a fix taken at `tMs` is recorded: only while running, strictly after the previous
 * sample, and on the running side of the last event. Fixes while paused are not recorded
 * (as a manual pause does on a sports watch).
 */
export function acceptsFix(
  tMs: number,
  lastPointMs: number,
  lastEvent: StoredEvent | undefined,
): boolean {
  if (!lastEvent || (lastEvent.kind !== 'START' && lastEvent.kind !== 'RESUME')) return false;
  return tMs > lastPointMs && tMs >= Math.round(lastEvent.at * 1000);
}

/** Feeds stored events and samples to a fresh LiveStats in the server's replay order. */
export function replay(
  sport: SportType,
  events: readonly StoredEvent[],
  points: readonly StoredPoint[],
): LiveStats {
  const live = new LiveStats({ sport });
  let ev = 0;
  for (const p of points) {
    while (ev < events.length) {
      const e = events[ev]!;
      const opens = e.kind === 'START' || e.kind === 'RESUME';
      if (!(opens ? e.at <= p.t : e.at < p.t)) break;
      live.event(e.kind, e.at);
      ev++;
    }
    live.push(toSample(p));
  }
  while (ev < events.length) live.event(events[ev]!.kind, events[ev++]!.at);
  return live;
}

/** A stored point as core's sample, as the server's `assemble` builds it. */
export function toSample(p: StoredPoint) {
  return {
    time: p.t,
    lat: p.lat,
    lon: p.lng,
    ...(p.alt !== undefined ? { elevation: p.alt } : {}),
  };
}

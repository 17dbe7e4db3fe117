import { describe, expect, it } from 'vitest';
import type { StoredEvent, StoredPoint } from '../../offline/db.js';
import { batchesFor, LIVE_HEARTBEAT_WINDOWS, lastClosedWindow, stateAt } from './live-batches.js';

const T0 = 1_800_000_000;
const fixes = (from: number, to: number): StoredPoint[] =>
  Array.from({ length: to - from }, (_, i) => ({ t: T0 + from + i, lat: 45, lng: 4 + i / 1e4 }));

describe('live batches', () => {
  const running: StoredEvent[] = [{ kind: 'START', at: T0 }];

  it('cuts the stored points into five-second windows numbered from START', () => {
    const batches = batchesFor(running, fixes(0, 12), 0, 1);
    expect(batches.map((b) => [b.seq, b.points.length, b.state])).toEqual([
      [0, 5, 'recording'],
      [1, 5, 'recording'],
    ]);
  });

  it('builds the same batch again from the same points (a resend is the same seq and content)', () => {
    const points = fixes(0, 30);
    expect(batchesFor(running, points, 2, 3)).toEqual(batchesFor(running, points.slice(8), 2, 3));
  });

  it('sends a window only once it is over (plus a grace second), every window after STOP', () => {
    expect(lastClosedWindow(running, T0 + 4)).toBe(-1);
    expect(lastClosedWindow(running, T0 + 6)).toBe(0);
    expect(lastClosedWindow(running, T0 + 10.5)).toBe(0);
    expect(lastClosedWindow(running, T0 + 11)).toBe(1);
    const stopped: StoredEvent[] = [...running, { kind: 'STOP', at: T0 + 12 }];
    expect(lastClosedWindow(stopped, T0 + 12)).toBe(2);
  });

  it('carries pauses and resumes; quiet windows go only as heart-beats', () => {
    const events: StoredEvent[] = [
      { kind: 'START', at: T0 },
      { kind: 'PAUSE', at: T0 + 7 },
      { kind: 'RESUME', at: T0 + 5 * LIVE_HEARTBEAT_WINDOWS + 2 },
    ];
    expect(stateAt(events, T0 + 8)).toBe('paused');
    const points = [
      ...fixes(0, 7),
      ...fixes(5 * LIVE_HEARTBEAT_WINDOWS + 2, 5 * LIVE_HEARTBEAT_WINDOWS + 9),
    ];
    const batches = batchesFor(events, points, 0, LIVE_HEARTBEAT_WINDOWS + 1);
    expect(batches.map((b) => [b.seq, b.points.length, b.state])).toEqual([
      [0, 5, 'recording'],
      [1, 2, 'paused'],
      [LIVE_HEARTBEAT_WINDOWS, 3, 'recording'],
      [LIVE_HEARTBEAT_WINDOWS + 1, 4, 'recording'],
    ]);
    // Every point goes in exactly one batch.
    expect(batches.flatMap((b) => b.points)).toEqual(points);
  });
});

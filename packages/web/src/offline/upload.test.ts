import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import type { StoredPoint } from './db.js';
import { classifyFailure, recordingParts } from './upload.js';

const entry = {
  sport_type: 'Run',
  name: 'Hill repeats',
  events: [
    { kind: 'START' as const, at: 1_714_550_400.123 },
    { kind: 'STOP' as const, at: 1_714_554_000.5 },
  ],
};
const points = (n: number): StoredPoint[] =>
  Array.from({ length: n }, (_, i) => ({ t: 1_714_550_401 + i, lat: 45 + i * 1e-5, lng: 4.8 }));

describe('recordingParts', () => {
  it('sends a short recording in one part', () => {
    const parts = recordingParts(entry, points(3));
    expect(parts).toHaveLength(1);
    expect(parts[0]).toMatchObject({ part: 1, parts: 1, sport_type: 'Run', name: 'Hill repeats' });
    expect(parts[0]!.points).toHaveLength(3);
  });

  it('splits a long one in order, every point in exactly one part, events in each', () => {
    const all = points(25_001);
    const parts = recordingParts(entry, all, 10_000);
    expect(parts.map((p) => [p.part, p.parts, p.points.length])).toEqual([
      [1, 3, 10_000],
      [2, 3, 10_000],
      [3, 3, 5_001],
    ]);
    expect(parts.flatMap((p) => p.points)).toEqual(all);
    for (const p of parts) expect(p.events).toEqual(parts[0]!.events);
  });

  it('still sends one (empty) part when no fix was recorded', () => {
    expect(recordingParts(entry, [])).toMatchObject([{ part: 1, parts: 1, points: [] }]);
  });

  it('writes event times as ISO timestamps to the millisecond', () => {
    expect(recordingParts(entry, []).at(0)!.events).toEqual([
      { kind: 'START', at: '2024-05-01T08:00:00.123Z' },
      { kind: 'STOP', at: '2024-05-01T09:00:00.500Z' },
    ]);
  });
});

describe('classifyFailure', () => {
  it('retries when the network or the server failed', () => {
    expect(classifyFailure(new TypeError('Failed to fetch')).kind).toBe('retry');
    for (const status of [408, 429, 500, 502, 503])
      expect(classifyFailure(new ApiError(status, 'X', 'x')).kind).toBe('retry');
  });

  it('waits for sign-in on 401', () => {
    expect(classifyFailure(new ApiError(401, 'INVALID_TOKEN', 'expired'))).toEqual({
      kind: 'signed-out',
    });
  });

  it('keeps the server’s message when it refuses the recording', () => {
    expect(classifyFailure(new ApiError(422, 'UNPROCESSABLE', 'must end with STOP'))).toEqual({
      kind: 'failed',
      message: 'must end with STOP',
    });
    expect(classifyFailure(new ApiError(409, 'CONFLICT', 'id taken')).kind).toBe('failed');
  });
});

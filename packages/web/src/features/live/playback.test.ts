import { describe, expect, it } from 'vitest';
import { advanceHead, indexAt, PLAYBACK_LAG_S, positionAt, startHead } from './playback.js';

const track = [
  { t: 0, lat: 0, lng: 0 },
  { t: 10, lat: 1, lng: 2 },
  { t: 20, lat: 1, lng: 4 },
];

describe('playback', () => {
  it('places the dot between the points around the playhead', () => {
    expect(positionAt(track, 5)).toEqual({ lat: 0.5, lng: 1 });
    expect(positionAt(track, 15)).toEqual({ lat: 1, lng: 3 });
    expect(positionAt(track, -3)).toEqual({ lat: 0, lng: 0 });
    expect(positionAt(track, 99)).toEqual({ lat: 1, lng: 4 });
    expect(positionAt([], 1)).toBeNull();
    expect([
      indexAt(track, -1),
      indexAt(track, 0),
      indexAt(track, 19.9),
      indexAt(track, 20),
    ]).toEqual([-1, 0, 1, 2]);
  });

  it('runs behind the newest point at real time, never past it', () => {
    expect(startHead(0, 100)).toBe(100 - PLAYBACK_LAG_S);
    expect(startHead(95, 100)).toBe(95);
    expect(advanceHead(90, 0.5, 0, 100)).toBe(90.5);
    expect(advanceHead(99.9, 1, 0, 100)).toBe(100);
  });

  it('catches up faster the further behind it is (a backlog after the athlete was offline)', () => {
    const step = advanceHead(40, 1, 0, 100) - 40;
    expect(step).toBeCloseTo(60 / PLAYBACK_LAG_S);
    let head = 40;
    for (let i = 0; i < 60; i++) head = advanceHead(head, 1, 0, 100);
    expect(head).toBe(100);
  });
});

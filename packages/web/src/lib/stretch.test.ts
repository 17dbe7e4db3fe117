import { describe, expect, it } from 'vitest';
import { indexAtDistance, initialRange, stretchFigures, stretchRoute } from './stretch.js';

describe('stretches of an activity', () => {
  const distance = [0, 10, 20, null, 40, 50];

  it('finds the last sample at or before a distance, skipping samples without one', () => {
    expect(indexAtDistance(distance, -5)).toBe(0);
    expect(indexAtDistance(distance, 0)).toBe(0);
    expect(indexAtDistance(distance, 19.9)).toBe(1);
    expect(indexAtDistance(distance, 20)).toBe(3);
    expect(indexAtDistance(distance, 39)).toBe(3);
    expect(indexAtDistance(distance, 40)).toBe(4);
    expect(indexAtDistance(distance, 1e9)).toBe(5);
  });

  it('measures distance, rise and grade between two samples', () => {
    const altitude = [100, 101, 102, 103, 104, 105];
    expect(stretchFigures(distance, altitude, 1, 5)).toEqual({
      distanceM: 40,
      riseM: 4,
      gradePct: 10,
    });
    expect(stretchFigures(distance, undefined, 0, 2)).toEqual({
      distanceM: 20,
      riseM: null,
      gradePct: null,
    });
    expect(stretchFigures(distance, altitude, 2, 3).gradePct).toBeNull();
  });

  it('opens the chooser on the middle third, never on fewer than two samples', () => {
    expect(initialRange(3000)).toEqual({ start: 1000, end: 2000 });
    expect(initialRange(2)).toEqual({ start: 0, end: 1 });
  });

  it('cuts the positions of a stretch, both ends included', () => {
    const latlng: ([number, number] | null)[] = [[1, 1], [2, 2], null, [4, 4]];
    expect(stretchRoute(latlng, 1, 3)).toEqual([[2, 2], null, [4, 4]]);
  });
});

import { describe, expect, it } from 'vitest';
import { dotSize } from './dot-size.js';

describe('training log dots', () => {
  it('grow in area with the moving time', () => {
    expect(dotSize(3600)).toBe(16);
    // A quarter of the time, a quarter of the area: half as wide.
    expect(dotSize(900)).toBe(8);
    // Twice the time, twice the area.
    expect(dotSize(7200)).toBe(23);
  });

  it('stay big enough to see and small enough to fit', () => {
    expect(dotSize(60)).toBe(6);
    expect(dotSize(0)).toBe(6);
    expect(dotSize(-5)).toBe(6);
    expect(dotSize(null)).toBe(6);
    expect(dotSize(Number.NaN)).toBe(6);
    expect(dotSize(10 * 3600)).toBe(26);
  });
});

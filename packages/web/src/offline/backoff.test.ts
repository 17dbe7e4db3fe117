import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_MS, backoffMs } from './backoff.js';

describe('backoffMs', () => {
  it('tries at once before any failure', () => {
    expect(backoffMs(0)).toBe(0);
  });

  it('doubles from 5 s, between half and all of the ceiling', () => {
    const low = () => 0;
    const high = () => 1;
    expect([1, 2, 3, 4].map((a) => backoffMs(a, high))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect([1, 2, 3, 4].map((a) => backoffMs(a, low))).toEqual([2_500, 5_000, 10_000, 20_000]);
  });

  it('never waits longer than ten minutes, however many failures', () => {
    expect(backoffMs(8, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(500, () => 1)).toBe(BACKOFF_CAP_MS);
    expect(backoffMs(500, () => 0)).toBe(BACKOFF_CAP_MS / 2);
  });
});

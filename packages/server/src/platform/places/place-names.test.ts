import { describe, expect, it } from 'vitest';
import { placeNear } from './place-names.js';

describe('place names', () => {
  it('names the town nearest a start, with its country in English', () => {
    expect(placeNear(45.764, 4.8357)).toEqual({ city: 'Lyon', country: 'France' });
    expect(placeNear(51.5074, -0.1278)?.country).toBe('United Kingdom');
    expect(placeNear(40.7128, -74.006)?.country).toBe('United States');
  });

  it('names nothing far from any town, at sea, or without a position', () => {
    expect(placeNear(0, -30)).toBeNull();
    expect(placeNear(Number.NaN, 4.8)).toBeNull();
  });
});

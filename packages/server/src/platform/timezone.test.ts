import { describe, expect, it } from 'vitest';
import { localIso, timezoneAt, utcOffsetS } from './timezone.js';

describe('time zones', () => {
  it('finds the zone of a position and its offset with daylight saving', () => {
    expect(timezoneAt(45.764, 4.8357)).toBe('Europe/Paris');
    expect(utcOffsetS('Europe/Paris', new Date('2026-07-01T06:00:00Z'))).toBe(7200);
    expect(utcOffsetS('Europe/Paris', new Date('2026-01-01T06:00:00Z'))).toBe(3600);
    expect(utcOffsetS('America/Denver', new Date('2026-01-01T06:00:00Z'))).toBe(-7 * 3600);
    expect(timezoneAt(null, 1)).toBeNull();
  });

  it('writes the local start time as Strava does', () => {
    expect(localIso(new Date('2026-07-01T06:00:00.400Z'), 7200)).toBe('2026-07-01T08:00:00Z');
  });
});

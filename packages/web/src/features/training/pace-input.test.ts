import { describe, expect, it } from 'vitest';
import { paceText, parsePace } from './pace-input.js';

describe('threshold pace as typed', () => {
  it('reads m:ss per km or per mile as m/s', () => {
    expect(parsePace('4:30', 'metric')).toBeCloseTo(1000 / 270, 10);
    expect(parsePace('4:30', 'metric')).toBeCloseTo(3.7037, 4);
    expect(parsePace(' 04:05 ', 'metric')).toBeCloseTo(1000 / 245, 10);
    expect(parsePace('7:15', 'imperial')).toBeCloseTo(1609.344 / 435, 10);
    expect(parsePace('7:15', 'imperial')).toBeCloseTo(3.69964, 4);
  });

  it('refuses what is not a pace', () => {
    for (const text of ['', '4', '4:3', '4:60', '4.30', 'fast', '0:00', '-4:30'])
      expect(parsePace(text, 'metric')).toBeNull();
  });

  it('takes the threshold paces the API takes: 1 to 7 m/s', () => {
    expect(parsePace('2:23', 'metric')).toBeCloseTo(6.993, 3);
    expect(parsePace('2:22', 'metric')).toBeNull();
    expect(parsePace('16:40', 'metric')).toBe(1);
    expect(parsePace('16:41', 'metric')).toBeNull();
    expect(parsePace('3:50', 'imperial')).toBeCloseTo(6.997, 3);
    expect(parsePace('3:49', 'imperial')).toBeNull();
    expect(parsePace('26:49', 'imperial')).toBeCloseTo(1.0002, 4);
    expect(parsePace('26:50', 'imperial')).toBeNull();
  });

  it('writes m/s back as the pace to type', () => {
    expect(paceText(1000 / 270, 'metric')).toBe('4:30');
    expect(paceText(3.7, 'metric')).toBe('4:30');
    expect(paceText(4, 'metric')).toBe('4:10');
    expect(paceText(4, 'imperial')).toBe('6:42');
    expect(paceText(null, 'metric')).toBe('');
    expect(paceText(0, 'metric')).toBe('');
  });

  it('survives a round trip in either units', () => {
    for (const units of ['metric', 'imperial'] as const)
      for (const text of ['4:05', '4:30', '9:59', '12:00'])
        expect(paceText(parsePace(text, units), units)).toBe(text);
  });
});

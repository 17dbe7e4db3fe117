import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayLabel,
  dayMs,
  daySeconds,
  mondayOf,
  recordDay,
  today,
  yearFrom,
} from './days.js';

describe('calendar days', () => {
  it('steps days across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    // A daylight-saving change is no day shorter here.
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
  });

  it('finds the Monday of a week', () => {
    expect(mondayOf('2026-05-11')).toBe('2026-05-11'); // a Monday
    expect(mondayOf('2026-05-17')).toBe('2026-05-11'); // its Sunday
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // a Thursday, its Monday last year
  });

  it('reads days and reads nothing else', () => {
    expect(dayMs('1970-01-02')).toBe(86_400_000);
    expect(daySeconds('1970-01-02')).toBe(86_400);
    expect(dayMs('yesterday')).toBeNaN();
  });

  it('says today in local time', () => {
    expect(today(new Date(2026, 4, 3, 23, 59))).toBe('2026-05-03');
  });

  it('labels days', () => {
    expect(dayLabel('2026-05-03', false, 'en-GB')).toBe('3 May');
    expect(dayLabel('2026-05-03', true, 'en-GB')).toBe('3 May 2026');
    expect(dayLabel('nope')).toBe('');
  });

  it('reads the year of a year in review', () => {
    const now = new Date(2026, 4, 3);
    expect(yearFrom('2024', now)).toBe(2024);
    expect(yearFrom('2026', now)).toBe(2026);
    expect(yearFrom(undefined, now)).toBe(2026);
    expect(yearFrom('2027', now)).toBe(2026);
    expect(yearFrom('24', now)).toBe(2026);
    expect(yearFrom('1900', now)).toBe(2026);
  });

  it('writes the day a record was set, from a day or a local date-time', () => {
    const now = new Date(2026, 4, 3);
    expect(recordDay('2026-05-02', 'en-GB', now)).toBe('2 May');
    expect(recordDay('2025-10-12', 'en-GB', now)).toBe('12 Oct 2025');
    expect(recordDay('2026-05-02T07:00:00', 'en-GB', now)).toBe('2 May');
    expect(recordDay('', 'en-GB', now)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { dayKey, dayNumber } from './days.js';
import {
  isoWeekKey,
  longestWeekStreak,
  periodEnd,
  periodKey,
  periodStart,
  periodTotals,
  weekStreak,
} from './streaks.js';

const at = (day: string, hour = 12) => (dayNumber(day) * 24 + hour) * 3_600_000;

describe('ISO week keys (ISO 8601)', () => {
  it('puts the first days of January in the previous year when they fall before Thursday', () => {
    expect(isoWeekKey(dayNumber('2021-01-03'))).toBe('2020-W53'); // a Sunday
    expect(isoWeekKey(dayNumber('2021-01-04'))).toBe('2021-W01'); // a Monday
    expect(isoWeekKey(dayNumber('2024-12-30'))).toBe('2025-W01'); // Monday of 2025-W01
    expect(isoWeekKey(dayNumber('2024-06-15'))).toBe('2024-W24');
    expect(isoWeekKey(dayNumber('1970-01-01'))).toBe('1970-W01');
  });

  it('keys months and years by the local day', () => {
    expect(periodKey(dayNumber('2024-02-29'), 'month')).toBe('2024-02');
    expect(periodKey(dayNumber('2024-02-29'), 'year')).toBe('2024');
  });
});

describe('weekStreak', () => {
  const now = at('2024-06-12'); // Wednesday of 2024-W24

  it('counts consecutive weeks ending with this one', () => {
    const runs = [at('2024-06-10'), at('2024-06-05'), at('2024-05-27'), at('2024-05-13')];
    expect(weekStreak(runs, 0, now)).toBe(3);
  });

  it('keeps the streak alive while this week has no activity yet', () => {
    expect(weekStreak([at('2024-06-05'), at('2024-05-30')], 0, now)).toBe(2);
    expect(weekStreak([at('2024-05-30')], 0, now)).toBe(0);
    expect(weekStreak([], 0, now)).toBe(0);
  });

  it('places an activity in its local week: Sunday 23:30 UTC is Monday in UTC+2', () => {
    const lateSunday = at('2024-06-09', 23.5);
    expect(weekStreak([lateSunday], 0, at('2024-06-17'))).toBe(0);
    expect(weekStreak([lateSunday], 7200, at('2024-06-17'))).toBe(1);
  });
});

describe('periodTotals', () => {
  it('sums values per local week in key order', () => {
    const totals = periodTotals(
      [
        { startMs: at('2024-06-12'), value: 10 },
        { startMs: at('2024-06-03'), value: 5 },
        { startMs: at('2024-06-09'), value: 7 },
      ],
      'week',
      0,
    );
    expect([...totals]).toEqual([
      ['2024-W23', 12],
      ['2024-W24', 10],
    ]);
  });
});

describe('periods', () => {
  const n = (day: string) => dayNumber(day);
  it('starts weeks on Monday, months and years on the 1st', () => {
    // 2026-12-09 is a Wednesday.
    expect(dayKey(periodStart(n('2026-12-09'), 'week'))).toBe('2026-12-07');
    expect(dayKey(periodStart(n('2026-12-07'), 'week'))).toBe('2026-12-07');
    expect(dayKey(periodStart(n('2026-12-13'), 'week'))).toBe('2026-12-07');
    expect(dayKey(periodStart(n('2026-12-09'), 'month'))).toBe('2026-12-01');
    expect(dayKey(periodStart(n('2026-12-09'), 'year'))).toBe('2026-01-01');
  });
  it('ends each period the day after its last', () => {
    expect(dayKey(periodEnd(n('2026-12-07'), 'week'))).toBe('2026-12-14');
    expect(dayKey(periodEnd(n('2026-12-01'), 'month'))).toBe('2027-01-01');
    expect(dayKey(periodEnd(n('2024-02-01'), 'month'))).toBe('2024-03-01');
    expect(dayKey(periodEnd(n('2026-01-01'), 'year'))).toBe('2027-01-01');
  });
  it('finds the longest run of consecutive weeks', () => {
    expect(longestWeekStreak([])).toBe(0);
    expect(longestWeekStreak([5])).toBe(1);
    expect(longestWeekStreak([1, 2, 3, 7, 8, 3, 2])).toBe(3);
    expect(longestWeekStreak([10, 12, 13, 14, 15, 20])).toBe(4);
  });
});

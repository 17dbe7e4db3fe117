import { describe, expect, it } from 'vitest';
import {
  ageGroupOf,
  customRangeProblem,
  isoWeekOf,
  periodDays,
  periodOf,
  rangeParts,
} from './periods.js';

const d = (s: string) => new Date(`${s}T12:00:00Z`);

describe('leaderboard periods', () => {
  it('numbers ISO weeks from the week holding the first Thursday, Monday first', () => {
    expect(isoWeekOf(d('2026-01-01'))).toBe('2026-W01'); // a Thursday
    expect(isoWeekOf(d('2025-12-29'))).toBe('2026-W01'); // its Monday
    expect(isoWeekOf(d('2025-12-28'))).toBe('2025-W52'); // the Sunday before
    expect(isoWeekOf(d('2027-01-01'))).toBe('2026-W53'); // a Friday: last year's week 53
    expect(isoWeekOf(d('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekOf(d('2026-05-17'))).toBe('2026-W20');
    expect(isoWeekOf(d('2026-05-18'))).toBe('2026-W21');
  });

  it('gives each period its first and last day', () => {
    expect(periodDays('week', d('2026-05-20'))).toEqual({ from: '2026-05-18', to: '2026-05-24' });
    expect(periodDays('month', d('2024-02-10'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodDays('year', d('2026-05-20'))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodDays('day', d('2026-05-20'))).toEqual({ from: '2026-05-20', to: '2026-05-20' });
    expect(periodOf('week', d('2025-12-31'))).toEqual({
      key: 'w2026-W01',
      end: new Date('2026-01-05T00:00:00Z'),
    });
  });

  it('uses Strava’s age groups by the age reached in the year', () => {
    expect(ageGroupOf(2007, 2026)).toBe('0_19');
    expect(ageGroupOf(2006, 2026)).toBe('20_24');
    expect(ageGroupOf(1992, 2026)).toBe('25_34');
    expect(ageGroupOf(1991, 2026)).toBe('35_44');
    expect(ageGroupOf(1957, 2026)).toBe('65_69');
    expect(ageGroupOf(1951, 2026)).toBe('75_plus');
    expect(ageGroupOf(null, 2026)).toBeNull();
  });

  it('splits a range into whole months and the days at its ends', () => {
    expect(rangeParts('2026-02-27', '2026-04-02')).toEqual({
      months: ['2026-03'],
      days: ['2026-02-27', '2026-02-28', '2026-04-01', '2026-04-02'],
    });
    expect(rangeParts('2026-01-01', '2026-02-28')).toEqual({
      months: ['2026-01', '2026-02'],
      days: [],
    });
    expect(rangeParts('2026-05-20', '2026-05-20')).toEqual({ months: [], days: ['2026-05-20'] });
  });

  it('names what is wrong with a custom range', () => {
    expect(customRangeProblem({ from: '2026-05-01', to: '2026-05-20' }, '2026-05-20')).toBeNull();
    expect(customRangeProblem({ from: '2026-13-01', to: '2026-05-20' }, '2026-05-20')?.field).toBe(
      'from',
    );
    expect(customRangeProblem({ from: '2026-05-02', to: '2026-05-01' }, '2026-05-20')).toEqual({
      field: 'to',
      message: 'must not be before from',
    });
    expect(customRangeProblem({ from: '2025-04-01', to: '2025-04-02' }, '2026-05-20')?.field).toBe(
      'from',
    );
  });
});

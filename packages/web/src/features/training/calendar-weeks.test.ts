import { describe, expect, it } from 'vitest';
import { calendarWeeks } from './calendar-weeks.js';
import type { CalendarActivity } from './types.js';

const run = (
  id: string,
  start: string,
  distance: number,
  moving_time: number,
): CalendarActivity => ({
  id,
  name: `Run ${id}`,
  sport_type: 'Run',
  start_date_local: start,
  moving_time,
  distance,
  relative_effort: null,
});

describe('training log weeks', () => {
  // Wednesday 6 May to Tuesday 19 May 2026: three weeks, Mondays 4, 11 and 18 May.
  const days = [
    { day: '2026-05-06', activities: [run('a', '2026-05-06T07:00:00', 10_000, 3000)] },
    {
      day: '2026-05-17',
      activities: [
        run('c', '2026-05-17T18:00:00', 5000, 1500),
        run('b', '2026-05-17T08:00:00', 21_100, 6300),
      ],
    },
  ];

  it('lays out Monday-first weeks, newest first, with their totals', () => {
    const weeks = calendarWeeks(days, '2026-05-06', '2026-05-19');
    expect(weeks.map((w) => w.monday)).toEqual(['2026-05-18', '2026-05-11', '2026-05-04']);
    expect(weeks.every((w) => w.days.length === 7)).toBe(true);
    const [now, last, first] = weeks;
    expect(first!.days.map((d) => d.day)).toEqual([
      '2026-05-04',
      '2026-05-05',
      '2026-05-06',
      '2026-05-07',
      '2026-05-08',
      '2026-05-09',
      '2026-05-10',
    ]);
    expect(first!.days[2]!.activities.map((a) => a.id)).toEqual(['a']);
    expect([first!.count, first!.distance, first!.moving_time]).toEqual([1, 10_000, 3000]);
    // Sunday's two runs, in the order they started.
    expect(last!.days[6]!.activities.map((a) => a.id)).toEqual(['b', 'c']);
    expect([last!.count, last!.distance, last!.moving_time]).toEqual([2, 26_100, 7800]);
    expect([now!.count, now!.distance]).toEqual([0, 0]);
  });

  it('marks the days outside the calendar', () => {
    const weeks = calendarWeeks(days, '2026-05-06', '2026-05-19', true);
    expect(weeks[0]!.days.map((d) => d.outside)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(weeks[2]!.days.map((d) => d.outside)).toEqual([
      false,
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
  });

  it('has no weeks for a calendar it cannot read', () => {
    expect(calendarWeeks(days, '2026-05-19', '2026-05-06')).toEqual([]);
    expect(calendarWeeks(days, '', '2026-05-06')).toEqual([]);
  });
});

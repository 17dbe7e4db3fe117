import { describe, expect, it } from 'vitest';
import {
  formatBytes,
  formatDay,
  formatDistance,
  formatDuration,
  formatElevation,
  formatGrade,
  formatMeasuredDistance,
  formatPace,
  formatSpeed,
  formatSpeedFor,
  formatStart,
  formatWhen,
  formatWindow,
  ordinal,
  paceUnitFor,
  SPORT_CHOICES,
  speedLabel,
  sportName,
} from './format.js';

describe('formatting', () => {
  it('names best-effort windows as athletes say them', () => {
    expect([5, 60, 300, 1200, 3600].map(formatWindow)).toEqual([
      '5 s',
      '1 min',
      '5 min',
      '20 min',
      '1 h',
    ]);
    expect(formatWindow(90)).toBe('1:30');
    expect(formatWindow(5400)).toBe('1:30:00');
  });

  it('shows distance in km or miles to the hundredth', () => {
    expect(formatDistance(12_345, 'metric')).toBe('12.35 km');
    expect(formatDistance(1609.344 * 26.2188, 'imperial')).toBe('26.22 mi');
    expect(formatDistance(null, 'metric')).toBe('–');
  });

  it('shows no distance, rather than 0.00 km, where none was measured', () => {
    expect(formatMeasuredDistance(0, 'metric')).toBe('–');
    expect(formatMeasuredDistance(null, 'imperial')).toBe('–');
    expect(formatMeasuredDistance(400, 'metric')).toBe('0.40 km');
  });

  it('shows elevation in whole metres or feet', () => {
    expect(formatElevation(123.4, 'metric')).toBe('123 m');
    expect(formatElevation(100, 'imperial')).toBe('328 ft');
    expect(formatElevation(Number.NaN, 'imperial')).toBe('–');
  });

  it('shows durations as m:ss below an hour and h:mm:ss from one', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(59.6)).toBe('1:00');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3600)).toBe('1:00:00');
    expect(formatDuration(2 * 3600 + 5 * 60 + 9)).toBe('2:05:09');
    expect(formatDuration(-1)).toBe('–');
  });

  it('shows pace per km or per mile, and none when standing still', () => {
    // 1000 m in 5:00 is 3.333 m/s.
    expect(formatPace(1000 / 300, 'metric')).toBe('5:00 /km');
    expect(formatPace(1609.344 / 480, 'imperial')).toBe('8:00 /mi');
    expect(formatPace(0, 'metric')).toBe('–');
    // Slower than 100 minutes per km is not a pace anyone reads.
    expect(formatPace(0.1, 'metric')).toBe('–');
    expect(formatPace(100 / 95, 'metric', true)).toBe('1:35 /100m');
  });

  it('shows a swim’s pace per 100 m, or per 100 yd in imperial units', () => {
    // 100 yd is 91.44 m: at 1 m/s, 1:31 per 100 yd (and 1:40 per 100 m).
    expect(formatSpeedFor('Swim', 1, 'metric')).toBe('1:40 /100m');
    expect(formatSpeedFor('Swim', 1, 'imperial')).toBe('1:31 /100yd');
    expect(formatPace(91.44 / 120, 'imperial', true)).toBe('2:00 /100yd');
    expect(paceUnitFor('Swim', 'imperial')).toEqual({ metres: 91.44, label: '/100yd' });
    expect(paceUnitFor('Swim', 'metric')).toEqual({ metres: 100, label: '/100m' });
    expect(paceUnitFor('TrailRun', 'imperial')).toEqual({ metres: 1609.344, label: '/mi' });
    expect(paceUnitFor('Walk', 'metric')).toEqual({ metres: 1000, label: '/km' });
    // Standing at the wall is no pace.
    expect(formatSpeedFor('Swim', 0, 'metric')).toBe('–');
  });

  it('shows speed in km/h or mi/h', () => {
    expect(formatSpeed(10, 'metric')).toBe('36.0 km/h');
    expect(formatSpeed(1609.344 / 3600, 'imperial')).toBe('1.0 mi/h');
  });

  it('reads pace for runs, walks and swims, speed for rides and the rest', () => {
    expect(speedLabel('TrailRun')).toBe('Pace');
    expect(speedLabel('Hike')).toBe('Pace');
    expect(speedLabel('GravelRide')).toBe('Speed');
    expect(speedLabel('Rowing')).toBe('Speed');
    expect(formatSpeedFor('Run', 1000 / 300, 'metric')).toBe('5:00 /km');
    expect(formatSpeedFor('Ride', 10, 'metric')).toBe('36.0 km/h');
  });

  it('formats the local start with its own wall-clock digits, whatever the viewer’s zone', () => {
    expect(formatStart('2024-12-03T07:42:10', 'en-GB')).toBe('Tue, 3 Dec 2024 · 07:42');
    expect(formatStart(null)).toBe('');
    expect(formatStart('not a date')).toBe('');
  });

  it('says how long ago an activity started within a day, its local date and time after', () => {
    const now = Date.parse('2024-12-03T12:00:00Z');
    expect(formatWhen('2024-12-03T11:59:30Z', '2024-12-03T12:59:30', now)).toBe('just now');
    expect(formatWhen('2024-12-03T11:35:00Z', '2024-12-03T12:35:00', now)).toBe('25 min ago');
    expect(formatWhen('2024-12-03T09:10:00Z', '2024-12-03T10:10:00', now)).toBe('2 h ago');
    expect(formatWhen('2024-12-02T07:42:10Z', '2024-12-02T07:42:10', now, 'en-GB')).toBe(
      'Mon, 2 Dec 2024 · 07:42',
    );
    expect(formatWhen(null, null, now)).toBe('');
  });

  it('shows the day of a local time, grades to the tenth, and ordinals', () => {
    const today = new Date(2026, 5, 1);
    expect(formatDay('2024-12-03T23:42:10', 'en-GB', today)).toBe('3 Dec 2024');
    expect(formatDay('2026-12-03T23:42:10', 'en-GB', today)).toBe('3 Dec');
    expect(formatDay('')).toBe('');
    expect(formatGrade(4.249)).toBe('4.2%');
    expect(formatGrade(-0.04)).toBe('0.0%');
    expect(formatGrade(-3.96)).toBe('-4.0%');
    expect(formatGrade(null)).toBe('–');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('names sports and sizes for people', () => {
    expect(sportName('TrailRun')).toBe('Trail run');
    expect(sportName('Ride')).toBe('Ride');
    expect(sportName('EBikeRide')).toBe('E-bike ride');
    expect(sportName('StandUpPaddling')).toBe('Stand-up paddling');
    expect(sportName('VirtualRide')).toBe('Virtual ride');
    // A sport another client named, which this app does not know.
    expect(sportName('Pickleball')).toBe('Pickleball');
    expect(sportName('BeachVolley')).toBe('Beach volley');
    const choices = new Map(SPORT_CHOICES.map((c) => [c.value, c.label]));
    expect(choices.get('MountainBikeRide')).toBe('Mountain bike ride');
    expect(choices.get('WeightTraining')).toBe('Weight training');
    expect(new Set(choices.values()).size).toBe(SPORT_CHOICES.length);
    expect(formatBytes(350_000)).toBe('342 KB');
    expect(formatBytes(5 * 1024 * 1024)).toBe('5.0 MB');
  });
});

/**
 * Every number the app shows goes through here, so units and rounding agree on every screen.
 * Inputs are the API's units (metres, seconds, m/s); `units` is the viewer's setting.
 * Rounding follows what Strava shows: distance to 0.01 km/mi, pace to the second, speed to 0.1.
 */
import { type KnownSportType, SPORT_TYPES, sportFamily } from '@stride/core';

export type Units = 'metric' | 'imperial';

const M_PER_MI = 1609.344;
const M_PER_FT = 0.3048;
const M_PER_YD = 0.9144;
/** What a number that is not known (or not measured) reads as. */
export const DASH = '–';

const finite = (v: number | null | undefined): v is number =>
  typeof v === 'number' && Number.isFinite(v);

/** 12.35 km / 7.67 mi; under 1 km (or 0.1 mi) in metres / feet would mislead on a run: keep km. */
export function formatDistance(m: number | null | undefined, units: Units): string {
  if (!finite(m)) return DASH;
  return units === 'imperial' ? `${(m / M_PER_MI).toFixed(2)} mi` : `${(m / 1000).toFixed(2)} km`;
}

/**
 * A distance the device measured, or a dash where it measured none: a lap of an indoor ride or
 * of a pool swim whose lengths were not counted is not "0.00 km" long.
 */
export function formatMeasuredDistance(m: number | null | undefined, units: Units): string {
  return finite(m) && m > 0 ? formatDistance(m, units) : DASH;
}

/** The distance's unit name alone, for column headers and axes. */
export function distanceUnit(units: Units): string {
  return units === 'imperial' ? 'mi' : 'km';
}

/** Metres of climbing: 123 m / 404 ft. */
export function formatElevation(m: number | null | undefined, units: Units): string {
  if (!finite(m)) return DASH;
  return units === 'imperial' ? `${Math.round(m / M_PER_FT)} ft` : `${Math.round(m)} m`;
}

/** h:mm:ss from one hour, m:ss below (Strava's clock style); whole seconds. */
export function formatDuration(s: number | null | undefined): string {
  if (!finite(s) || s < 0) return DASH;
  const total = Math.round(s);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const sec = total % 60;
  const ss = String(sec).padStart(2, '0');
  return h ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A window length as athletes say it: "5 s", "1 min", "20 min", "1 h". */
export function formatWindow(s: number): string {
  if (s < 60) return `${s} s`;
  if (s < 3600) return s % 60 ? formatDuration(s) : `${s / 60} min`;
  return s % 3600 ? formatDuration(s) : `${s / 3600} h`;
}

/** What a pace is counted per: a km or a mile, or 100 m (100 yd) of a swim. */
export interface PaceUnit {
  metres: number;
  /** "/km", "/mi", "/100m", "/100yd". */
  label: string;
}

/** Swims read pace per 100 m (100 yd in imperial units), as pools are measured; others per km/mi. */
export function paceUnit(units: Units, swim = false): PaceUnit {
  if (swim)
    return units === 'imperial'
      ? { metres: 100 * M_PER_YD, label: '/100yd' }
      : { metres: 100, label: '/100m' };
  return units === 'imperial' ? { metres: M_PER_MI, label: '/mi' } : { metres: 1000, label: '/km' };
}

/** The pace unit of a sport: per 100 m (or yd) for swims, else per km (or mi). */
export const paceUnitFor = (sport: string, units: Units): PaceUnit =>
  paceUnit(units, sportFamily(sport) === 'swim');

/** Seconds per km (or mile) at `mps`, or null when standing still. */
export function paceSeconds(
  mps: number | null | undefined,
  units: Units,
  perM?: number,
): number | null {
  if (!finite(mps) || mps <= 0.05) return null;
  return (perM ?? paceUnit(units).metres) / mps;
}

/** 5:12 /km or 8:22 /mi; swims per 100 m or 100 yd. */
export function formatPace(mps: number | null | undefined, units: Units, swim = false): string {
  const per = paceUnit(units, swim);
  const s = paceSeconds(mps, units, per.metres);
  if (s === null || s >= 100 * 60) return DASH;
  return `${formatDuration(s)} ${per.label}`;
}

/** 27.4 km/h or 17.0 mi/h. */
export function formatSpeed(mps: number | null | undefined, units: Units): string {
  if (!finite(mps)) return DASH;
  return units === 'imperial'
    ? `${((mps * 3600) / M_PER_MI).toFixed(1)} mi/h`
    : `${(mps * 3.6).toFixed(1)} km/h`;
}

/** Runs and walks read pace, swims pace per 100, everything else speed. */
export function speedLabel(sport: string): 'Pace' | 'Speed' {
  const f = sportFamily(sport);
  return f === 'run' || f === 'walk' || f === 'swim' ? 'Pace' : 'Speed';
}

/** Pace or speed as the sport reads it. */
export function formatSpeedFor(
  sport: string,
  mps: number | null | undefined,
  units: Units,
): string {
  if (speedLabel(sport) === 'Speed') return formatSpeed(mps, units);
  return formatPace(mps, units, sportFamily(sport) === 'swim');
}

/** A wall-clock time with no zone as a Date whose UTC fields are its digits (null if unreadable). */
function wallClock(local: string | null | undefined): Date | null {
  if (!local) return null;
  const d = new Date(`${local.replace(/Z$/, '')}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * The activity's local start as the athlete lived it: `start_date_local` is wall-clock time with
 * no zone, so it is formatted as UTC to keep its digits. "Tue, 3 Dec 2024 · 07:42".
 */
export function formatStart(local: string | null | undefined, locale?: string): string {
  const d = wallClock(local);
  if (!d) return '';
  const date = d.toLocaleDateString(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const time = d.toLocaleTimeString(locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'UTC',
  });
  return `${date} · ${time}`;
}

/** "just now", "5 min ago", "3 h ago", "2 d ago", then the date. */
export function timeAgo(iso: string, now = Date.now()): string {
  const s = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 7 * 86_400) return `${Math.floor(s / 86_400)} d ago`;
  return new Date(iso).toLocaleDateString();
}

/**
 * When an activity started, as a feed says it: "3 h ago" within a day, else its local date and
 * time (`formatStart`).
 */
export function formatWhen(
  start: string | null | undefined,
  local: string | null | undefined,
  now = Date.now(),
  locale?: string,
): string {
  if (start && now - Date.parse(start) < 86_400_000) return timeAgo(start, now);
  return formatStart(local, locale);
}

/** A grade in percent to the tenth, as Strava shows it: "4.2%", "-0.8%". */
export function formatGrade(pct: number | null | undefined): string {
  if (!finite(pct)) return DASH;
  const v = Math.round(pct * 10) / 10;
  return `${Object.is(v, -0) ? '0.0' : v.toFixed(1)}%`;
}

/**
 * The calendar day of a local wall-clock time (kept in its digits, as formatStart), without the
 * year when it is this year (as Strava's lists): "3 Dec", "3 Dec 2024".
 */
export function formatDay(
  local: string | null | undefined,
  locale?: string,
  today: Date = new Date(),
): string {
  const d = wallClock(local);
  if (!d) return '';
  const thisYear = d.getUTCFullYear() === today.getFullYear();
  return d.toLocaleDateString(locale, {
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  });
}

/** 1st, 2nd, 3rd, 4th … 11th, 12th, 13th, 21st. */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** What athletes call each sport the API knows (Strava's own wording, where it has one). */
const SPORT_LABELS: Record<KnownSportType, string> = {
  Run: 'Run',
  TrailRun: 'Trail run',
  VirtualRun: 'Virtual run',
  Walk: 'Walk',
  Hike: 'Hike',
  Ride: 'Ride',
  MountainBikeRide: 'Mountain bike ride',
  GravelRide: 'Gravel ride',
  EBikeRide: 'E-bike ride',
  EMountainBikeRide: 'E-mountain bike ride',
  VirtualRide: 'Virtual ride',
  Velomobile: 'Velomobile',
  Handcycle: 'Handcycle',
  Wheelchair: 'Wheelchair',
  Swim: 'Swim',
  Rowing: 'Rowing',
  Kayaking: 'Kayaking',
  Canoeing: 'Canoeing',
  StandUpPaddling: 'Stand-up paddling',
  NordicSki: 'Nordic ski',
  AlpineSki: 'Alpine ski',
  BackcountrySki: 'Backcountry ski',
  Snowboard: 'Snowboard',
  Snowshoe: 'Snowshoe',
  InlineSkate: 'Inline skate',
  IceSkate: 'Ice skate',
  RollerSki: 'Roller ski',
  Workout: 'Workout',
  WeightTraining: 'Weight training',
  Elliptical: 'Elliptical',
  StairStepper: 'Stair stepper',
  Yoga: 'Yoga',
};

/** Every sport an activity can be set to, with its name, in the API's order. */
export const SPORT_CHOICES: readonly { value: KnownSportType; label: string }[] = SPORT_TYPES.map(
  (value) => ({ value, label: SPORT_LABELS[value] }),
);

/**
 * Readable sport names from Strava's identifiers: "TrailRun" → "Trail run". A sport this app
 * does not know (another client may send any name) is split at its capitals.
 */
export function sportName(sport: string): string {
  const known = (SPORT_LABELS as Record<string, string>)[sport];
  if (known) return known;
  const words = sport.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** 1.2 MB / 340 KB, for upload sizes. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

import tzLookup from '@photostructure/tz-lookup';

/** The IANA time zone at a position, or null when there is no position. */
export function timezoneAt(lat: number | null, lng: number | null): string | null {
  if (lat === null || lng === null || !Number.isFinite(lat) || !Number.isFinite(lng)) return null;
  try {
    return tzLookup(lat, lng);
  } catch {
    return null;
  }
}

/** Seconds to add to UTC to get wall-clock time in `timezone` at `at` (daylight saving included). */
export function utcOffsetS(timezone: string, at: Date): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const local = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return Math.round((local - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

/**
 * Wall-clock start time, formatted as Strava's `start_date_local` is (the local time written
 * with a "Z", so existing Strava clients read it unchanged).
 */
export function localIso(at: Date, offsetS: number | null): string {
  return new Date(at.getTime() + (offsetS ?? 0) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

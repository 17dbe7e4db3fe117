import type { ImportedActivity } from '../types.js';
import { dec, esc, isoTime, pauseBreaks } from './xml-text.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<gpx version="1.1" creator="CREATOR" xmlns="http://www.topografix.com/GPX/1/1"' +
  ' xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v2"' +
  ' xmlns:gpxpx="http://www.garmin.com/xmlschemas/PowerExtension/v1"' +
  ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
  ' xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/1/1/gpx.xsd' +
  ' http://www.garmin.com/xmlschemas/TrackPointExtension/v2 https://www8.garmin.com/xmlschemas/TrackPointExtensionv2.xsd' +
  ' http://www.garmin.com/xmlschemas/PowerExtension/v1 https://www8.garmin.com/xmlschemas/PowerExtensionv1.xsd">\n';

/** Strava sport_type → the GPX <type> text Strava itself writes. */
const GPX_TYPE: Record<string, string> = {
  Run: 'running',
  Ride: 'cycling',
  Walk: 'walking',
  Hike: 'hiking',
  Swim: 'swimming',
};

/**
 * GPX 1.1 with Garmin TrackPointExtension v2 (atemp, hr, cad, speed) and PowerExtension v1.
 * Precision: 7 decimals of a degree (~1 cm), elevation 0.01 m, sensors 0.01. Samples without a
 * position are left out (GPX requires lat/lon); a pause starts a new <trkseg>.
 */
export function exportGpx(activity: ImportedActivity, creator = 'Stride'): string {
  const t = activity.track;
  const out: string[] = [HEADER.replace('CREATOR', esc(creator))];
  out.push('  <metadata>\n');
  if (activity.name) out.push(`    <name>${esc(activity.name)}</name>\n`);
  if (Number.isFinite(activity.startTime))
    out.push(`    <time>${isoTime(activity.startTime)}</time>\n`);
  out.push('  </metadata>\n  <trk>\n');
  if (activity.name) out.push(`    <name>${esc(activity.name)}</name>\n`);
  const type = activity.sport ? (GPX_TYPE[activity.sport] ?? activity.sport) : activity.sourceSport;
  if (type) out.push(`    <type>${esc(type)}</type>\n`);
  out.push('    <trkseg>\n');
  const breaks = pauseBreaks(t.time, activity.pauses);
  const { elevation: ele, heartRate: hr, cadence: cad, power, temperature: temp, speed } = t;
  for (let i = 0; i < t.length; i++) {
    const lat = t.lat[i]!;
    const lon = t.lon[i]!;
    if (Number.isNaN(lat) || Number.isNaN(lon)) continue;
    if (breaks.has(i)) out.push('    </trkseg>\n    <trkseg>\n');
    let s = `      <trkpt lat="${dec(lat, 7)}" lon="${dec(lon, 7)}">`;
    const e = ele?.[i];
    if (e !== undefined && !Number.isNaN(e)) s += `<ele>${dec(e, 2)}</ele>`;
    const time = t.time[i]!;
    if (!Number.isNaN(time)) s += `<time>${isoTime(time)}</time>`;
    let tpx = '';
    const a = temp?.[i];
    if (a !== undefined && !Number.isNaN(a)) tpx += `<gpxtpx:atemp>${dec(a, 2)}</gpxtpx:atemp>`;
    const h = hr?.[i];
    if (h !== undefined && !Number.isNaN(h)) tpx += `<gpxtpx:hr>${Math.round(h)}</gpxtpx:hr>`;
    const c = cad?.[i];
    if (c !== undefined && !Number.isNaN(c)) tpx += `<gpxtpx:cad>${Math.round(c)}</gpxtpx:cad>`;
    const v = speed?.[i];
    if (v !== undefined && !Number.isNaN(v)) tpx += `<gpxtpx:speed>${dec(v, 3)}</gpxtpx:speed>`;
    const p = power?.[i];
    const hasPower = p !== undefined && !Number.isNaN(p);
    if (tpx || hasPower) {
      s += '<extensions>';
      if (tpx) s += `<gpxtpx:TrackPointExtension>${tpx}</gpxtpx:TrackPointExtension>`;
      if (hasPower)
        s += `<gpxpx:PowerExtension><gpxpx:PowerInWatts>${Math.round(p)}</gpxpx:PowerInWatts></gpxpx:PowerExtension>`;
      s += '</extensions>';
    }
    out.push(`${s}</trkpt>\n`);
  }
  out.push('    </trkseg>\n  </trk>\n</gpx>\n');
  return out.join('');
}

import type { Track } from '@stride/core';
import type { ImportedActivity, Lap } from '../types.js';
import { dec, esc, isoTime, pauseBreaks } from './xml-text.js';

const HEADER =
  '<?xml version="1.0" encoding="UTF-8"?>\n' +
  '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2"' +
  ' xmlns:ns3="http://www.garmin.com/xmlschemas/ActivityExtension/v2"' +
  ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
  ' xsi:schemaLocation="http://www.garmin.com/xmlschemas/TrainingCenterDatabase/v2 http://www.garmin.com/xmlschemas/TrainingCenterDatabasev2.xsd">\n';

/** TCX's Sport attribute knows only these three values. */
function tcxSport(sport: string | undefined): 'Running' | 'Biking' | 'Other' {
  if (!sport) return 'Other';
  if (/Run$/.test(sport)) return 'Running';
  if (/Ride$/.test(sport)) return 'Biking';
  return 'Other';
}

/**
 * TCX v2 with ActivityExtension v2 (Speed, Watts) in the schema's element order. Laps are the
 * activity's own (or one lap for the whole track); a pause starts a new <Track> inside the lap.
 * TCX has no temperature channel.
 */
export function exportTcx(activity: ImportedActivity): string {
  const t = activity.track;
  const laps = activity.laps.length > 0 ? activity.laps : [wholeLap(activity)];
  const breaks = pauseBreaks(t.time, activity.pauses);
  const out: string[] = [HEADER, '  <Activities>\n'];
  out.push(`    <Activity Sport="${tcxSport(activity.sport)}">\n`);
  out.push(
    `      <Id>${isoTime(Number.isFinite(activity.startTime) ? activity.startTime : 0)}</Id>\n`,
  );
  for (const lap of laps) writeLap(out, t, lap, breaks);
  if (activity.name) out.push(`      <Notes>${esc(activity.name)}</Notes>\n`);
  out.push('    </Activity>\n  </Activities>\n</TrainingCenterDatabase>\n');
  return out.join('');
}

function wholeLap(activity: ImportedActivity): Lap {
  const t = activity.track;
  const first = t.length > 0 ? t.time[0]! : activity.startTime;
  const last = t.length > 0 ? t.time[t.length - 1]! : activity.startTime;
  return {
    startTime: first,
    endTime: last,
    startIndex: 0,
    endIndex: t.length,
    totals: activity.deviceTotals ?? {},
  };
}

function writeLap(out: string[], t: Track, lap: Lap, breaks: Set<number>): void {
  const totals = lap.totals;
  const start = Number.isFinite(lap.startTime) ? lap.startTime : (t.time[lap.startIndex] ?? 0);
  const timer = totals.timerS ?? Math.max(0, lap.endTime - lap.startTime);
  let distance = totals.distanceM;
  if (distance === undefined && t.distance && lap.endIndex > lap.startIndex) {
    const d0 = t.distance[lap.startIndex]!;
    const d1 = t.distance[lap.endIndex - 1]!;
    distance = Number.isFinite(d1 - d0) ? d1 - d0 : 0;
  }
  out.push(`      <Lap StartTime="${isoTime(Number.isFinite(start) ? start : 0)}">\n`);
  out.push(
    `        <TotalTimeSeconds>${dec(Number.isFinite(timer) ? timer : 0, 3)}</TotalTimeSeconds>\n`,
  );
  out.push(`        <DistanceMeters>${dec(distance ?? 0, 2)}</DistanceMeters>\n`);
  if (totals.maxSpeedMps !== undefined)
    out.push(`        <MaximumSpeed>${dec(totals.maxSpeedMps, 3)}</MaximumSpeed>\n`);
  out.push(
    `        <Calories>${Math.min(65535, Math.max(0, Math.round(totals.calories ?? 0)))}</Calories>\n`,
  );
  if (totals.avgHr !== undefined && totals.avgHr >= 1) {
    out.push(
      `        <AverageHeartRateBpm><Value>${byte(totals.avgHr)}</Value></AverageHeartRateBpm>\n`,
    );
  }
  if (totals.maxHr !== undefined && totals.maxHr >= 1) {
    out.push(
      `        <MaximumHeartRateBpm><Value>${byte(totals.maxHr)}</Value></MaximumHeartRateBpm>\n`,
    );
  }
  out.push('        <Intensity>Active</Intensity>\n');
  if (totals.avgCadence !== undefined)
    out.push(`        <Cadence>${byte(totals.avgCadence, 0)}</Cadence>\n`);
  out.push(`        <TriggerMethod>${triggerOf(lap.trigger)}</TriggerMethod>\n`);
  if (lap.endIndex > lap.startIndex) {
    out.push('        <Track>\n');
    for (let i = lap.startIndex; i < lap.endIndex; i++) {
      if (i > lap.startIndex && breaks.has(i)) out.push('        </Track>\n        <Track>\n');
      writePoint(out, t, i);
    }
    out.push('        </Track>\n');
  }
  out.push('      </Lap>\n');
}

function writePoint(out: string[], t: Track, i: number): void {
  const time = t.time[i]!;
  if (Number.isNaN(time)) return; // TCX requires Time on every Trackpoint
  let s = `          <Trackpoint><Time>${isoTime(time)}</Time>`;
  const lat = t.lat[i]!;
  const lon = t.lon[i]!;
  if (!Number.isNaN(lat) && !Number.isNaN(lon)) {
    s += `<Position><LatitudeDegrees>${dec(lat, 7)}</LatitudeDegrees><LongitudeDegrees>${dec(lon, 7)}</LongitudeDegrees></Position>`;
  }
  const e = t.elevation?.[i];
  if (e !== undefined && !Number.isNaN(e)) s += `<AltitudeMeters>${dec(e, 2)}</AltitudeMeters>`;
  const d = t.distance?.[i];
  if (d !== undefined && !Number.isNaN(d)) s += `<DistanceMeters>${dec(d, 2)}</DistanceMeters>`;
  const h = t.heartRate?.[i];
  if (h !== undefined && !Number.isNaN(h) && h >= 1)
    s += `<HeartRateBpm><Value>${byte(h)}</Value></HeartRateBpm>`;
  const c = t.cadence?.[i];
  if (c !== undefined && !Number.isNaN(c)) s += `<Cadence>${byte(c, 0)}</Cadence>`;
  const v = t.speed?.[i];
  const p = t.power?.[i];
  const hasSpeed = v !== undefined && !Number.isNaN(v);
  const hasPower = p !== undefined && !Number.isNaN(p);
  if (hasSpeed || hasPower) {
    s += '<Extensions><ns3:TPX>';
    if (hasSpeed) s += `<ns3:Speed>${dec(v, 3)}</ns3:Speed>`;
    if (hasPower) s += `<ns3:Watts>${Math.max(0, Math.min(65535, Math.round(p)))}</ns3:Watts>`;
    s += '</ns3:TPX></Extensions>';
  }
  out.push(`${s}</Trackpoint>\n`);
}

/** unsignedByte with the schema's bounds (HeartRateBpm Value ≥ 1, Cadence ≤ 254). */
function byte(v: number, min = 1): number {
  return Math.max(min, Math.min(254, Math.round(v)));
}

function triggerOf(trigger: string | undefined): string {
  const allowed = ['Manual', 'Distance', 'Location', 'Time', 'HeartRate'];
  const match = allowed.find((a) => a.toLowerCase() === trigger?.toLowerCase());
  return match ?? 'Manual';
}

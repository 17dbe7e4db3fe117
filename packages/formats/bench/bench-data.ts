// Deterministic benchmark inputs, written the way Garmin Connect exports them (indented, gpxtpx
// prefix, 10-decimal coordinates), independent of our own writer.
import { Encoder, type Mesg } from '@garmin/fitsdk';

export interface Spec {
  points: number;
  cadence: boolean;
  power: boolean;
}
export const RUN: Spec = { points: 3_600, cadence: false, power: false };
export const RIDE: Spec = { points: 18_000, cadence: true, power: true };

const START = Date.UTC(2024, 4, 1, 6, 0, 0);

function sample(i: number) {
  // a smooth wandering path with a little deterministic noise
  const lat = 45.0 + i * 2.1e-5 + Math.sin(i / 97) * 3e-4;
  const lon = 7.0 + i * 1.7e-5 + Math.cos(i / 131) * 3e-4;
  const ele = 200 + 40 * Math.sin(i / 600) + ((i * 7919) % 13) / 10;
  const hr = 120 + Math.round(30 * Math.sin(i / 300) + ((i * 31) % 7));
  const cad = 80 + ((i * 13) % 15);
  const power = 150 + Math.round(80 * Math.sin(i / 45)) + ((i * 17) % 23);
  return { lat, lon, ele, hr, cad, power, time: START + i * 1000 };
}

export function gpxText(spec: Spec): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n<gpx creator="Garmin Connect" version="1.1" xsi:schemaLocation="http://www.topografix.com/GPX/1/1 http://www.topografix.com/GPX/11.xsd" xmlns:gpxtpx="http://www.garmin.com/xmlschemas/TrackPointExtension/v1" xmlns="http://www.topografix.com/GPX/1/1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:ns2="http://www.garmin.com/xmlschemas/GpxExtensions/v3">\n',
    `  <metadata>\n    <time>${new Date(START).toISOString()}</time>\n  </metadata>\n  <trk>\n    <name>Bench</name>\n    <type>${spec.power ? 'cycling' : 'running'}</type>\n    <trkseg>\n`,
  ];
  for (let i = 0; i < spec.points; i++) {
    const s = sample(i);
    let ext = `            <gpxtpx:hr>${s.hr}</gpxtpx:hr>\n`;
    if (spec.cadence) ext += `            <gpxtpx:cad>${s.cad}</gpxtpx:cad>\n`;
    out.push(
      `      <trkpt lat="${s.lat.toFixed(10)}" lon="${s.lon.toFixed(10)}">\n        <ele>${s.ele.toFixed(10)}</ele>\n        <time>${new Date(s.time).toISOString()}</time>\n        <extensions>\n${spec.power ? `          <power>${s.power}</power>\n` : ''}          <gpxtpx:TrackPointExtension>\n${ext}          </gpxtpx:TrackPointExtension>\n        </extensions>\n      </trkpt>\n`,
    );
  }
  out.push('    </trkseg>\n  </trk>\n</gpx>\n');
  return out.join('');
}

const SEMI = 2 ** 31 / 180;
const FIT_EPOCH_S = 631_065_600;

/** The same activity as a FIT file, written with the SDK's encoder. */
export function fitBytes(spec: Spec): Uint8Array {
  const e = new Encoder();
  const emit = (n: number, m: Record<string, unknown>) => e.onMesg(n, m as Mesg);
  const t0 = START / 1000 - FIT_EPOCH_S;
  emit(0, { type: 'activity', manufacturer: 'garmin', product: 3121, timeCreated: t0 });
  emit(21, { timestamp: t0, event: 'timer', eventType: 'start', eventGroup: 0 });
  let dist = 0;
  for (let i = 0; i < spec.points; i++) {
    const s = sample(i);
    dist += spec.power ? 8 : 3;
    const r: Record<string, unknown> = {
      timestamp: t0 + i,
      positionLat: Math.round(s.lat * SEMI),
      positionLong: Math.round(s.lon * SEMI),
      enhancedAltitude: s.ele,
      heartRate: s.hr,
      distance: dist,
      enhancedSpeed: spec.power ? 8 : 3,
    };
    if (spec.cadence) r.cadence = s.cad;
    if (spec.power) r.power = s.power;
    emit(20, r);
  }
  const end = t0 + spec.points - 1;
  emit(21, { timestamp: end, event: 'timer', eventType: 'stopAll', eventGroup: 0 });
  emit(19, {
    messageIndex: 0,
    timestamp: end,
    startTime: t0,
    totalElapsedTime: spec.points,
    totalTimerTime: spec.points,
    totalDistance: dist,
    event: 'lap',
    eventType: 'stop',
  });
  emit(18, {
    messageIndex: 0,
    timestamp: end,
    startTime: t0,
    totalElapsedTime: spec.points,
    totalTimerTime: spec.points,
    totalDistance: dist,
    sport: spec.power ? 'cycling' : 'running',
    event: 'session',
    eventType: 'stop',
    firstLapIndex: 0,
    numLaps: 1,
  });
  emit(34, {
    timestamp: end,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    totalTimerTime: spec.points,
  });
  return e.close();
}

import { Encoder, type Mesg } from '@garmin/fitsdk';
import type { Track } from '@stride/core';
import { FIT_EPOCH_S } from '../fit/fit-values.js';
import type { DeviceTotals, ImportedActivity, Lap } from '../types.js';

// Global message numbers from the FIT profile.
const MESG = { FILE_ID: 0, SESSION: 18, LAP: 19, RECORD: 20, EVENT: 21, ACTIVITY: 34 } as const;
const DEG_TO_SEMICIRCLE = 2 ** 31 / 180;

/** Strava sport_type → FIT sport and sub-sport names (the SDK profile's spelling). */
const FIT_SPORT: Record<string, [string, string?]> = {
  Run: ['running'],
  TrailRun: ['running', 'trail'],
  VirtualRun: ['running', 'virtualActivity'],
  Ride: ['cycling'],
  MountainBikeRide: ['cycling', 'mountain'],
  GravelRide: ['cycling', 'gravelCycling'],
  VirtualRide: ['cycling', 'virtualActivity'],
  EBikeRide: ['eBiking'],
  Walk: ['walking'],
  Hike: ['hiking'],
  Swim: ['swimming'],
  Rowing: ['rowing'],
  NordicSki: ['crossCountrySkiing'],
  AlpineSki: ['alpineSkiing'],
  Workout: ['training'],
};

const fitTime = (epochS: number) => Math.round(epochS - FIT_EPOCH_S);

/**
 * FIT activity file through the SDK's encoder: file_id, timer events (start, stop/start around
 * each pause), records, laps, one session and the activity message. Stored precision: time 1 s,
 * position 1 semicircle (~8e-8°), altitude 0.2 m, distance 0.01 m, speed 0.001 m/s, integer HR,
 * power and temperature, cadence 1/128 rpm.
 */
export function exportFit(activity: ImportedActivity): Uint8Array {
  const t = activity.track;
  const encoder = new Encoder();
  const emit = (mesgNum: number, mesg: Record<string, unknown>) =>
    encoder.onMesg(mesgNum, mesg as Mesg);
  const first = firstTime(t, activity.startTime);
  const last = lastTime(t, first);
  emit(MESG.FILE_ID, {
    type: 'activity',
    manufacturer: 'development',
    product: 0,
    timeCreated: fitTime(first),
  });
  emit(MESG.EVENT, {
    timestamp: fitTime(first),
    event: 'timer',
    eventType: 'start',
    eventGroup: 0,
  });
  const pauses = [...activity.pauses].sort((a, b) => a.start - b.start);
  let p = 0;
  for (let i = 0; i < t.length; i++) {
    const time = t.time[i]!;
    if (Number.isNaN(time)) continue;
    while (p < pauses.length && pauses[p]!.end <= time) {
      const pause = pauses[p++]!;
      emit(MESG.EVENT, {
        timestamp: fitTime(pause.start),
        event: 'timer',
        eventType: 'stopAll',
        eventGroup: 0,
      });
      emit(MESG.EVENT, {
        timestamp: fitTime(pause.end),
        event: 'timer',
        eventType: 'start',
        eventGroup: 0,
      });
    }
    emit(MESG.RECORD, record(t, i));
  }
  emit(MESG.EVENT, {
    timestamp: fitTime(last),
    event: 'timer',
    eventType: 'stopAll',
    eventGroup: 0,
  });
  const laps = activity.laps.length > 0 ? activity.laps : [wholeLap(activity, first, last)];
  const [sport, subSport] = FIT_SPORT[activity.sport ?? ''] ?? ['generic'];
  laps.forEach((lap, index) => {
    emit(MESG.LAP, {
      messageIndex: index,
      timestamp: fitTime(lap.endTime),
      startTime: fitTime(lap.startTime),
      event: 'lap',
      eventType: 'stop',
      sport,
      ...totalsFields(lap.totals, lap.endTime - lap.startTime),
    });
  });
  const totals = activity.deviceTotals ?? {};
  emit(MESG.SESSION, {
    messageIndex: 0,
    timestamp: fitTime(last),
    startTime: fitTime(first),
    event: 'session',
    eventType: 'stop',
    sport,
    subSport: subSport ?? 'generic',
    firstLapIndex: 0,
    numLaps: laps.length,
    ...totalsFields(totals, last - first),
  });
  emit(MESG.ACTIVITY, {
    timestamp: fitTime(last),
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    totalTimerTime: totals.timerS ?? last - first,
  });
  return encoder.close();
}

function record(t: Track, i: number): Record<string, number> {
  const r: Record<string, number> = { timestamp: fitTime(t.time[i]!) };
  const lat = t.lat[i]!;
  const lon = t.lon[i]!;
  if (!Number.isNaN(lat) && !Number.isNaN(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180) {
    r.positionLat = Math.round(lat * DEG_TO_SEMICIRCLE);
    r.positionLong = Math.round(lon * DEG_TO_SEMICIRCLE);
  }
  const put = (key: string, v: number | undefined, lo: number, hi: number, round = true) => {
    if (v === undefined || Number.isNaN(v) || v < lo || v > hi) return;
    r[key] = round ? Math.round(v) : v;
  };
  put('enhancedAltitude', t.elevation?.[i], -500, 100_000, false);
  put('heartRate', t.heartRate?.[i], 0, 254);
  const cad = t.cadence?.[i];
  if (cad !== undefined && !Number.isNaN(cad) && cad >= 0 && cad < 255) {
    r.cadence = Math.floor(cad);
    const frac = cad - Math.floor(cad);
    if (frac > 0) r.fractionalCadence = frac;
  }
  put('power', t.power?.[i], 0, 65534);
  put('temperature', t.temperature?.[i], -127, 127);
  put('distance', t.distance?.[i], 0, 42_949_672, false);
  put('enhancedSpeed', t.speed?.[i], 0, 4_294_967, false);
  return r;
}

function totalsFields(totals: DeviceTotals, elapsed: number): Record<string, number> {
  const out: Record<string, number> = {
    totalElapsedTime: totals.elapsedS ?? Math.max(0, elapsed),
    totalTimerTime: totals.timerS ?? Math.max(0, elapsed),
  };
  const put = (key: string, v: number | undefined) => {
    if (v !== undefined && Number.isFinite(v) && v >= 0) out[key] = v;
  };
  put('totalDistance', totals.distanceM);
  put('totalAscent', totals.ascentM === undefined ? undefined : Math.round(totals.ascentM));
  put('totalDescent', totals.descentM === undefined ? undefined : Math.round(totals.descentM));
  put('totalCalories', totals.calories === undefined ? undefined : Math.round(totals.calories));
  put('avgHeartRate', totals.avgHr === undefined ? undefined : Math.round(totals.avgHr));
  put('maxHeartRate', totals.maxHr === undefined ? undefined : Math.round(totals.maxHr));
  put('avgCadence', totals.avgCadence === undefined ? undefined : Math.round(totals.avgCadence));
  put('maxCadence', totals.maxCadence === undefined ? undefined : Math.round(totals.maxCadence));
  put('avgPower', totals.avgPower === undefined ? undefined : Math.round(totals.avgPower));
  put('maxPower', totals.maxPower === undefined ? undefined : Math.round(totals.maxPower));
  put('enhancedAvgSpeed', totals.avgSpeedMps);
  put('enhancedMaxSpeed', totals.maxSpeedMps);
  return out;
}

function wholeLap(activity: ImportedActivity, first: number, last: number): Lap {
  return {
    startTime: first,
    endTime: last,
    startIndex: 0,
    endIndex: activity.track.length,
    totals: activity.deviceTotals ?? {},
  };
}

function firstTime(t: Track, fallback: number): number {
  for (let i = 0; i < t.length; i++) if (!Number.isNaN(t.time[i])) return t.time[i]!;
  return Number.isFinite(fallback) ? fallback : FIT_EPOCH_S + 0x10000000;
}
function lastTime(t: Track, fallback: number): number {
  for (let i = t.length - 1; i >= 0; i--) if (!Number.isNaN(t.time[i])) return t.time[i]!;
  return fallback;
}

/**
 * Device files without a GPS track, written with the FIT SDK's encoder as the devices write
 * them: an indoor ride on a trainer (no positions, no speed sensor, so no distance), recorded
 * with the bike computer's road profile, so it arrives as a plain Ride; and a pool swim (the
 * watch counts lengths: the records carry only heart rate, the distance is in the laps and the
 * session).
 */
import { Encoder, type Mesg } from '@garmin/fitsdk';
import { T0 } from '../../packages/formats/test/helpers/fit-fixtures.js';

const MESG = { FILE_ID: 0, SESSION: 18, LAP: 19, RECORD: 20, EVENT: 21, ACTIVITY: 34 };

function writer(start: number) {
  const e = new Encoder();
  const emit = (num: number, m: Record<string, unknown>) => e.onMesg(num, m as Mesg);
  emit(MESG.FILE_ID, {
    type: 'activity',
    manufacturer: 'garmin',
    product: 3121,
    serialNumber: 7654321,
    timeCreated: start,
  });
  emit(MESG.EVENT, { timestamp: start, event: 'timer', eventType: 'start', eventGroup: 0 });
  return { emit, close: () => e.close() };
}

/** Laps of the indoor ride, in seconds: a warm-up, then the main set. */
export const RIDE_LAPS = [300, 900];

/** 20 minutes on a trainer: heart rate, power and cadence each second, nothing else. */
export function indoorRide(): Uint8Array {
  const seconds = RIDE_LAPS.reduce((sum, s) => sum + s, 0);
  // A day after the other files' T0, so no upload is taken for a duplicate of another.
  const start = T0 + 86_400;
  const { emit, close } = writer(start);
  for (let s = 0; s < seconds; s++)
    emit(MESG.RECORD, {
      timestamp: start + s,
      heartRate: 110 + Math.round(30 * Math.min(1, s / 300)) + (s % 7),
      power: 180 + ((s * 13) % 60),
      cadence: 88 + (s % 5),
    });
  const end = start + seconds - 1;
  let lapStart = start;
  RIDE_LAPS.forEach((length, i) => {
    emit(MESG.LAP, {
      messageIndex: i,
      timestamp: lapStart + length - 1,
      startTime: lapStart,
      totalElapsedTime: length,
      totalTimerTime: length,
      sport: 'cycling',
      event: 'lap',
      eventType: 'stop',
    });
    lapStart += length;
  });
  emit(MESG.SESSION, {
    messageIndex: 0,
    timestamp: end,
    startTime: start,
    totalElapsedTime: seconds,
    totalTimerTime: seconds,
    avgHeartRate: 135,
    maxHeartRate: 150,
    avgPower: 209,
    sport: 'cycling',
    subSport: 'generic',
    event: 'session',
    eventType: 'stop',
  });
  emit(MESG.EVENT, { timestamp: end, event: 'timer', eventType: 'stopAll', eventGroup: 0 });
  emit(MESG.ACTIVITY, {
    timestamp: end,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    totalTimerTime: seconds,
  });
  return close();
}

/** Lengths of a 25 m pool swum in each lap of the pool swim. */
export const SWIM_LAPS = [
  { metres: 400, seconds: 420 },
  { metres: 200, seconds: 200 },
  { metres: 400, seconds: 440 },
];

/** A pool swim of three laps (1 km in a 25 m pool): heart rate in the records, distance in laps. */
export function poolSwim(): Uint8Array {
  const start = T0 + 2 * 86_400;
  const { emit, close } = writer(start);
  let t = start;
  SWIM_LAPS.forEach((lap, i) => {
    const lapStart = t;
    for (let s = 0; s < lap.seconds; s++, t++)
      emit(MESG.RECORD, { timestamp: t, heartRate: 120 + ((t - start) % 25) });
    emit(MESG.LAP, {
      messageIndex: i,
      timestamp: t - 1,
      startTime: lapStart,
      totalElapsedTime: lap.seconds,
      totalTimerTime: lap.seconds,
      totalDistance: lap.metres,
      numLengths: lap.metres / 25,
      sport: 'swimming',
      subSport: 'lapSwimming',
      event: 'lap',
      eventType: 'stop',
    });
  });
  const total = t - start;
  const metres = SWIM_LAPS.reduce((sum, l) => sum + l.metres, 0);
  emit(MESG.SESSION, {
    messageIndex: 0,
    timestamp: t - 1,
    startTime: start,
    totalElapsedTime: total,
    totalTimerTime: total,
    totalDistance: metres,
    poolLength: 25,
    poolLengthUnit: 'metric',
    numActiveLengths: metres / 25,
    avgHeartRate: 132,
    maxHeartRate: 144,
    sport: 'swimming',
    subSport: 'lapSwimming',
    event: 'session',
    eventType: 'stop',
  });
  emit(MESG.EVENT, { timestamp: t - 1, event: 'timer', eventType: 'stopAll', eventGroup: 0 });
  emit(MESG.ACTIVITY, {
    timestamp: t - 1,
    numSessions: 1,
    type: 'manual',
    event: 'activity',
    eventType: 'stop',
    totalTimerTime: total,
  });
  return close();
}

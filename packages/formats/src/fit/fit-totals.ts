import type { DeviceTotals } from '../types.js';
import type { FitMesg } from './fit-messages.js';

const FIELDS: [keyof DeviceTotals, string[]][] = [
  ['distanceM', ['totalDistance']],
  ['timerS', ['totalTimerTime']],
  ['elapsedS', ['totalElapsedTime']],
  ['ascentM', ['totalAscent']],
  ['descentM', ['totalDescent']],
  ['calories', ['totalCalories']],
  ['avgHr', ['avgHeartRate']],
  ['maxHr', ['maxHeartRate']],
  ['avgCadence', ['avgCadence']],
  ['maxCadence', ['maxCadence']],
  ['avgPower', ['avgPower']],
  ['maxPower', ['maxPower']],
  ['avgSpeedMps', ['enhancedAvgSpeed', 'avgSpeed']],
  ['maxSpeedMps', ['enhancedMaxSpeed', 'maxSpeed']],
];

/** The device's own totals from a FIT session or lap message (values the SDK already scaled). */
export function totalsFrom(m: FitMesg): DeviceTotals {
  const out: DeviceTotals = {};
  for (const [key, names] of FIELDS) {
    for (const name of names) {
      const v = m[name];
      if (typeof v === 'number' && Number.isFinite(v)) {
        out[key] = v;
        break;
      }
    }
  }
  return out;
}

import type { DeviceTotals, Lap } from '../types.js';

/**
 * Activity totals from the laps' own totals: sums for distance/time/calories, maxima for
 * maxima, timer-weighted means for averages (how Garmin Connect totals a TCX).
 */
export function sumLapTotals(laps: readonly Lap[]): DeviceTotals {
  const out: DeviceTotals = {};
  const sum = (key: 'distanceM' | 'timerS' | 'calories') => {
    let total = 0;
    let any = false;
    for (const lap of laps) {
      const v = lap.totals[key];
      if (v !== undefined) {
        total += v;
        any = true;
      }
    }
    if (any) out[key] = total;
  };
  const max = (key: 'maxHr' | 'maxSpeedMps' | 'maxPower' | 'maxCadence') => {
    let best = Number.NEGATIVE_INFINITY;
    for (const lap of laps) best = Math.max(best, lap.totals[key] ?? Number.NEGATIVE_INFINITY);
    if (Number.isFinite(best)) out[key] = best;
  };
  const mean = (key: 'avgHr' | 'avgPower' | 'avgCadence' | 'avgSpeedMps') => {
    let weighted = 0;
    let weight = 0;
    for (const lap of laps) {
      const v = lap.totals[key];
      const w = lap.totals.timerS ?? 0;
      if (v !== undefined && w > 0) {
        weighted += v * w;
        weight += w;
      }
    }
    if (weight > 0) out[key] = weighted / weight;
  };
  sum('distanceM');
  sum('timerS');
  sum('calories');
  max('maxHr');
  max('maxSpeedMps');
  max('maxPower');
  max('maxCadence');
  mean('avgHr');
  mean('avgPower');
  mean('avgCadence');
  mean('avgSpeedMps');
  const first = laps[0];
  const last = laps[laps.length - 1];
  if (first && last && Number.isFinite(first.startTime) && Number.isFinite(last.endTime)) {
    out.elapsedS = last.endTime - first.startTime;
  }
  return out;
}

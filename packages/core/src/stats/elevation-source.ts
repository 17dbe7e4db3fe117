import type { Track } from '../track.js';

/**
 * 'synthetic': the altitude of a virtual world (Zwift, indoor-cycling apps), computed by the
 * app from its route, free of sensor noise, and counted by the app rise by rise.
 */
export type ElevationSource = 'barometric' | 'gps' | 'synthetic';

/** Samples at most this far apart are read as one-second neighbours for the noise measure. */
const NEIGHBOUR_S = 2;
/** Fewer usable triples than this say nothing about the sensor: the device model is kept. */
const MIN_TRIPLES = 60;
/**
 * Mean |second difference| of altitude (metres) at 1 Hz above which the altitude is GPS. A
 * barometer reads the terrain smoothly: second differences of device altitudes, stored in
 * 0.2 m (FIT) or 1 m steps, average 0.05–0.35 m; GPS altitude wanders by metres from one fix to
 * the next, so its second differences average well over a metre.
 */
export const GPS_NOISE_M = 0.6;

/**
 * Guesses where a track's altitude comes from by its noise: barometric altitude is smooth, GPS
 * altitude jumps about at every fix. Only samples with both neighbours within two seconds
 * count (smart recording spaces samples out, and terrain over ten seconds is not noise); with
 * too few of them, or no altitude, the answer is 'barometric', the model that smooths least.
 * A virtual activity's altitude (`virtual`: the sport is a virtual ride or run) is the app's
 * own world: 'synthetic', whatever its noise. (An indoor activity that is not virtual, a
 * trainer ride on a watch, has a barometer reading the room: it is read as usual.)
 */
export function guessElevationSource(track: Track, virtual = false): ElevationSource {
  const e = track.elevation;
  if (!e) return 'barometric';
  if (virtual) return 'synthetic';
  const t = track.time;
  let sum = 0;
  let count = 0;
  for (let i = 1; i + 1 < track.length; i++) {
    const a = e[i - 1]!;
    const b = e[i]!;
    const c = e[i + 1]!;
    if (Number.isNaN(a) || Number.isNaN(b) || Number.isNaN(c)) continue;
    const d0 = t[i]! - t[i - 1]!;
    const d1 = t[i + 1]! - t[i]!;
    if (!(d0 > 0 && d0 <= NEIGHBOUR_S && d1 > 0 && d1 <= NEIGHBOUR_S)) continue;
    sum += Math.abs(c - 2 * b + a);
    count++;
  }
  if (count < MIN_TRIPLES) return 'barometric';
  return sum / count > GPS_NOISE_M ? 'gps' : 'barometric';
}

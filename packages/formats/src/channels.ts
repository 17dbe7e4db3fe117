import type { OptionalChannel, TrackBuilder } from '@stride/core';

/**
 * Whether a value can stand in a channel's column: NaN and ±Infinity are missing, and most
 * channels are Float32, where a finite double such as 1e300 would become ±Infinity, so it counts as
 * missing too (a damaged number, not a measurement).
 */
export function fitsChannel(channel: OptionalChannel, v: number): boolean {
  return Number.isFinite(channel === 'distance' ? v : Math.fround(v));
}

/** Sets a channel value unless it is missing or does not fit its column (see fitsChannel). */
export function setChannel(b: TrackBuilder, channel: OptionalChannel, i: number, v: number): void {
  if (fitsChannel(channel, v)) b.set(channel, i, v);
}

import type { OptionalChannel, TrackBuilder } from '@stride/core';

/**
 * Sets a channel value unless it is missing or does not fit its column: most channels are
 * Float32 and a finite double such as 1e300 would become ±Infinity there, so it counts as
 * missing (a damaged number, not a measurement).
 */
export function setChannel(b: TrackBuilder, channel: OptionalChannel, i: number, v: number): void {
  if (Number.isNaN(v)) return;
  if (channel !== 'distance' && !Number.isFinite(Math.fround(v))) return;
  b.set(channel, i, v);
}

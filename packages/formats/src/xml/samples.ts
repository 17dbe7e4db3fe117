import { OPTIONAL_CHANNELS, type OptionalChannel, type Track, TrackBuilder } from '@stride/core';
import { fitsChannel } from '../channels.js';

const SLOT = Object.fromEntries(OPTIONAL_CHANNELS.map((c, k) => [c, k])) as Record<
  OptionalChannel,
  number
>;

/**
 * Builds a track from GPX/TCX points, folding consecutive points that share one timestamp into
 * one sample: per field, the later value wins unless it is missing. Files hold such pairs (a
 * converter writing a GPS fix and a sensor reading of the same second as two points, Garmin
 * Connect repeating a lap's last point as the next lap's first) and core keeps only the first
 * sample of a timestamp, so without folding the other point's heart rate or position would be
 * lost. Points without a time are never folded. The sample being read stays pending until a
 * point with another time arrives; `length` counts it.
 */
export class SampleBuilder {
  private readonly builder = new TrackBuilder(256);

  /** `fold: false` keeps every point (route points share a creation time, not an instant). */
  constructor(private readonly fold = true) {}

  private pending = false;
  private time = Number.NaN;
  private lat = Number.NaN;
  private lon = Number.NaN;
  private readonly values = new Float64Array(OPTIONAL_CHANNELS.length);

  /** Samples so far, the pending one included. */
  get length(): number {
    return this.builder.length + (this.pending ? 1 : 0);
  }

  /**
   * Starts a point: a new sample, or the pending one again when the time is the same and the
   * two positions do not disagree (one of them missing, or both equal). Two different positions
   * at one instant are not one record written twice but a clock that stood still (gpxpy's
   * Mojstrovka.gpx: 182 points along a ridge at one time): both stay, for core to judge.
   * Returns true when the point was folded into the sample before it.
   */
  begin(time: number, lat: number, lon: number): boolean {
    if (this.fold && this.pending && time === this.time) {
      const here = !Number.isNaN(lat) && !Number.isNaN(lon);
      const before = !Number.isNaN(this.lat) && !Number.isNaN(this.lon);
      if (!here || !before || (lat === this.lat && lon === this.lon)) {
        if (here) {
          this.lat = lat;
          this.lon = lon;
        }
        return true;
      }
    }
    this.flush();
    this.pending = true;
    this.time = time;
    this.lat = lat;
    this.lon = lon;
    this.values.fill(Number.NaN);
    return false;
  }

  /** Sets a channel of the current sample; a missing or unfit value leaves it as it was. */
  value(channel: OptionalChannel, v: number): void {
    if (fitsChannel(channel, v)) this.values[SLOT[channel]] = v;
  }

  build(): Track {
    this.flush();
    return this.builder.build();
  }

  private flush(): void {
    if (!this.pending) return;
    this.pending = false;
    const b = this.builder;
    const i = b.pushPosition(this.time, this.lat, this.lon);
    for (let k = 0; k < OPTIONAL_CHANNELS.length; k++) {
      const v = this.values[k]!;
      if (!Number.isNaN(v)) b.set(OPTIONAL_CHANNELS[k]!, i, v);
    }
  }
}

import type { SessionEvent, SessionEventKind } from '../session/state-log.js';
import type { TrackPoint } from '../track.js';
import { type ActivityResult, finishActivity } from './compute.js';
import { ActivityEngine, type DistanceSource, type ElevationSource } from './engine.js';
import type { ActivityOptions } from './types.js';

export interface LiveTotals {
  distance: number;
  /** Seconds since START (to the last sample or event). */
  elapsed_time: number;
  timer_time: number;
  moving_time: number;
  total_elevation_gain: number;
  /** Speed over the trailing moving window at the last sample, m/s (what decides moving). */
  current_speed: number;
  average_speed: number;
  current_heartrate: number | null;
  average_heartrate: number | null;
  average_watts: number | null;
  samples: number;
}

export interface LiveOptions
  extends Omit<ActivityOptions, 'events' | 'pauses' | 'distanceSource' | 'elevationSource'> {
  /** Default 'gps' (a phone); 'device' when a foot pod or wheel sensor gives distance. */
  distanceSource?: DistanceSource;
  /** Default 'gps' (a phone's altitude); the recorder knows its sensor, so no 'auto'. */
  elevationSource?: ElevationSource;
}

/**
 * The recorder's accumulator: feed it the session events and the samples as they arrive. Its
 * `totals()` are O(1); `activity()` returns exactly what `computeActivity(track, { ...options,
 * events })` returns for the same samples and events, because both run the same engine. (The
 * one condition: events are logged in time order with the samples — a PAUSE after the last
 * sample before it, a START/RESUME before the first sample after it.)
 */
export class LiveStats {
  private readonly engine: ActivityEngine;
  private readonly log: SessionEvent[] = [];
  private index = 0;

  constructor(private readonly options: LiveOptions) {
    this.engine = new ActivityEngine({
      sport: options.sport,
      distanceSource: options.distanceSource ?? 'gps',
      elevationSource: options.elevationSource ?? 'gps',
      explicitEvents: true,
    });
  }

  /** Logs START/PAUSE/RESUME/STOP; throws IllegalTransitionError like the session log. */
  event(kind: SessionEventKind, at: number): void {
    this.engine.event(kind, at);
    this.log.push({ kind, at });
  }

  get events(): readonly SessionEvent[] {
    return this.log;
  }

  /** Adds one sample; returns false if cleaning dropped it (see the cleaning report). */
  push(p: TrackPoint): boolean {
    const nan = Number.NaN;
    // A stored Track keeps these channels as Float32: round them the same way here, so the
    // live totals equal computeActivity's over the stored track to the last bit.
    const f32 = (v: number | undefined) => (v === undefined ? nan : Math.fround(v));
    return this.engine.push(
      this.index++,
      p.time ?? nan,
      p.lat ?? nan,
      p.lon ?? nan,
      f32(p.elevation),
      f32(p.heartRate),
      f32(p.cadence),
      f32(p.power),
      f32(p.temperature),
      p.distance ?? nan,
      f32(p.speed),
    );
  }

  totals(): LiveTotals {
    const e = this.engine;
    const c = e.cols;
    const n = e.n;
    const last = n - 1;
    const tLast = n ? c.time[last]! : e.lastEventAt;
    const end = e.state === 'stopped' ? e.stopAt : Math.max(tLast, e.lastEventAt);
    const moving = n ? c.moving[last]! : 0;
    const distance = n ? c.dist[last]! : 0;
    const hrT = n ? c.hrT[last]! : 0;
    const pT = n ? c.powerT[last]! : 0;
    const hr = n ? c.hr[last]! : Number.NaN;
    return {
      distance,
      elapsed_time: e.state === 'idle' ? 0 : end - e.startAt,
      timer_time: e.activeFromLog(end),
      moving_time: moving,
      total_elevation_gain: n ? c.gain[last]! : 0,
      current_speed: n ? c.vel[last]! : 0,
      average_speed: moving > 0 ? distance / moving : 0,
      current_heartrate: !Number.isNaN(hr) ? hr : null,
      average_heartrate: hrT > 0 ? c.hrSum[last]! / hrT : null,
      average_watts: pT > 0 ? c.energy[last]! / pT : null,
      samples: n,
    };
  }

  /** Everything computeActivity returns, for the samples so far (O(n)). */
  activity(): ActivityResult {
    return finishActivity(this.engine, {
      ...this.options,
      distanceSource: this.engine.opts.distanceSource,
      elevationSource: this.engine.opts.elevationSource,
      events: this.log,
    });
  }
}

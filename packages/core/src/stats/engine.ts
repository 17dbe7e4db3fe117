import { LocalScale } from '../geo/ruler.js';
import { type SessionEventKind, type SessionState, transition } from '../session/state-log.js';
import { type SportType, sportFamily, sportThresholds } from '../sport.js';
import { ElevationCounter } from './elevation.js';
import type { ElevationSource } from './elevation-source.js';
import { COLUMNS, type ColumnName, newColumns } from './engine-columns.js';
import { type CleaningReport, emptyCleaningReport } from './report.js';

export type DistanceSource = 'gps' | 'device' | 'none';
export type { ElevationSource } from './elevation-source.js';

export interface EngineOptions {
  sport: SportType;
  distanceSource: DistanceSource;
  elevationSource: ElevationSource;
  /** True when a session log drives the engine; false: the first sample starts the session. */
  explicitEvents: boolean;
  /**
   * A long gap between samples without movement across it pauses the timer (a file's
   * samples; see SportThresholds.gapPauseS). Off for a recorder's session log, which says
   * itself when the timer ran.
   */
  gapPauses?: boolean;
}

/**
 * A gap between samples longer than this, with no movement across it, is a clock jump (the
 * device's clock was set while recording, a block of another day was spliced in): it counts
 * neither as timer nor as elapsed time. A night's stop is shorter.
 */
export const CLOCK_JUMP_S = 86_400;

/** GPS fixes closer than this to the last counted fix add no distance (stationary jitter). */
export const JITTER_RADIUS_M = 7;
/** Trailing window, on the timer clock, for velocity_smooth and the moving decision. */
export const MOVING_WINDOW_S = 10;
/** A step longer than this without samples never counts as moving (a data gap, not motion). */
export const MAX_MOVING_GAP_S = 60;
/** Consecutive, mutually consistent rejected fixes after which a jump is accepted as real. */
export const TELEPORT_CONFIRM = 3;
/**
 * Elevation smoothing (EMA time constant), hysteresis and the noise allowed on top of the
 * sport's vertical speed limit before a step counts as a spike, per source.
 */
export const ELEVATION_PARAMS: Record<
  ElevationSource,
  { tauS: number; thresholdM: number; spikeSlackM: number }
> = {
  barometric: { tauS: 2, thresholdM: 3, spikeSlackM: 1 },
  gps: { tauS: 8, thresholdM: 5, spikeSlackM: 15 },
  // A virtual world's altitude has no noise to smooth away: every rise is a climb of the
  // route, and the apps count it so (Zwift's ascent is the sum of its file's rises).
  synthetic: { tauS: 0, thresholdM: 0, spikeSlackM: 1 },
};

/**
 * The single, causal pass behind every statistic: it cleans each sample as it arrives and
 * keeps per-sample cumulative columns (distance, timer, moving time, gain, energy, HR time…)
 * from which splits, laps and best efforts are read by interpolation. Every decision depends
 * only on samples already seen, so the recorder's live numbers (fed point by point) and the
 * server's saved numbers (fed the whole file) are the same computation.
 */
export class ActivityEngine {
  readonly opts: EngineOptions;
  readonly report: CleaningReport = emptyCleaningReport();
  n = 0;
  cols: Record<ColumnName, Float64Array>;
  src: Int32Array;
  movingFlag: Uint8Array;
  private capacity: number;

  state: SessionState = 'idle';
  startAt = Number.NaN;
  stopAt = Number.NaN;
  lastEventAt = Number.NaN;
  logActiveS = 0;
  private runningSince = Number.NaN;
  /** The next segment crosses a pause (or a sample taken while not running). */
  private broken = false;

  private readonly scale = new LocalScale();
  private readonly vmax: number;
  private readonly vmove: number;
  private readonly gapPauseS: number;
  private readonly countsElevation: boolean;
  /** Seconds of clock jumps between samples (see CLOCK_JUMP_S), left out of elapsed time. */
  clockJumpS = 0;
  /** The first device distance value kept (a device counter may not start at 0). */
  firstDev = Number.NaN;
  // last accepted position, counting anchor, rejected-run state
  private pLat = Number.NaN;
  private pLon = Number.NaN;
  private pTime = Number.NaN;
  private aLat = Number.NaN;
  private aLon = Number.NaN;
  private rLat = Number.NaN;
  private rLon = Number.NaN;
  private rTime = Number.NaN;
  private rRun = 0;
  private rawGpsM = 0;
  private countedGpsM = 0;
  /** Sample index of the counting anchor. */
  private aIdx = -1;
  private lastDev = Number.NaN;
  private k = 0; // start of the trailing moving window
  private readonly elev: ElevationCounter;
  // extremes and simple sums
  maxHr = Number.NaN;
  maxCad = Number.NaN;
  maxPower = Number.NaN;
  eleHigh = Number.NaN;
  eleLow = Number.NaN;
  tempSum = 0;
  tempN = 0;
  firstPos = -1;
  lastPos = -1;

  constructor(opts: EngineOptions, capacity = 1024) {
    this.opts = opts;
    this.capacity = Math.max(16, capacity);
    this.cols = newColumns(this.capacity);
    this.src = new Int32Array(this.capacity);
    this.movingFlag = new Uint8Array(this.capacity);
    const th = sportThresholds(opts.sport);
    this.vmax = th.maxSpeedMps;
    this.vmove = th.movingSpeedMps;
    this.gapPauseS = opts.gapPauses ? th.gapPauseS : Number.POSITIVE_INFINITY;
    // Water is flat: a swim's altitude is a pressure sensor under water, not terrain.
    this.countsElevation = sportFamily(opts.sport) !== 'swim';
    const ep = ELEVATION_PARAMS[opts.elevationSource];
    this.elev = new ElevationCounter(ep.tauS, ep.thresholdM, th.maxVerticalMps, ep.spikeSlackM);
  }

  /** Applies a session event (explicit log, or a pause marker found in the data). */
  event(kind: SessionEventKind, at: number): void {
    const next = transition(this.state, kind);
    if (kind === 'START') {
      this.startAt = at;
      this.runningSince = at;
    } else if (kind === 'RESUME') this.runningSince = at;
    else {
      if (this.state === 'running') this.logActiveS += at - this.runningSince;
      this.runningSince = Number.NaN;
      this.broken = true;
      if (kind === 'STOP') this.stopAt = at;
    }
    this.state = next;
    this.lastEventAt = at;
  }

  /** Timer seconds from the log up to `now` (the open interval included). */
  activeFromLog(now: number): number {
    return this.state === 'running'
      ? this.logActiveS + Math.max(0, now - this.runningSince)
      : this.logActiveS;
  }

  /**
   * Offers one raw sample (NaN = missing). Returns false when cleaning dropped it. Arguments
   * are scalars so the hot path allocates nothing.
   */
  push(
    srcIndex: number,
    time: number,
    lat: number,
    lon: number,
    ele: number,
    hr: number,
    cad: number,
    power: number,
    temp: number,
    devDist: number,
    speed: number,
  ): boolean {
    const rep = this.report;
    rep.input++;
    if (Number.isNaN(time)) {
      rep.missingTime++;
      return false;
    }
    const n = this.n;
    if (n > 0) {
      const lt = this.cols.time[n - 1]!;
      if (time === lt) {
        rep.duplicateTime++;
        return false;
      }
      if (time < lt) {
        rep.backwardsTime++;
        return false;
      }
    }
    let la = lat;
    let lo = lon;
    if (!Number.isNaN(la) && !Number.isNaN(lo)) {
      if (la === 100 || la === 200) {
        // Legacy OpenTracks writes a pause as a fix at latitude 100 and the resume at 200.
        if (!this.opts.explicitEvents && time < this.lastEventAt) {
          // Earlier than the pause or resume before it: taken as an event it would resume
          // before the pause, counting timer time that elapsed time does not have.
          rep.backwardsTime++;
          return false;
        }
        rep.pauseMarkers++;
        if (!this.opts.explicitEvents) {
          if (la === 100 && this.state === 'running') this.event('PAUSE', time);
          else if (la === 200 && this.state === 'paused') this.event('RESUME', time);
        }
        return false;
      }
      if (la < -90 || la > 90 || lo < -180 || lo > 180) {
        rep.invalidPosition++;
        la = lo = Number.NaN;
      } else if (la === 0 && lo === 0) {
        rep.nullIsland++; // (0,0): a receiver without a fix, never a real run in the Gulf of Guinea
        la = lo = Number.NaN;
      }
    } else la = lo = Number.NaN;

    if (this.state === 'idle' && !this.opts.explicitEvents) this.event('START', time);
    if (this.state === 'idle' || this.state === 'stopped') {
      rep.outsideSession++;
      return false;
    }

    let jump = false;
    let absorbed = false;
    if (!Number.isNaN(la) && !Number.isNaN(this.pLat)) {
      const d = this.scale.distance(this.pLat, this.pLon, la, lo);
      if (d > this.vmax * Math.max(1, time - this.pTime)) {
        const consistent =
          !Number.isNaN(this.rLat) &&
          this.scale.distance(this.rLat, this.rLon, la, lo) <=
            this.vmax * Math.max(1, time - this.rTime);
        this.rRun = consistent ? this.rRun + 1 : 1;
        this.rLat = la;
        this.rLon = lo;
        this.rTime = time;
        if (this.rRun < TELEPORT_CONFIRM) {
          rep.teleports++;
          la = lo = Number.NaN;
        } else {
          rep.teleportJumps++; // the fixes agree on the new place: accept it, count no distance
          jump = true;
          this.rRun = 0;
          this.rLat = Number.NaN;
        }
      } else {
        this.rRun = 0;
        this.rLat = Number.NaN;
      }
    }

    if (n > 0 && this.state === 'running' && !this.broken) {
      const gap = time - this.cols.time[n - 1]!;
      if (gap > this.gapPauseS && !this.movedAcross(gap, la, lo, devDist)) {
        rep.gapPauses++;
        if (gap > CLOCK_JUMP_S) this.clockJumpS += gap;
        this.event('PAUSE', this.cols.time[n - 1]!);
        this.event('RESUME', time);
      }
    }

    if (n === this.capacity) this.grow();
    const c = this.cols;
    const running = this.state === 'running';
    const segActive = n > 0 && running && !this.broken;
    this.broken = !running;
    const dt = n > 0 ? time - c.time[n - 1]! : 0;

    this.src[n] = srcIndex;
    c.time[n] = time;
    c.lat[n] = la;
    c.lon[n] = lo;
    c.ele[n] = ele;
    c.hr[n] = hr;
    c.cad[n] = cad;
    c.power[n] = power;
    c.temp[n] = temp;
    c.devDist[n] = devDist;
    c.speed[n] = speed;

    const prev = n > 0 ? n - 1 : 0;
    const activeDt = segActive ? dt : 0;
    const active = c.active[prev]! + activeDt;
    c.active[n] = active;

    // Distance.
    let dist = c.dist[prev]!;
    if (!Number.isNaN(la)) {
      if (this.opts.distanceSource === 'gps') {
        if (Number.isNaN(this.aLat) || jump || !segActive) {
          this.aLat = la;
          this.aLon = lo;
          this.aIdx = n;
        } else {
          if (!Number.isNaN(this.pLat))
            this.rawGpsM += this.scale.distance(this.pLat, this.pLon, la, lo);
          const d = this.scale.distance(this.aLat, this.aLon, la, lo);
          if (d >= JITTER_RADIUS_M) {
            dist += d;
            this.countedGpsM += d;
            this.spread(n, d);
            this.aLat = la;
            this.aLon = lo;
            this.aIdx = n;
          } else absorbed = true;
        }
      }
      this.pLat = la;
      this.pLon = lo;
      this.pTime = time;
      if (this.firstPos < 0) this.firstPos = n;
      this.lastPos = n;
    }
    if (this.opts.distanceSource === 'device' && !Number.isNaN(devDist)) {
      if (Number.isNaN(this.firstDev)) this.firstDev = devDist;
      const last = this.lastDev;
      if (!Number.isNaN(last) && devDist > last) dist += devDist - last; // resets count as 0
      this.lastDev = devDist;
    }
    c.dist[n] = dist;
    c.raw[n] = this.rawGpsM;

    // Moving: smoothed speed over a trailing window on the timer clock.
    let k = this.k;
    const act = c.active;
    while (k + 1 < n && act[k + 1]! <= active - MOVING_WINDOW_S) k++;
    this.k = k;
    const span = active - act[k]!;
    const v = span > 0 ? (dist - c.dist[k]!) / span : 0;
    c.vel[n] = v;
    const moving =
      segActive &&
      dt <= MAX_MOVING_GAP_S &&
      (this.opts.distanceSource === 'none' || v >= this.vmove);
    this.movingFlag[n] = moving ? 1 : 0;
    c.moving[n] = c.moving[prev]! + (moving ? dt : 0);
    if (absorbed && !moving) rep.jitterPoints++;

    const el = this.elev;
    if (!Number.isNaN(ele)) {
      if (!(ele <= this.eleHigh)) this.eleHigh = ele;
      if (!(ele >= this.eleLow)) this.eleLow = ele;
      if (this.countsElevation) el.step(ele, dt, segActive);
    }
    c.eleS[n] = el.smoothed;
    rep.elevationSpikes = el.spikes;
    c.gain[n] = el.gain;
    c.loss[n] = el.loss;

    // Sample-and-hold: each sample's HR / power / cadence covers the step that ends at it,
    // as 1 Hz device records average the second before them.
    let hs = c.hrSum[prev]!;
    let ht = c.hrT[prev]!;
    if (!Number.isNaN(hr)) {
      if (activeDt > 0) {
        hs += hr * activeDt;
        ht += activeDt;
      }
      if (!(hr <= this.maxHr)) this.maxHr = hr;
    }
    c.hrSum[n] = hs;
    c.hrT[n] = ht;
    let e = c.energy[prev]!;
    let pt = c.powerT[prev]!;
    if (!Number.isNaN(power)) {
      if (activeDt > 0) {
        e += power * activeDt;
        pt += activeDt;
      }
      if (!(power <= this.maxPower)) this.maxPower = power;
    }
    c.energy[n] = e;
    c.powerT[n] = pt;
    let cs = c.cadSum[prev]!;
    let ct = c.cadT[prev]!;
    if (!Number.isNaN(cad)) {
      // Zeros (coasting, standing) are left out, as Garmin's default "average cadence" does.
      if (moving && cad > 0) {
        cs += cad * dt;
        ct += dt;
      }
      if (!(cad <= this.maxCad)) this.maxCad = cad;
    }
    c.cadSum[n] = cs;
    c.cadT[n] = ct;
    if (!Number.isNaN(temp)) {
      this.tempSum += temp;
      this.tempN++;
    }
    this.n = n + 1;
    rep.kept++;
    return true;
  }

  /**
   * Whether the athlete moved across a gap of `gap` seconds ending at this sample at a speed
   * the sport allows (at least its moving speed, at most its ceiling): by the device's distance
   * counter when it has one, else by the straight line between the fixes on either side. No
   * evidence (no position, no counter) is no movement.
   */
  private movedAcross(gap: number, la: number, lo: number, devDist: number): boolean {
    let d = Number.NaN;
    if (this.opts.distanceSource === 'device') {
      if (!Number.isNaN(devDist) && !Number.isNaN(this.lastDev)) d = devDist - this.lastDev;
    } else if (!Number.isNaN(la) && !Number.isNaN(this.pLat)) {
      d = this.scale.distance(this.pLat, this.pLon, la, lo);
    }
    const v = d / gap;
    return v >= this.vmove && v <= this.vmax;
  }

  /**
   * When the anchor moves on by `d`, the samples absorbed since the last anchor get their share
   * of `d` in proportion to their raw steps, so the distance stream rises smoothly (splits and
   * efforts interpolate within it) instead of in steps of the jitter radius. Each sample is
   * revisited at most once: amortised O(1).
   */
  private spread(n: number, d: number): void {
    const a = this.aIdx;
    if (a < 0 || n - a < 2) return;
    const c = this.cols;
    const raw = c.raw;
    const base = c.dist[a]!;
    const r0 = raw[a]!;
    const span = this.rawGpsM - r0;
    if (!(span > 0)) return;
    const k = d / span;
    for (let j = a + 1; j < n; j++) c.dist[j] = base + (raw[j]! - r0) * k;
  }

  /** Metres of GPS steps left out as stationary jitter so far. */
  get jitterM(): number {
    return Math.max(0, this.rawGpsM - this.countedGpsM);
  }

  private grow(): void {
    const cap = this.capacity * 2;
    const cols = newColumns(cap);
    for (const name of COLUMNS) cols[name].set(this.cols[name]);
    this.cols = cols;
    const src = new Int32Array(cap);
    src.set(this.src);
    this.src = src;
    const mf = new Uint8Array(cap);
    mf.set(this.movingFlag);
    this.movingFlag = mf;
    this.capacity = cap;
  }
}

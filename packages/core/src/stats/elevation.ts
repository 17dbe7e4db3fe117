/**
 * Elevation gain and loss: an exponential moving average (time constant per source) removes
 * sample noise, then a hysteresis accumulator counts a climb only once the smoothed altitude
 * has moved the threshold away from the last turning point, so noise on flat ground adds ~0
 * gain, while a climb already under way counts every further metre. A step faster than
 * `maxVerticalMps` (a barometer spike, a GPS altitude reset) is taken as a shift of the whole
 * level, not a climb: the baseline moves with it and nothing is counted, so a spike up and
 * back adds nothing, and a lasting offset adds nothing either. Causal and O(1) per sample.
 */
export class ElevationCounter {
  gain = 0;
  loss = 0;
  /** The smoothed altitude; NaN before the first altitude. */
  smoothed = Number.NaN;
  /** Steps taken as artefacts (faster than the vertical limit) and left out. */
  spikes = 0;
  private ref = Number.NaN;
  private dir = 0;
  private alphaDt = Number.NaN;
  private alpha = 1;
  private last = Number.NaN;
  private sinceLast = 0;

  constructor(
    private readonly tauS: number,
    private readonly thresholdM: number,
    private readonly maxVerticalMps = Number.POSITIVE_INFINITY,
    /**
     * How far a step may exceed the vertical limit: the altitude's own noise from one sample
     * to the next (1 m steps of integer altitudes; metres of GPS altitude wander).
     */
    private readonly spikeSlackM = 1,
  ) {}

  /** One altitude sample `dt` seconds after the previous one; `counts` false across a pause. */
  step(ele: number, dt: number, counts: boolean): void {
    if (Number.isNaN(this.smoothed)) {
      this.smoothed = this.ref = this.last = ele;
      this.dir = 0;
      this.sinceLast = 0;
      return;
    }
    this.sinceLast += dt;
    const jump = ele - this.last;
    if (!counts) {
      // After a pause: a new baseline, nothing counted across it. (Keeping the hysteresis
      // direction across pauses was tried: it counted 8–14 % more than the devices on the
      // sample rides with many auto-pauses.)
      this.smoothed = this.ref = this.last = ele;
      this.dir = 0;
      this.sinceLast = 0;
      return;
    }
    if (Math.abs(jump) > this.maxVerticalMps * Math.max(1, this.sinceLast) + this.spikeSlackM) {
      this.spikes++;
      this.shift(jump);
      return;
    }
    this.last = ele;
    this.sinceLast = 0;
    let s = this.smoothed;
    if (this.tauS <= 0) s = ele;
    else {
      if (dt !== this.alphaDt) {
        this.alphaDt = dt;
        this.alpha = 1 - Math.exp(-dt / this.tauS);
      }
      s += this.alpha * (ele - s);
    }
    this.smoothed = s;
    const ref = this.ref;
    const h = this.thresholdM;
    if (this.dir >= 0 && s > ref && (this.dir === 1 || s - ref >= h)) {
      this.gain += s - ref;
      this.ref = s;
      this.dir = 1;
    } else if (this.dir <= 0 && s < ref && (this.dir === -1 || ref - s >= h)) {
      this.loss += ref - s;
      this.ref = s;
      this.dir = -1;
    } else if (this.dir === 1 && ref - s >= h) {
      this.loss += ref - s;
      this.ref = s;
      this.dir = -1;
    } else if (this.dir === -1 && s - ref >= h) {
      this.gain += s - ref;
      this.ref = s;
      this.dir = 1;
    }
  }

  private shift(by: number): void {
    this.smoothed += by;
    this.ref += by;
    this.last += by;
    this.sinceLast = 0;
  }
}

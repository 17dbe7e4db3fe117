/**
 * Elevation gain and loss: an exponential moving average (time constant per source) removes
 * sample noise, then a hysteresis accumulator counts a climb only once the smoothed altitude
 * has moved the threshold away from the last turning point, so noise on flat ground adds ~0
 * gain, while a climb already under way counts every further metre. Causal and O(1) per sample.
 */
export class ElevationCounter {
  gain = 0;
  loss = 0;
  /** The smoothed altitude; NaN before the first altitude. */
  smoothed = Number.NaN;
  private ref = Number.NaN;
  private dir = 0;
  private alphaDt = Number.NaN;
  private alpha = 1;

  constructor(
    private readonly tauS: number,
    private readonly thresholdM: number,
  ) {}

  /** One altitude sample `dt` seconds after the previous one; `counts` false across a pause. */
  step(ele: number, dt: number, counts: boolean): void {
    let s = this.smoothed;
    if (Number.isNaN(s) || this.tauS <= 0) s = ele;
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
    if (Number.isNaN(ref) || !counts) {
      this.ref = s; // after a pause: a new baseline, nothing counted across it
      this.dir = 0;
    } else if (this.dir >= 0 && s > ref && (this.dir === 1 || s - ref >= h)) {
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
}

/**
 * The "current pace" the screen shows: distance over the last 30 s of running time. Core's
 * moving-window speed (10 s) decides what counts as moving and is right for that, but a phone
 * counts distance in steps of the 7 m jitter radius, so over 10 s it swings by a fifth at a
 * running pace; over 30 s the swing is a few percent.
 */
export const PACE_WINDOW_S = 30;

export class PaceWindow {
  private readonly timer: number[] = [];
  private readonly dist: number[] = [];

  /** Adds the totals after a sample: running seconds and metres so far. */
  push(timerS: number, distanceM: number): void {
    this.timer.push(timerS);
    this.dist.push(distanceM);
    // Keep one sample at or before the window's start, so the span is always the full window.
    while (this.timer.length > 2 && this.timer[1]! <= timerS - PACE_WINDOW_S) {
      this.timer.shift();
      this.dist.shift();
    }
  }

  /** Metres per second over the window; 0 until two samples span some running time. */
  speed(): number {
    const n = this.timer.length;
    if (n < 2) return 0;
    const dt = this.timer[n - 1]! - this.timer[0]!;
    return dt > 0 ? (this.dist[n - 1]! - this.dist[0]!) / dt : 0;
  }

  clear(): void {
    this.timer.length = 0;
    this.dist.length = 0;
  }
}

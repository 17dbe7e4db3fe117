import type { Series } from './series.js';

/** Coggan's normalized power: 30 s rolling average, raised to the 4th power, mean, 4th root. */
export const NP_WINDOW_S = 30;

/**
 * Normalized power on a 1 Hz grid of the timer clock (pauses removed, as head units do). The
 * energy column is cumulative watt·seconds, so the 30 s rolling mean at second t is exactly
 * (E(t) − E(t − 30)) / 30 whatever the recording interval; gaps without power count as 0 W.
 * Returns null without power; the plain average for rides shorter than the window.
 */
export function normalizedPower(s: Series): number | null {
  const n = s.n;
  if (n < 2 || !(s.powerT[n - 1]! > 0)) return null;
  const A = s.active;
  const E = s.energy;
  const T = Math.floor(A[n - 1]!);
  if (T < NP_WINDOW_S) return E[n - 1]! / s.powerT[n - 1]!;
  // Energy at each whole timer second, by one forward walk.
  const grid = new Float64Array(T + 1);
  let j = 0;
  for (let t = 0; t <= T; t++) {
    while (j < n - 1 && A[j + 1]! < t) j++;
    const a0 = A[j]!;
    const a1 = A[j + 1 < n ? j + 1 : j]!;
    if (t <= a0 || a1 === a0) grid[t] = E[j]!;
    else grid[t] = E[j]! + ((t - a0) / (a1 - a0)) * (E[j + 1]! - E[j]!);
  }
  let sum4 = 0;
  for (let t = NP_WINDOW_S; t <= T; t++) {
    const r = (grid[t]! - grid[t - NP_WINDOW_S]!) / NP_WINDOW_S;
    const r2 = r * r;
    sum4 += r2 * r2;
  }
  return (sum4 / (T - NP_WINDOW_S + 1)) ** 0.25;
}

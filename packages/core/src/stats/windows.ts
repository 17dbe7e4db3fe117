/**
 * Best windows in one linear pass. Along a non-decreasing axis x (distance, or the timer
 * clock), for each span w find the extreme of y(end) − y(start) over all windows with
 * x(end) − x(start) = w, where x and y are linear between samples. Between sample breakpoints
 * the difference is linear in the window's position, so the extreme lies where the window's
 * start or its end sits on a sample: for every sample j we try it as the end (start
 * interpolated at x[j] − w) and as the start (end interpolated at x[j] + w). Both pointers only
 * move forward, so each span costs one linear sweep, O(n), with no sorting and no allocation
 * per sample.
 *
 * Used for best efforts (x = distance, minimise the timer time) and best power/speed
 * (x = timer clock, maximise energy/distance).
 */
export interface WindowResult {
  /** y(end) − y(start) of the best window; NaN when the track is shorter than the span. */
  value: number;
  /** Fractional positions of the best window. */
  start: number;
  end: number;
}

export function bestWindows(
  x: Float64Array,
  y: Float64Array,
  n: number,
  spans: readonly number[],
  mode: 'min' | 'max',
): WindowResult[] {
  const out: WindowResult[] = [];
  for (const w of spans) out.push(bestWindow(x, y, n, w, mode === 'min' ? 1 : -1));
  return out;
}

/**
 * One span: a single forward sweep with two pointers (the window's start behind j, its end
 * ahead of j). Spans are swept one after another rather than interleaved: three sequential
 * memory streams per sweep keep long tracks in cache (measured: interleaving 13 spans made a
 * 4× longer track cost 6× the time).
 */
function bestWindow(
  x: Float64Array,
  y: Float64Array,
  n: number,
  w: number,
  sign: number,
): WindowResult {
  let best = Number.NaN;
  let bestStart = 0;
  let bestEnd = 0;
  let i = 0; // latest sample with x[i] <= x[j] - w
  let e = 0; // first sample with x[e] >= x[j] + w
  const x0 = n > 0 ? x[0]! : 0;
  for (let j = 0; j < n; j++) {
    const xj = x[j]!;
    const yj = y[j]!;
    // j as the end
    const t = xj - w;
    if (t >= x0) {
      while (i + 1 < j && x[i + 1]! <= t) i++;
      const xi = x[i]!;
      const dx = x[i + 1]! - xi;
      const f = dx > 0 ? (t - xi) / dx : 0;
      const v = yj - (y[i]! + f * (y[i + 1]! - y[i]!));
      if (Number.isNaN(best) || sign * (v - best) < 0) {
        best = v;
        bestStart = i + f;
        bestEnd = j;
      }
    }
    // j as the start
    const u = xj + w;
    if (e <= j) e = j + 1;
    while (e < n && x[e]! < u) e++;
    if (e < n) {
      const xa = x[e - 1]!;
      const dx = x[e]! - xa;
      const f = dx > 0 ? (u - xa) / dx : 1;
      const ya = y[e - 1]!;
      const v = ya + f * (y[e]! - ya) - yj;
      if (Number.isNaN(best) || sign * (v - best) < 0) {
        best = v;
        bestStart = j;
        bestEnd = e - 1 + f;
      }
    }
  }
  return { value: best, start: bestStart, end: bestEnd };
}

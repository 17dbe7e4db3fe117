import { scaleAt } from '../geo/ruler.js';

/**
 * Ramer–Douglas–Peucker simplification with a bounded point count, for summary maps.
 *
 * One RDP pass records, for every vertex, the distance at which RDP would keep it (its
 * "importance"), clamped to never exceed its parent's so that the importances are nested.
 * Keeping the vertices with importance ≥ ε is then exactly RDP with tolerance ε, for every ε,
 * and the `maxPoints` most important vertices are RDP at the smallest tolerance that fits —
 * found with one sort instead of a search over tolerances. Distances are in metres on a local
 * plane (ruler scale at the track's mean latitude). Returns the kept sample indices, ascending.
 */
export function simplifyIndices(
  lat: ArrayLike<number>,
  lon: ArrayLike<number>,
  options: { maxPoints?: number; toleranceM?: number } = {},
): Uint32Array {
  const idx: number[] = [];
  let sumLat = 0;
  for (let i = 0; i < lat.length; i++) {
    if (!Number.isNaN(lat[i]!) && !Number.isNaN(lon[i]!)) {
      idx.push(i);
      sumLat += lat[i]!;
    }
  }
  const m = idx.length;
  const maxPoints = Math.max(2, options.maxPoints ?? Number.POSITIVE_INFINITY);
  const tol = options.toleranceM ?? 0;
  if (m <= 2) return Uint32Array.from(idx);
  const k = scaleAt(sumLat / m);
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    x[j] = lon[idx[j]!]! * k[0]!;
    y[j] = lat[idx[j]!]! * k[1]!;
  }
  const importance = new Float64Array(m);
  importance[0] = importance[m - 1] = Number.POSITIVE_INFINITY;
  const stack: number[] = [0, m - 1, Number.POSITIVE_INFINITY];
  while (stack.length) {
    const cap = stack.pop()!;
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    const ax = x[a]!;
    const ay = y[a]!;
    const dx = x[b]! - ax;
    const dy = y[b]! - ay;
    const len2 = dx * dx + dy * dy;
    let best = -1;
    let bestD = -1;
    for (let j = a + 1; j < b; j++) {
      let px = x[j]! - ax;
      let py = y[j]! - ay;
      if (len2 > 0) {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        px -= t * dx;
        py -= t * dy;
      }
      const d = px * px + py * py;
      if (d > bestD) {
        bestD = d;
        best = j;
      }
    }
    const imp = Math.min(Math.sqrt(bestD), cap);
    importance[best] = imp;
    stack.push(a, best, imp, best, b, imp);
  }
  let threshold = tol;
  if (m > maxPoints) {
    const sorted = Float64Array.from(importance).sort();
    // The maxPoints-th largest importance; ties above the budget are cut by index order below.
    threshold = Math.max(threshold, sorted[m - maxPoints]!);
  }
  const out: number[] = [];
  for (let j = 0; j < m; j++) {
    if ((importance[j]! >= threshold && importance[j]! > 0) || j === 0 || j === m - 1)
      out.push(idx[j]!);
  }
  if (out.length > maxPoints) {
    // Equal importances straddling the threshold: drop the surplus with the lowest importance.
    const keep = out
      .map((i, o) => ({ i, o, imp: importance[idx.indexOf(i)]! }))
      .sort((p, q) => q.imp - p.imp || p.o - q.o)
      .slice(0, maxPoints)
      .sort((p, q) => p.o - q.o)
      .map((p) => p.i);
    return Uint32Array.from(keep);
  }
  return Uint32Array.from(out);
}

/** A summary-map polyline: simplified to at most `maxPoints` (default 300) and encoded. */
export const SUMMARY_MAX_POINTS = 300;

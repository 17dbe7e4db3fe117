/**
 * Grade-adjusted pace from the energy cost of running on gradients (Minetti, Moia, Roi,
 * Susta & Ferretti 2002, "Energy cost of walking and running at extreme uphill and downhill
 * slopes", J Appl Physiol 93:1039): a speed on a grade is worth the flat speed of equal
 * metabolic power, speed × Cr(i) / Cr(0).
 */

/** Range of grades Minetti et al. measured (−45 % … +45 %); grades outside are clamped. */
export const MINETTI_MAX_GRADE = 0.45;

/**
 * Grade is measured over this much distance, centred on each step: 50 m spans about 15 s of
 * running, long enough that 0.2 m barometer steps and GPS altitude noise move the grade by
 * well under 1 %, short enough to resolve a short hill.
 */
export const GAP_GRADE_WINDOW_M = 50;

/**
 * Energy cost of running, J/kg/m, at grade i (a fraction, rise over run), Minetti et al. 2002:
 * Cr(i) = 155.4 i⁵ − 30.4 i⁴ − 43.3 i³ + 46.3 i² + 19.5 i + 3.6, i clamped to ±0.45.
 */
export function runningCost(grade: number): number {
  const i = Number.isNaN(grade)
    ? 0
    : Math.max(-MINETTI_MAX_GRADE, Math.min(MINETTI_MAX_GRADE, grade));
  return ((((155.4 * i - 30.4) * i - 43.3) * i + 46.3) * i + 19.5) * i + 3.6;
}

/** Cr(0) = 3.6 J/kg/m: the flat cost every grade is compared to. */
const FLAT_COST = 3.6;

/** Flat-equivalent speed factor Cr(i) / Cr(0): 1.658 at +10 %, 0.598 at −10 %. */
export function gradeSpeedFactor(grade: number): number {
  return runningCost(grade) / FLAT_COST;
}

/** Flat-equivalent speed, m/s, of running at `speedMps` up `grade`. */
export function gradeAdjustedSpeed(speedMps: number, grade: number): number {
  return speedMps * gradeSpeedFactor(grade);
}

/** Altitude at distance d by linear interpolation; `k` is a cursor that only moves forward. */
function altitudeAt(D: ArrayLike<number>, Z: ArrayLike<number>, d: number, k: { i: number }) {
  const last = D.length - 1;
  while (k.i < last - 1 && D[k.i + 1]! <= d) k.i++;
  const d0 = D[k.i]!;
  const d1 = D[k.i + 1]!;
  if (!(d1 > d0) || d <= d0) return Z[k.i]!;
  if (d >= d1) return Z[k.i + 1]!;
  return Z[k.i]! + ((d - d0) / (d1 - d0)) * (Z[k.i + 1]! - Z[k.i]!);
}

/**
 * Cumulative grade-adjusted distance, m: each step's distance × the speed factor of the grade
 * over `windowM` centred on the step's midpoint (narrowed at the ends of the track). Distance
 * must not decrease; a step whose window has a NaN altitude is counted as flat.
 */
export function gradeAdjustedDistance(
  distanceM: ArrayLike<number>,
  altitudeM: ArrayLike<number>,
  windowM = GAP_GRADE_WINDOW_M,
): Float64Array {
  const n = Math.min(distanceM.length, altitudeM.length);
  const out = new Float64Array(n);
  if (n < 2) return out;
  const first = distanceM[0]!;
  const end = distanceM[n - 1]!;
  const half = windowM / 2;
  const lo = { i: 0 };
  const hi = { i: 0 };
  for (let j = 1; j < n; j++) {
    const step = distanceM[j]! - distanceM[j - 1]!;
    if (!(step > 0)) {
      out[j] = out[j - 1]!;
      continue;
    }
    const mid = distanceM[j - 1]! + step / 2;
    const a = Math.max(first, mid - half);
    const b = Math.min(end, mid + half);
    const grade =
      (altitudeAt(distanceM, altitudeM, b, hi) - altitudeAt(distanceM, altitudeM, a, lo)) / (b - a);
    out[j] = out[j - 1]! + step * gradeSpeedFactor(grade);
  }
  return out;
}

export interface GradeAdjustedPace {
  /** Flat-equivalent distance, m. */
  distanceM: number;
  /** Flat-equivalent average speed, m/s; 0 without time. */
  speedMps: number;
  /** Flat-equivalent pace, s per km; null without distance. */
  paceSPerKm: number | null;
}

/**
 * Grade-adjusted pace over streams: flat-equivalent distance over the time from first to last
 * sample. Pass the timer clock (pauses removed) to get a moving pace.
 */
export function gradeAdjustedPace(
  timeS: ArrayLike<number>,
  distanceM: ArrayLike<number>,
  altitudeM: ArrayLike<number>,
  windowM = GAP_GRADE_WINDOW_M,
): GradeAdjustedPace {
  const n = Math.min(timeS.length, distanceM.length, altitudeM.length);
  const adjusted = gradeAdjustedDistance(distanceM, altitudeM, windowM);
  const distance = n > 0 ? adjusted[n - 1]! : 0;
  const time = n > 1 ? timeS[n - 1]! - timeS[0]! : 0;
  const speedMps = time > 0 ? distance / time : 0;
  return {
    distanceM: distance,
    speedMps,
    paceSPerKm: speedMps > 0 ? 1000 / speedMps : null,
  };
}

/**
 * The activity page's charts, as plain arrays: x is distance in the viewer's unit, one series
 * per stream the activity has (elevation, pace or speed, heart rate, power). Long activities
 * are thinned to at most `maxPoints` samples — a phone's chart is ~400 px wide anyway.
 */
import type { Units } from '@stride/client';
import { formatDuration, speedLabel } from './format.js';
import type { Streams } from './streams.js';

export interface ChartSeries {
  key: 'altitude' | 'pace' | 'speed' | 'heartrate' | 'watts';
  label: string;
  unit: string;
  values: (number | null)[];
  /** Faster pace is a smaller number: draw it upwards. */
  invert?: boolean;
  /** Formats one value with its unit, for the cursor readout and screen readers. */
  format: (v: number) => string;
  /** Formats an axis tick when plain numbers would not read (pace as m:ss). */
  tick?: (v: number) => string;
}

export interface ChartData {
  /** Distance at each sample, km or mi. */
  x: number[];
  xUnit: string;
  /** Metres in one x unit (1000 or a mile), to place stretches given in metres. */
  metresPerX: number;
  series: ChartSeries[];
}

const M_PER_MI = 1609.344;
const M_PER_FT = 0.3048;
/** Slower than this (m/s) the athlete is standing: no pace, rather than one of hours per km. */
const MIN_PACE_SPEED = 0.5;

/** Indices of about `max` samples spread evenly, always keeping the first and the last. */
export function thinIndices(n: number, max: number): number[] {
  if (n <= max) return Array.from({ length: n }, (_, i) => i);
  const out: number[] = [];
  const step = (n - 1) / (max - 1);
  for (let k = 0; k < max; k++) out.push(Math.round(k * step));
  return out;
}

export function chartData(
  streams: Streams,
  sport: string,
  units: Units,
  maxPoints = 1500,
): ChartData | null {
  const distance = streams.distance?.data;
  if (!distance || distance.length < 2) return null;
  const idx = thinIndices(distance.length, maxPoints);
  const perUnit = units === 'imperial' ? M_PER_MI : 1000;
  const pick = (data: (number | null)[] | undefined, f: (v: number) => number | null) =>
    data ? idx.map((i) => (data[i] == null ? null : f(data[i]!))) : null;
  const x = idx.map((i) => (distance[i] ?? 0) / perUnit);
  const series: ChartSeries[] = [];
  const hasValues = (v: (number | null)[] | null): v is (number | null)[] =>
    !!v && v.some((y) => y !== null);

  const alt = pick(streams.altitude?.data, (v) => (units === 'imperial' ? v / M_PER_FT : v));
  const elevUnit = units === 'imperial' ? 'ft' : 'm';
  if (hasValues(alt))
    series.push({
      key: 'altitude',
      label: 'Elevation',
      unit: elevUnit,
      values: alt,
      format: (v) => `${Math.round(v)} ${elevUnit}`,
    });

  const v = streams.velocity_smooth?.data;
  if (speedLabel(sport) === 'Pace') {
    const unit = units === 'imperial' ? '/mi' : '/km';
    const pace = pick(v, (s) => (s < MIN_PACE_SPEED ? null : perUnit / s));
    if (hasValues(pace))
      series.push({
        key: 'pace',
        label: 'Pace',
        unit,
        values: pace,
        invert: true,
        format: (s) => `${formatDuration(s)} ${unit}`,
        tick: formatDuration,
      });
  } else {
    const unit = units === 'imperial' ? 'mi/h' : 'km/h';
    const speed = pick(v, (s) => (s * 3600) / perUnit);
    if (hasValues(speed))
      series.push({
        key: 'speed',
        label: 'Speed',
        unit,
        values: speed,
        format: (s) => `${s.toFixed(1)} ${unit}`,
      });
  }

  const hr = pick(streams.heartrate?.data, (b) => b);
  if (hasValues(hr))
    series.push({
      key: 'heartrate',
      label: 'Heart rate',
      unit: 'bpm',
      values: hr,
      format: (b) => `${Math.round(b)} bpm`,
    });
  const watts = pick(streams.watts?.data, (w) => w);
  if (hasValues(watts))
    series.push({
      key: 'watts',
      label: 'Power',
      unit: 'W',
      values: watts,
      format: (w) => `${Math.round(w)} W`,
    });

  return { x, xUnit: units === 'imperial' ? 'mi' : 'km', metresPerX: perUnit, series };
}

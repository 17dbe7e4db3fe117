/**
 * The activity page's charts, as plain arrays: x is distance in the viewer's unit (or elapsed
 * time when the activity covered no distance it knows of), one series per stream the activity
 * has (elevation, pace or speed, heart rate, power). Long activities are thinned to at most
 * `maxPoints` samples — a phone's chart is ~400 px wide anyway.
 */
import type { Units } from '@stride/client';
import { sportFamily } from '@stride/core';
import { formatDuration, paceUnitFor, speedLabel } from './format.js';
import type { Streams } from './streams.js';

/**
 * What the charts run along: the distance stream, in metres, when it grows; else elapsed
 * seconds. An indoor ride without a speed sensor, or a pool swim whose distance is only in its
 * laps, has a distance stream that stays at 0: drawn against it, every sample would sit on one
 * vertical line.
 */
export interface ChartAxis {
  basis: 'distance' | 'time';
  /** Metres, or seconds since the start, at each sample. */
  along: number[];
}

export function chartAxis(streams: Streams): ChartAxis | null {
  const distance = streams.distance?.data;
  if (distance && distance.length > 1 && distance.some((d) => d != null && d > 0))
    return { basis: 'distance', along: distance.map((d) => d ?? 0) };
  const time = streams.time?.data;
  // Streams are sampled in time: without a time stream, sample n is read as second n.
  const n = Math.max(
    time?.length ?? 0,
    streams.heartrate?.data.length ?? 0,
    streams.watts?.data.length ?? 0,
    streams.velocity_smooth?.data.length ?? 0,
    streams.altitude?.data.length ?? 0,
  );
  if (n < 2) return null;
  return { basis: 'time', along: Array.from({ length: n }, (_, i) => time?.[i] ?? i) };
}

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
  /** What x is: distance (km or mi) or elapsed time (seconds). */
  basis: ChartAxis['basis'];
  /** Distance (km or mi) or elapsed seconds at each sample. */
  x: number[];
  /** The x unit's name ("km", "mi"; empty for time, whose ticks read as a clock). */
  xUnit: string;
  /** An axis tick: "12.5 km", "1:02:30". */
  xTick: (v: number) => string;
  /** An x value as the cursor reads it: "12.53 km", "1:02:30". */
  xFormat: (v: number) => string;
  /** How far (metres, or seconds for time) one x unit is, to place stretches given along it. */
  alongPerX: number;
  series: ChartSeries[];
}

const M_PER_MI = 1609.344;
const M_PER_FT = 0.3048;
/**
 * Slower than this (m/s) the athlete is standing: no pace, rather than one of hours per km. A
 * slow swimmer is slower than a slow walker: 0.2 m/s is 8:20 /100m.
 */
const minPaceSpeed = (sport: string) => (sportFamily(sport) === 'swim' ? 0.2 : 0.5);

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
  const axis = chartAxis(streams);
  if (!axis) return null;
  const idx = thinIndices(axis.along.length, maxPoints);
  const perUnit = units === 'imperial' ? M_PER_MI : 1000;
  const pick = (data: (number | null)[] | undefined, f: (v: number) => number | null) =>
    data ? idx.map((i) => (data[i] == null ? null : f(data[i]!))) : null;
  const alongPerX = axis.basis === 'distance' ? perUnit : 1;
  const x = idx.map((i) => (axis.along[i] ?? 0) / alongPerX);
  const dUnit = units === 'imperial' ? 'mi' : 'km';
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
    const { metres, label: unit } = paceUnitFor(sport, units);
    const pace = pick(v, (s) => (s < minPaceSpeed(sport) ? null : metres / s));
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
    // A speed that stays 0 was never measured (a trainer without a speed sensor).
    if (hasValues(speed) && speed.some((y) => y !== null && y > 0))
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

  if (axis.basis === 'time')
    return {
      basis: 'time',
      x,
      xUnit: '',
      xTick: formatDuration,
      xFormat: formatDuration,
      alongPerX,
      series,
    };
  return {
    basis: 'distance',
    x,
    xUnit: dUnit,
    xTick: (d) => `${Math.round(d * 1000) / 1000} ${dUnit}`,
    xFormat: (d) => `${d.toFixed(2)} ${dUnit}`,
    alongPerX,
    series,
  };
}

/**
 * A recorded track as typed-array columns: one array per channel, one index per sample.
 *
 * - `time` is seconds since the Unix epoch (UTC), fractional seconds allowed; NaN when the
 *   sample has no time (some GPX files).
 * - `lat`/`lon` are WGS84 degrees; NaN when the sample has no position (indoor, tunnel).
 * - Optional channels are `null` when the file never carries them, NaN per missing sample.
 * - `distance` is the device's own cumulative distance (wheel sensor, foot pod, GPS device
 *   total), in metres; `speed` the device's instantaneous speed in m/s.
 */
export interface Track {
  readonly length: number;
  readonly time: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly elevation: Float32Array | null;
  readonly heartRate: Float32Array | null;
  readonly cadence: Float32Array | null;
  readonly power: Float32Array | null;
  readonly temperature: Float32Array | null;
  readonly distance: Float64Array | null;
  readonly speed: Float32Array | null;
}

/** Names of the optional channels, in a fixed order. */
export const OPTIONAL_CHANNELS = [
  'elevation',
  'heartRate',
  'cadence',
  'power',
  'temperature',
  'distance',
  'speed',
] as const;
export type OptionalChannel = (typeof OPTIONAL_CHANNELS)[number];

/** One sample as a plain object: for the recorder's point-by-point path, not for hot loops. */
export interface TrackPoint {
  time: number;
  lat?: number;
  lon?: number;
  elevation?: number;
  heartRate?: number;
  cadence?: number;
  power?: number;
  temperature?: number;
  distance?: number;
  speed?: number;
}

type Column = Float64Array | Float32Array;

const FLOAT64_CHANNELS = new Set<OptionalChannel>(['distance']);

function newColumn(channel: OptionalChannel | 'time' | 'lat' | 'lon', capacity: number): Column {
  if (channel === 'time' || channel === 'lat' || channel === 'lon')
    return new Float64Array(capacity);
  return FLOAT64_CHANNELS.has(channel) ? new Float64Array(capacity) : new Float32Array(capacity);
}

function grow<T extends Column>(column: T, capacity: number): T {
  const next = (
    column instanceof Float64Array ? new Float64Array(capacity) : new Float32Array(capacity)
  ) as T;
  next.set(column);
  return next;
}

/**
 * Grows a track sample by sample with amortised O(1) appends (capacity doubles), then
 * `build()` returns exact-length columns. Channels that never received a value are `null`.
 */
export class TrackBuilder {
  private capacity: number;
  private size = 0;
  private time: Float64Array;
  private lat: Float64Array;
  private lon: Float64Array;
  private readonly optional = new Map<OptionalChannel, Column>();

  constructor(initialCapacity = 1024) {
    this.capacity = Math.max(16, initialCapacity | 0);
    this.time = new Float64Array(this.capacity);
    this.lat = new Float64Array(this.capacity);
    this.lon = new Float64Array(this.capacity);
  }

  get length(): number {
    return this.size;
  }

  /** Appends one sample; absent or non-finite values are stored as missing (NaN). */
  push(point: TrackPoint): this {
    const i = this.reserve();
    this.time[i] = finiteOrNaN(point.time);
    this.lat[i] = finiteOrNaN(point.lat);
    this.lon[i] = finiteOrNaN(point.lon);
    for (const channel of OPTIONAL_CHANNELS) {
      const value = point[channel];
      if (value !== undefined) this.set(channel, i, value);
      else {
        const column = this.optional.get(channel);
        if (column) column[i] = Number.NaN;
      }
    }
    return this;
  }

  /**
   * Appends a sample with only time and position; optional channels for it are then set with
   * `set(channel, index, value)`. This is the allocation-free path for importers.
   */
  pushPosition(time: number, lat: number, lon: number): number {
    const i = this.reserve();
    this.time[i] = time;
    this.lat[i] = lat;
    this.lon[i] = lon;
    for (const column of this.optional.values()) column[i] = Number.NaN;
    return i;
  }

  /** Sets an optional channel's value for sample `index` (which must already exist). */
  set(channel: OptionalChannel, index: number, value: number): void {
    let column = this.optional.get(channel);
    if (!column) {
      column = newColumn(channel, this.capacity);
      column.fill(Number.NaN);
      this.optional.set(channel, column);
    }
    column[index] = Number.isFinite(value) ? value : Number.NaN;
  }

  /** Returns a Track with exact-length copies of the columns; the builder can keep growing. */
  build(): Track {
    const n = this.size;
    const pick = (channel: OptionalChannel) => {
      const column = this.optional.get(channel);
      return column ? column.slice(0, n) : null;
    };
    return {
      length: n,
      time: this.time.slice(0, n),
      lat: this.lat.slice(0, n),
      lon: this.lon.slice(0, n),
      elevation: pick('elevation') as Float32Array | null,
      heartRate: pick('heartRate') as Float32Array | null,
      cadence: pick('cadence') as Float32Array | null,
      power: pick('power') as Float32Array | null,
      temperature: pick('temperature') as Float32Array | null,
      distance: pick('distance') as Float64Array | null,
      speed: pick('speed') as Float32Array | null,
    };
  }

  private reserve(): number {
    if (this.size === this.capacity) {
      this.capacity *= 2;
      this.time = grow(this.time, this.capacity);
      this.lat = grow(this.lat, this.capacity);
      this.lon = grow(this.lon, this.capacity);
      for (const [channel, column] of this.optional) {
        const next = grow(column, this.capacity);
        next.fill(Number.NaN, this.size);
        this.optional.set(channel, next);
      }
    }
    return this.size++;
  }
}

function finiteOrNaN(value: number | undefined): number {
  return value !== undefined && Number.isFinite(value) ? value : Number.NaN;
}

/** Builds a Track from whole columns (bulk importers). Columns must share one length. */
export function trackFromColumns(
  columns: Pick<Track, 'time' | 'lat' | 'lon'> & Partial<Omit<Track, 'length'>>,
): Track {
  const length = columns.time.length;
  const check = (name: string, column: ArrayLike<number> | null | undefined) => {
    if (column && column.length !== length) {
      throw new RangeError(`column ${name} has ${column.length} samples, time has ${length}`);
    }
  };
  check('lat', columns.lat);
  check('lon', columns.lon);
  for (const channel of OPTIONAL_CHANNELS) check(channel, columns[channel]);
  return {
    length,
    time: columns.time,
    lat: columns.lat,
    lon: columns.lon,
    elevation: columns.elevation ?? null,
    heartRate: columns.heartRate ?? null,
    cadence: columns.cadence ?? null,
    power: columns.power ?? null,
    temperature: columns.temperature ?? null,
    distance: columns.distance ?? null,
    speed: columns.speed ?? null,
  };
}

/** A copy of the samples whose index satisfies `keep`, preserving all channels. */
export function filterTrack(track: Track, keep: (index: number) => boolean): Track {
  const indices: number[] = [];
  for (let i = 0; i < track.length; i++) if (keep(i)) indices.push(i);
  return selectSamples(track, indices);
}

/** A copy holding the samples at `indices` (in the order given). */
export function selectSamples(track: Track, indices: ArrayLike<number>): Track {
  const n = indices.length;
  const take = <T extends Column>(column: T | null): T | null => {
    if (!column) return null;
    const out = (column instanceof Float64Array ? new Float64Array(n) : new Float32Array(n)) as T;
    for (let k = 0; k < n; k++) out[k] = column[indices[k]!]!;
    return out;
  };
  return {
    length: n,
    time: take(track.time)!,
    lat: take(track.lat)!,
    lon: take(track.lon)!,
    elevation: take(track.elevation),
    heartRate: take(track.heartRate),
    cadence: take(track.cadence),
    power: take(track.power),
    temperature: take(track.temperature),
    distance: take(track.distance),
    speed: take(track.speed),
  };
}

import { deflateSync, inflateSync } from 'fflate';
import { CodecError } from '../errors.js';
import { OPTIONAL_CHANNELS, type Track } from '../track.js';
import { ByteReader, ByteWriter, uvarintLength, zigzag } from './varint.js';

/**
 * All streams of an activity in one compact blob:
 *
 *   'S' · version · deflate( n · columnCount · column* )
 *   column = id · order · presence · values
 *
 * Each column is quantised to a fixed precision (below), then written as zig-zag varints of its
 * first (order 1) or second (order 2) differences — whichever is smaller; second differences
 * suit smooth signals such as time at a fixed rate or coordinates at a steady pace. Missing
 * samples (NaN) are a run-length presence list, so gaps cost a few bytes. Deflate then squeezes
 * the repetitive varints. Decoding gives back every value exactly at its stored precision.
 */
export const STREAM_FORMAT_VERSION = 1;
const MAGIC = 0x53; // 'S'

/** Column id and the precision it is stored at (the inverse, to multiply by). */
export const STREAM_COLUMNS = [
  { id: 0, name: 'time', perUnit: 1e3 }, // 1 ms
  { id: 1, name: 'lat', perUnit: 1e7 }, // 1e-7° ≈ 1.1 cm
  { id: 2, name: 'lon', perUnit: 1e7 },
  { id: 3, name: 'elevation', perUnit: 10 }, // 0.1 m
  { id: 4, name: 'heartRate', perUnit: 1 }, // 1 bpm
  { id: 5, name: 'cadence', perUnit: 10 }, // 0.1 rpm (fractional run cadence)
  { id: 6, name: 'power', perUnit: 1 }, // 1 W
  { id: 7, name: 'temperature', perUnit: 10 }, // 0.1 °C
  { id: 8, name: 'distance', perUnit: 100 }, // 1 cm (FIT's own resolution)
  { id: 9, name: 'speed', perUnit: 1e3 }, // 1 mm/s (FIT's own resolution)
] as const;
type ColumnName = (typeof STREAM_COLUMNS)[number]['name'];

/** A value as the codec stores it: rounded to the column's precision (NaN stays missing). */
export function quantize(name: ColumnName, v: number): number {
  const per = STREAM_COLUMNS.find((c) => c.name === name)!.perUnit;
  return Number.isFinite(v) ? Math.round(v * per) / per + 0 : Number.NaN; // + 0: no -0
}

const MAX_SAFE = 2 ** 52;

function encodeColumn(w: ByteWriter, id: number, per: number, col: ArrayLike<number>): void {
  const n = col.length;
  const q = new Float64Array(n);
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = col[i]!;
    const s = Math.round(v * per);
    if (Number.isFinite(v) && Math.abs(s) < MAX_SAFE) {
      q[present++] = s;
    } else if (Number.isFinite(v)) {
      throw new CodecError(`value ${v} of column ${id} is out of range`);
    }
  }
  // Pick the difference order with the fewer varint bytes.
  let len1 = 0;
  let len2 = 0;
  let prev = 0;
  let prevD = 0;
  for (let i = 0; i < present; i++) {
    const d = q[i]! - prev;
    len1 += uvarintLength(zigzag(d));
    len2 += uvarintLength(zigzag(d - prevD));
    prev = q[i]!;
    prevD = d;
  }
  const order = len2 < len1 ? 2 : 1;
  w.byte(id);
  w.byte(order);
  if (present === n) w.byte(0);
  else {
    w.byte(1);
    // Alternating run lengths, starting with a (possibly empty) run of present samples.
    const runs: number[] = [];
    let want = true;
    let run = 0;
    for (let i = 0; i < n; i++) {
      const has = Number.isFinite(col[i]!);
      if (has === want) run++;
      else {
        runs.push(run);
        want = !want;
        run = 1;
      }
    }
    runs.push(run);
    w.uvarint(runs.length);
    for (const r of runs) w.uvarint(r);
  }
  prev = 0;
  prevD = 0;
  for (let i = 0; i < present; i++) {
    const d = q[i]! - prev;
    w.svarint(order === 2 ? d - prevD : d);
    prev = q[i]!;
    prevD = d;
  }
}

/** Encodes every column of the track that exists (time, lat, lon always). */
export function encodeStreams(track: Track, level: 6 | 9 = 9): Uint8Array {
  const w = new ByteWriter(64 + track.length * 8);
  const cols = STREAM_COLUMNS.filter((c) => track[c.name] !== null);
  w.uvarint(track.length);
  w.uvarint(cols.length);
  for (const c of cols) encodeColumn(w, c.id, c.perUnit, track[c.name]!);
  const body = deflateSync(w.bytes(), { level });
  const out = new Uint8Array(body.length + 2);
  out[0] = MAGIC;
  out[1] = STREAM_FORMAT_VERSION;
  out.set(body, 2);
  return out;
}

const truncated = (): never => {
  throw new CodecError('stream blob is truncated');
};

export function decodeStreams(blob: Uint8Array): Track {
  if (blob.length < 2 || blob[0] !== MAGIC) throw new CodecError('not a stream blob');
  if (blob[1] !== STREAM_FORMAT_VERSION) {
    throw new CodecError(`unsupported stream format version ${blob[1]}`, { version: blob[1] });
  }
  let body: Uint8Array;
  try {
    body = inflateSync(blob.subarray(2));
  } catch (err) {
    throw new CodecError(`stream blob does not inflate: ${(err as Error).message}`);
  }
  const r = new ByteReader(body, truncated);
  const n = r.uvarint();
  const count = r.uvarint();
  if (n > body.length * 8 + 1) truncated(); // a corrupt length, not a real track
  const out: Record<string, Float64Array | Float32Array | null> = {};
  for (const c of OPTIONAL_CHANNELS) out[c] = null;
  for (let k = 0; k < count; k++) {
    const id = r.byte();
    const spec = STREAM_COLUMNS[id];
    if (!spec) throw new CodecError(`unknown stream column ${id}`);
    const order = r.byte();
    const mode = r.byte();
    const wide =
      spec.name === 'time' ||
      spec.name === 'lat' ||
      spec.name === 'lon' ||
      spec.name === 'distance';
    const col = wide ? new Float64Array(n) : new Float32Array(n);
    const per = spec.perUnit;
    let prev = 0;
    let prevD = 0;
    const readValue = () => {
      const v = r.svarint();
      const d = order === 2 ? prevD + v : v;
      prev += d;
      prevD = d;
      return prev / per;
    };
    if (mode === 0) {
      for (let i = 0; i < n; i++) col[i] = readValue();
    } else {
      const runs = r.uvarint();
      const lengths: number[] = [];
      for (let j = 0; j < runs; j++) lengths.push(r.uvarint());
      let i = 0;
      lengths.forEach((len, j) => {
        if (i + len > n) truncated();
        for (let e = i + len; i < e; i++) col[i] = j % 2 === 0 ? readValue() : Number.NaN;
      });
    }
    out[spec.name] = col;
  }
  const nanCol = () => new Float64Array(n).fill(Number.NaN);
  return {
    length: n,
    time: (out.time as Float64Array) ?? nanCol(),
    lat: (out.lat as Float64Array) ?? nanCol(),
    lon: (out.lon as Float64Array) ?? nanCol(),
    elevation: out.elevation as Float32Array | null,
    heartRate: out.heartRate as Float32Array | null,
    cadence: out.cadence as Float32Array | null,
    power: out.power as Float32Array | null,
    temperature: out.temperature as Float32Array | null,
    distance: out.distance as Float64Array | null,
    speed: out.speed as Float32Array | null,
  };
}

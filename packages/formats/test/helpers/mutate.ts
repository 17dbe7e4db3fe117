import type { ImportResult } from '../../src/index.js';

/** xorshift32: deterministic, so every failing case is reproducible from its seed. */
export function rng(seed: number): () => number {
  // Scramble the seed (neighbouring seeds would otherwise start with near-identical numbers).
  let x = Math.imul((seed >>> 0) ^ 0x5bd1e995, 0x9e3779b1) >>> 0 || 0x9e3779b9;
  x = (x ^ (x >>> 15)) >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  for (let i = 0; i < 8; i++) next();
  return next;
}

const HUGE = [
  '1e308',
  '-1e308',
  '99999999999999999999',
  'NaN',
  '-0',
  '1.7976931348623157e309',
  '4294967296',
  '',
  '-',
];

export type Mutation = 'bitflip' | 'truncate' | 'splice' | 'huge' | 'duplicate' | 'zero' | 'delete';
const MUTATIONS: Mutation[] = [
  'bitflip',
  'truncate',
  'splice',
  'huge',
  'duplicate',
  'zero',
  'delete',
];

/** One random mutation of `input` (another seed file is the splice donor). */
export function mutate(
  input: Uint8Array,
  donor: Uint8Array,
  random: () => number,
): { bytes: Uint8Array; kind: Mutation } {
  const kind = MUTATIONS[Math.floor(random() * MUTATIONS.length)]!;
  const n = input.length;
  const at = Math.floor(random() * n);
  switch (kind) {
    case 'bitflip': {
      const out = input.slice();
      const flips = 1 + Math.floor(random() * 8);
      for (let k = 0; k < flips; k++) {
        const i = Math.floor(random() * n);
        out[i]! ^= 1 << Math.floor(random() * 8);
      }
      return { bytes: out, kind };
    }
    case 'truncate':
      return { bytes: input.slice(0, at), kind };
    case 'splice': {
      const from = Math.floor(random() * donor.length);
      const len = Math.floor(random() * Math.min(4096, donor.length - from));
      const out = new Uint8Array(n + len);
      out.set(input.subarray(0, at), 0);
      out.set(donor.subarray(from, from + len), at);
      out.set(input.subarray(at), at + len);
      return { bytes: out, kind };
    }
    case 'huge': {
      // Text: replace a run of digits with an absurd number. Binary: write 0xFF/0x7F runs.
      const text = new TextDecoder('latin1').decode(input);
      const digits = /[-\d.]+/g;
      digits.lastIndex = at;
      const m = digits.exec(text);
      if (m && text.startsWith('<', text.search(/\S/))) {
        const huge = HUGE[Math.floor(random() * HUGE.length)]!;
        const replaced = text.slice(0, m.index) + huge + text.slice(m.index + m[0].length);
        return { bytes: Uint8Array.from(replaced, (c) => c.charCodeAt(0) & 0xff), kind };
      }
      const out = input.slice();
      const len = 1 + Math.floor(random() * 8);
      out.fill(random() < 0.5 ? 0xff : 0x7f, at, at + len);
      return { bytes: out, kind };
    }
    case 'duplicate': {
      const len = Math.floor(random() * Math.min(2048, n - at));
      const out = new Uint8Array(n + len);
      out.set(input.subarray(0, at + len), 0);
      out.set(input.subarray(at), at + len);
      return { bytes: out, kind };
    }
    case 'zero': {
      const out = input.slice();
      out.fill(0, at, at + 1 + Math.floor(random() * 64));
      return { bytes: out, kind };
    }
    case 'delete': {
      const end = Math.min(n, at + 1 + Math.floor(random() * 256));
      const out = new Uint8Array(n - (end - at));
      out.set(input.subarray(0, at), 0);
      out.set(input.subarray(end), at);
      return { bytes: out, kind };
    }
  }
}

/** Structural invariants any successful import must hold; returns a description of a breach. */
export function checkResult(r: ImportResult): string | undefined {
  const tracks = [...r.activities.map((a) => a.track), ...r.courses.map((c) => c.track)];
  if (tracks.length === 0) return 'a result with nothing in it';
  for (const t of tracks) {
    for (const key of [
      'time',
      'lat',
      'lon',
      'elevation',
      'heartRate',
      'cadence',
      'power',
      'temperature',
      'distance',
      'speed',
    ] as const) {
      const column = t[key];
      if (column && column.length !== t.length)
        return `column ${key} has ${column.length} samples, track ${t.length}`;
      if (column) {
        for (let i = 0; i < column.length; i++) {
          const v = column[i]!;
          if (v === Number.POSITIVE_INFINITY || v === Number.NEGATIVE_INFINITY) {
            return `column ${key}[${i}] is ${v}`;
          }
        }
      }
    }
  }
  for (const a of r.activities) {
    for (const lap of a.laps) {
      if (
        !(lap.startIndex >= 0 && lap.startIndex <= lap.endIndex && lap.endIndex <= a.track.length)
      ) {
        return `lap indices ${lap.startIndex}..${lap.endIndex} outside 0..${a.track.length}`;
      }
    }
    for (const p of a.pauses)
      if (!(p.start <= p.end)) return `pause ${p.start}..${p.end} ends before it starts`;
  }
  return undefined;
}

import { Profile } from '@garmin/fitsdk';
import { isFitHeader } from '../detect.js';
import type { Budget } from '../limits.js';
import type { FitMesg, FitMessages } from './fit-messages.js';
import { readU32 } from './frame.js';
import { mergeHeartRates } from './hr-merge.js';

/**
 * Stride's own FIT decoder, the fallback for files the SDK cannot read (e.g. it throws on the
 * first record of some Garmin multisport files while handling accumulated fields). It reads only
 * the messages the importer uses and gives them the SDK's shape: camelCase names and scaled
 * values from the SDK's profile, enums and date-times as raw numbers, components expanded (with
 * accumulation). It handles both endiannesses, compressed timestamp headers and chained files,
 * skips developer fields and unknown messages, and drops invalid values as the SDK does.
 */
export interface OwnDecode {
  messages: FitMessages;
  /** Why decoding stopped before the end, with the byte offset; undefined when it read all. */
  error?: { message: string; offset: number };
}

/** `hr` messages (stored heart rate of swim/tri straps) are merged into records at the end. */
type MessageKey = keyof FitMessages | 'hr';

const WANTED: Record<number, MessageKey> = {
  0: 'fileId',
  12: 'sports',
  18: 'sessions',
  19: 'laps',
  20: 'records',
  21: 'events',
  23: 'deviceInfos',
  101: 'lengths',
  132: 'hr',
  162: 'timestampCorrelations',
};
const RECORD = 20;
const TIMESTAMP_FIELD = 253;

interface ProfileField {
  num: number;
  name: string;
  type: string;
  array: boolean;
  scale: number | number[];
  offset: number | number[];
  bits: number[];
  components: string[];
  isAccumulated: boolean;
  hasComponents: boolean;
}
type ProfileMessage = { num: number; fields: Record<string, ProfileField> };
const PROFILE = Profile.messages as unknown as Record<number, ProfileMessage>;

/** FIT base types by number: size in bytes and the value that means "no value". */
const BASE: { size: number; invalid: number }[] = [
  { size: 1, invalid: 0xff }, // enum
  { size: 1, invalid: 0x7f }, // sint8
  { size: 1, invalid: 0xff }, // uint8
  { size: 2, invalid: 0x7fff }, // sint16
  { size: 2, invalid: 0xffff }, // uint16
  { size: 4, invalid: 0x7fffffff }, // sint32
  { size: 4, invalid: 0xffffffff }, // uint32
  { size: 1, invalid: 0 }, // string
  { size: 4, invalid: Number.NaN }, // float32: NaN never equals, as in the SDK
  { size: 8, invalid: Number.NaN }, // float64
  { size: 1, invalid: 0 }, // uint8z
  { size: 2, invalid: 0 }, // uint16z
  { size: 4, invalid: 0 }, // uint32z
  { size: 1, invalid: 0xff }, // byte
  { size: 8, invalid: 2 ** 63 - 1 }, // sint64
  { size: 8, invalid: 2 ** 64 - 1 }, // uint64
  { size: 8, invalid: 0 }, // uint64z
];
const BYTE = 13;
const STRING = 7;
const TYPE_BASE: Record<string, number> = {
  enum: 0,
  sint8: 1,
  uint8: 2,
  sint16: 3,
  uint16: 4,
  sint32: 5,
  uint32: 6,
  string: 7,
  float32: 8,
  float64: 9,
  uint8z: 10,
  uint16z: 11,
  uint32z: 12,
  byte: 13,
  sint64: 14,
  uint64: 15,
  uint64z: 16,
};
const NUMERIC = new Set(Object.keys(TYPE_BASE).filter((t) => t !== 'enum' && t !== 'string'));

interface FieldDef {
  num: number;
  size: number;
  base: number;
  /** Profile field, or undefined for a field the profile does not know (skipped). */
  field: ProfileField | undefined;
}

interface Definition {
  global: number;
  little: boolean;
  fields: FieldDef[];
  devSize: number;
  /** Byte length of the message content (fields plus developer fields). */
  size: number;
  key: MessageKey | undefined;
  profile: ProfileMessage | undefined;
}

const utf8 = new TextDecoder('utf-8');

export function decodeFitOwn(bytes: Uint8Array, budget: Budget, alreadyCounted = 0): OwnDecode {
  const messages = emptyMessages();
  const hr: FitMesg[] = [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const acc = new Accumulator();
  let records = 0;
  let count = 0;
  let lastTs = Number.NaN;
  let pos = 0;
  const len = bytes.length;
  const stop = (message: string, offset: number): OwnDecode =>
    done({ messages, error: { message, offset } });

  const done = (result: OwnDecode): OwnDecode => {
    mergeHeartRates(hr, messages.records);
    return result;
  };
  while (pos < len && isFitHeader(bytes, pos)) {
    const headerSize = bytes[pos]!;
    const dataSize = readU32(bytes, pos + 4, true);
    const end = dataSize > 0 ? Math.min(pos + headerSize + dataSize, len) : len;
    const defs: (Definition | undefined)[] = new Array(16);
    let p = pos + headerSize;
    while (p < end) {
      const h = bytes[p]!;
      if ((h & 0x80) === 0 && (h & 0x40) !== 0) {
        if (p + 6 > end) return stop(`a definition is cut off at byte ${p}`, p);
        const little = bytes[p + 2] === 0;
        const global = little ? view.getUint16(p + 3, true) : view.getUint16(p + 3, false);
        const n = bytes[p + 5]!;
        let q = p + 6;
        if (q + 3 * n > end) return stop(`a definition is cut off at byte ${p}`, p);
        const profile = WANTED[global] !== undefined ? PROFILE[global] : undefined;
        const fields: FieldDef[] = [];
        let size = 0;
        for (let f = 0; f < n; f++, q += 3) {
          const base = bytes[q + 2]! & 0x1f;
          if (base >= BASE.length) {
            return stop(`a definition at byte ${p} uses an unknown base type (${base})`, p);
          }
          fields.push({
            num: bytes[q]!,
            size: bytes[q + 1]!,
            base,
            field: profile?.fields[bytes[q]!],
          });
          size += bytes[q + 1]!;
        }
        let devSize = 0;
        if (h & 0x20) {
          if (q + 1 > end) return stop(`a definition is cut off at byte ${p}`, p);
          const nd = bytes[q]!;
          q++;
          if (q + 3 * nd > end) return stop(`a definition is cut off at byte ${p}`, p);
          for (let f = 0; f < nd; f++, q += 3) devSize += bytes[q + 1]!;
        }
        defs[h & 0x0f] = {
          global,
          little,
          fields,
          devSize,
          size: size + devSize,
          key: profile ? WANTED[global] : undefined,
          profile,
        };
        p = q;
        continue;
      }
      const compressed = (h & 0x80) !== 0;
      const local = compressed ? (h >> 5) & 3 : h & 0x0f;
      const def = defs[local];
      if (!def) {
        return stop(`local message type ${local} is used at byte ${p} before it is defined`, p);
      }
      if (p + 1 + def.size > end) return stop(`a message is cut off at byte ${p}`, p);
      let ts: number | undefined;
      if (compressed && !Number.isNaN(lastTs)) {
        // A 5-bit offset from the last full timestamp, rolling over every 32 seconds.
        const offset = h & 0x1f;
        ts = lastTs - (lastTs % 32) + offset + (offset < lastTs % 32 ? 32 : 0);
        lastTs = ts;
      }
      if (def.key && def.profile) {
        const m = decodeMessage(bytes, view, p + 1, def, acc);
        if (ts !== undefined && m.timestamp === undefined) m.timestamp = ts;
        (def.key === 'hr' ? hr : messages[def.key]).push(m);
        if (typeof m.timestamp === 'number') lastTs = m.timestamp;
        if (def.global === RECORD && ++records > alreadyCounted) budget.addPoints(1);
      } else if (!compressed) {
        const at = timestampOffset(def);
        if (at >= 0) {
          const v = readU32(bytes, p + 1 + at, def.little);
          if (v !== 0xffffffff) lastTs = v;
        }
      }
      if ((++count & 1023) === 0) budget.tick();
      p += 1 + def.size;
    }
    if (end >= len || dataSize === 0) break;
    pos = end + 2;
  }
  return done({ messages });
}

function emptyMessages(): FitMessages {
  return {
    fileId: [],
    records: [],
    sessions: [],
    laps: [],
    events: [],
    deviceInfos: [],
    sports: [],
    timestampCorrelations: [],
    lengths: [],
  };
}

/** Where a 4-byte timestamp sits in a message the decoder does not keep (it still sets the time base). */
function timestampOffset(def: Definition): number {
  let at = 0;
  for (const f of def.fields) {
    if (f.num === TIMESTAMP_FIELD && f.size === 4) return at;
    at += f.size;
  }
  return -1;
}

function decodeMessage(
  bytes: Uint8Array,
  view: DataView,
  start: number,
  def: Definition,
  acc: Accumulator,
): FitMesg {
  const m: FitMesg = {};
  const expand: [ProfileField, number | (number | null)[]][] = [];
  let at = start;
  for (const fd of def.fields) {
    const field = fd.field;
    if (field) {
      const raw = readRaw(bytes, view, at, fd, field, def.little);
      if (raw !== undefined) {
        m[field.name] = transform(field, raw);
        if (field.hasComponents && typeof raw !== 'string') expand.push([field, raw]);
        if (field.isAccumulated && typeof raw !== 'string') {
          const last = Array.isArray(raw) ? raw[raw.length - 1] : raw;
          if (typeof last === 'number') acc.reset(def.global, field, def.profile!, last);
        }
      }
    }
    at += fd.size;
  }
  for (const [field, raw] of expand) expandComponents(m, field, raw, def, acc);
  return m;
}

type Raw = number | string | (number | null)[];

/** The field's raw value(s), or undefined when missing, invalid or mis-sized (as the SDK does). */
function readRaw(
  bytes: Uint8Array,
  view: DataView,
  at: number,
  fd: FieldDef,
  field: ProfileField,
  little: boolean,
): Raw | undefined {
  const base = BASE[fd.base]!;
  if (fd.size % base.size !== 0 || fd.size === 0) return undefined;
  if (fd.base === STRING) {
    const text = utf8.decode(bytes.subarray(at, at + fd.size)).replace(/\uFFFD/g, '');
    const parts = text.split('\0');
    while (parts.length && parts[parts.length - 1] === '') parts.pop();
    return parts.length ? parts[0] : undefined;
  }
  const count = fd.size / base.size;
  if (count === 1) {
    const v = readScalar(view, at, fd.base, little);
    return v === base.invalid ? undefined : field.array ? [v] : v;
  }
  const values: (number | null)[] = [];
  let valid = false;
  for (let i = 0; i < count; i++) {
    const v = readScalar(view, at + i * base.size, fd.base, little);
    if (v !== base.invalid) valid = true;
    values.push(v === base.invalid && fd.base !== BYTE ? null : v);
  }
  if (!valid) return undefined;
  if (field.array) return values;
  return values[0] ?? undefined;
}

function readScalar(view: DataView, at: number, base: number, little: boolean): number {
  switch (base) {
    case 1:
      return view.getInt8(at);
    case 3:
      return view.getInt16(at, little);
    case 4:
    case 11:
      return view.getUint16(at, little);
    case 5:
      return view.getInt32(at, little);
    case 6:
    case 12:
      return view.getUint32(at, little);
    case 8:
      return view.getFloat32(at, little);
    case 9:
      return view.getFloat64(at, little);
    case 14:
      return Number(view.getBigInt64(at, little));
    case 15:
    case 16:
      return Number(view.getBigUint64(at, little));
    default:
      return view.getUint8(at);
  }
}

function first(v: number | number[]): number {
  return Array.isArray(v) ? v[0]! : v;
}

/** Scale and offset for numeric types; enums, date-times and strings stay raw (SDK options we use). */
function transform(field: ProfileField, raw: Raw): unknown {
  if (typeof raw === 'string' || !NUMERIC.has(field.type)) return raw;
  // A field scaled per component has no single scale of its own: the SDK leaves it raw.
  if (Array.isArray(field.scale) && field.scale.length > 1) return raw;
  const scale = first(field.scale);
  const offset = first(field.offset);
  if (scale === 1 && offset === 0) return raw;
  return Array.isArray(raw)
    ? raw.map((v) => (v === null ? v : v / scale - offset))
    : raw / scale - offset;
}

/**
 * Splits a field into its components (e.g. compressed speed/distance, altitude → enhanced
 * altitude, the 12-bit HR event times), accumulating where the profile says so. A component that
 * has components of its own is split in turn (speed → enhanced speed).
 */
function expandComponents(
  m: FitMesg,
  field: ProfileField,
  raw: number | (number | null)[],
  def: Definition,
  acc: Accumulator,
): void {
  const values = Array.isArray(raw) ? raw : [raw];
  const width = 8 * BASE[TYPE_BASE[field.type] ?? 2]!.size;
  let available = width * values.length;
  let bit = 0;
  const read = (n: number): number => {
    let out = 0;
    for (let i = 0; i < n; i++, bit++) {
      const v = values[Math.floor(bit / width)] ?? 0;
      if (Math.floor(v / 2 ** (bit % width)) % 2) out += 2 ** i;
    }
    available -= n;
    return out;
  };
  const scales = Array.isArray(field.scale) ? field.scale : [field.scale];
  const offsets = Array.isArray(field.offset) ? field.offset : [field.offset];
  const out = new Map<ProfileField, { values: (number | null)[]; raws: number[] }>();
  for (let j = 0; j < field.components.length; j++) {
    const bits = field.bits[j]!;
    if (available < bits) break;
    const target = def.profile!.fields[field.components[j]!];
    let v = read(bits);
    if (target) {
      if (target.isAccumulated) v = acc.add(def.global, target.num, v, bits);
      const value = v / (scales[j] ?? 1) - (offsets[j] ?? 0);
      const targetRaw = Math.round((value + first(target.offset)) * first(target.scale));
      const invalid = BASE[TYPE_BASE[target.type] ?? 2]!.invalid;
      let entry = out.get(target);
      if (!entry) {
        entry = { values: [], raws: [] };
        out.set(target, entry);
      }
      entry.values.push(targetRaw === invalid ? null : value);
      entry.raws.push(targetRaw);
    }
    if (available <= 0) break;
  }
  for (const [target, { values: got, raws }] of out) {
    // The SDK gives an expanded field precedence over the same field read directly.
    const valid = got.some((v) => v !== null);
    m[target.name] = valid ? (target.array ? got : got[0]) : null;
    if (valid && target.hasComponents) {
      expandComponents(m, target, target.array ? raws : raws[0]!, def, acc);
    }
  }
}

/** Per accumulated field: the scale/offset of the component that feeds it (null: none does). */
const FEEDS = new Map<number, { scale: number; offset: number } | null>();

class Accumulator {
  private readonly fields = new Map<number, { total: number; last: number }>();

  add(mesg: number, field: number, value: number, bits: number): number {
    const key = mesg * 65536 + field;
    let entry = this.fields.get(key);
    if (!entry) {
      entry = { total: value, last: value };
      this.fields.set(key, entry);
    }
    const range = 2 ** bits;
    entry.total += (((value - entry.last) % range) + range) % range;
    entry.last = value;
    return entry.total;
  }

  /** A full value read directly restarts the count, in the units of the component feeding it. */
  reset(mesg: number, field: ProfileField, profile: ProfileMessage, raw: number): void {
    const key = mesg * 65536 + field.num;
    let feed = FEEDS.get(key);
    if (feed === undefined) {
      feed = null;
      for (const source of Object.values(profile.fields)) {
        const j = source.components.indexOf(String(field.num));
        if (j < 0) continue;
        const scales = Array.isArray(source.scale) ? source.scale : [source.scale];
        const offsets = Array.isArray(source.offset) ? source.offset : [source.offset];
        feed = { scale: scales[j] ?? 1, offset: offsets[j] ?? 0 };
        break;
      }
      FEEDS.set(key, feed);
    }
    if (!feed) return;
    const value = raw / first(field.scale) - first(field.offset);
    const units = Math.round((value + feed.offset) * feed.scale);
    this.fields.set(key, { total: units, last: units });
  }
}

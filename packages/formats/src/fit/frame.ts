import { isFitHeader } from '../detect.js';
import { FormatError, Warnings } from '../errors.js';
import { ByteWriter, NULL_WRITER, type Sink } from './byte-writer.js';
import { fitCrc } from './crc.js';

/**
 * A FIT *framer*, not a decoder: it walks record headers and definitions (sizes only; field
 * values are left to the SDK) to find where each chained file and each message ends. With that
 * it can hand the SDK bytes it is able to read:
 * - messages with compressed timestamp headers (which the SDK does not support) are rewritten
 *   as ordinary data messages with an explicit timestamp field;
 * - a file cut off mid-message, a wrong CRC, an undefined local message or a damaged chained
 *   header ends that file at the last complete message, with a fresh header and CRC;
 * everything recovered is reported as a warning with its byte offset.
 * When nothing needed fixing, the input is returned as is.
 */
export interface FramedFit {
  bytes: Uint8Array;
  files: number;
  rewritten: boolean;
}

interface Definition {
  raw: Uint8Array;
  local: number;
  size: number;
  fieldsSize: number;
  tsOffset: number;
  little: boolean;
  augmented?: Uint8Array;
}

const FIT_TIMESTAMP_FIELD = 253;

export function frameFit(input: Uint8Array, warnings: Warnings, strictCrc: boolean): FramedFit {
  // Most files are whole: a first pass only checks (no copy); a second pass rewrites when needed.
  const check = framePass(input, null, new Warnings(), strictCrc);
  if (!check.rewritten) return check;
  return framePass(input, new ByteWriter(input.length + 1024), warnings, strictCrc);
}

function framePass(
  input: Uint8Array,
  out: ByteWriter | null,
  warnings: Warnings,
  strictCrc: boolean,
): FramedFit {
  const len = input.length;
  const sink = out ?? NULL_WRITER;
  let rewritten = false;
  let files = 0;
  let pos = 0;
  while (pos < len) {
    if (!isFitHeader(input, pos)) {
      if (files === 0) {
        throw new FormatError('FIT_HEADER_INVALID', 'The file does not start with a FIT header', {
          offset: 0,
        });
      }
      if (!allZero(input, pos)) {
        warnings.add(
          'FIT_HEADER_INVALID',
          `${len - pos} bytes after FIT file ${files} do not start with a FIT header and were ignored`,
          { offset: pos },
        );
      }
      rewritten = true;
      break;
    }
    const headerSize = input[pos]!;
    let dataSize = readU32(input, pos + 4, true);
    if (dataSize === 0 && len > pos + headerSize + 2) {
      // Some writers leave the size at 0 while recording and never fix it: read to the end.
      dataSize = len - pos - headerSize - 2;
      warnings.add(
        'FIT_HEADER_INVALID',
        'The FIT header declares no data (file never finalised); it was read to its end',
        { offset: pos + 4 },
      );
      rewritten = true;
    }
    const dataStart = pos + headerSize;
    const declaredEnd = dataStart + dataSize;
    const available = Math.min(declaredEnd, len);
    const fileStart = sink.length;
    sink.reserveHeader(input, pos);
    const walk = walkRecords(input, dataStart, available, sink);
    if (walk.compressed) rewritten = true;
    const complete = walk.problem === undefined && declaredEnd + 2 <= len;
    if (walk.problem) {
      warnings.add(walk.problem.code, walk.problem.message, { offset: walk.problem.offset });
      rewritten = true;
    } else if (!complete) {
      warnings.add(
        'FIT_TRUNCATED',
        `The FIT file is cut off: its header declares ${dataSize} bytes of data but the file ends at byte ${len}; everything before was read`,
        { offset: len },
      );
      rewritten = true;
    } else {
      const stored = input[declaredEnd]! | (input[declaredEnd + 1]! << 8);
      const computed = fitCrc(input, pos, declaredEnd);
      if (stored !== computed) {
        const message = `The FIT file's checksum does not match its content (stored ${stored}, computed ${computed})`;
        if (strictCrc) throw new FormatError('FIT_CRC_MISMATCH', message, { offset: declaredEnd });
        warnings.add(
          'FIT_CRC_MISMATCH',
          `${message}: recovered, its messages were read anyway and may be damaged`,
          {
            offset: declaredEnd,
          },
        );
        rewritten = true;
      }
    }
    sink.finishFile(fileStart);
    files++;
    if (!complete) break;
    pos = declaredEnd + 2;
  }
  return rewritten && out
    ? { bytes: out.bytes(), files, rewritten }
    : { bytes: input, files, rewritten };
}

interface Walk {
  compressed: boolean;
  problem?: { code: 'FIT_TRUNCATED' | 'FIT_DECODE_FAILED'; message: string; offset: number };
}

function walkRecords(input: Uint8Array, start: number, end: number, out: Sink): Walk {
  const defs: (Definition | undefined)[] = new Array(16);
  const emitted: ('orig' | 'aug')[] = new Array(16).fill('orig');
  let lastTs = Number.NaN;
  let compressed = false;
  let p = start;
  const cut = (what: string) => ({
    compressed,
    problem: {
      code: 'FIT_TRUNCATED' as const,
      message: `The FIT data ends in the middle of ${what} at byte ${p}; everything before was read`,
      offset: p,
    },
  });
  while (p < end) {
    const h = input[p]!;
    if (h & 0x80) {
      const local = (h >> 5) & 3;
      const def = defs[local];
      if (!def) return undefinedLocal(compressed, local, p);
      if (p + 1 + def.size > end) return cut('a message');
      compressed = true;
      const offset = h & 0x1f;
      if (!Number.isNaN(lastTs)) {
        let ts = lastTs - (lastTs % 32) + offset;
        if (offset < lastTs % 32) ts += 32;
        lastTs = ts;
      }
      emitCompressed(input, p, def, lastTs, emitted, out);
      p += 1 + def.size;
      continue;
    }
    if (h & 0x40) {
      if (p + 6 > end) return cut('a definition');
      const numFields = input[p + 5]!;
      let size = 6 + 3 * numFields;
      const hasDev = (h & 0x20) !== 0;
      if (hasDev) {
        if (p + size + 1 > end) return cut('a definition');
        size += 1 + 3 * input[p + size]!;
      }
      if (p + size > end) return cut('a definition');
      const little = input[p + 2] === 0;
      let fieldsSize = 0;
      let tsOffset = -1;
      for (let f = 0; f < numFields; f++) {
        const at = p + 6 + 3 * f;
        const baseType = input[at + 2]! & 0x1f;
        if (baseType > 0x10) {
          return {
            compressed,
            problem: {
              code: 'FIT_DECODE_FAILED',
              message: `A FIT definition at byte ${p} uses an unknown base type (${baseType}); the data after it was not read`,
              offset: p,
            },
          };
        }
        if (input[at] === FIT_TIMESTAMP_FIELD && input[at + 1] === 4) tsOffset = fieldsSize;
        fieldsSize += input[at + 1]!;
      }
      let devSize = 0;
      if (hasDev) {
        const n = input[p + 6 + 3 * numFields]!;
        for (let f = 0; f < n; f++) devSize += input[p + 7 + 3 * numFields + 3 * f + 1]!;
      }
      const local = h & 0x0f;
      defs[local] = {
        raw: input.subarray(p, p + size),
        local,
        size: fieldsSize + devSize,
        fieldsSize,
        tsOffset,
        little,
      };
      emitted[local] = 'orig';
      out.write(input, p, p + size);
      p += size;
      continue;
    }
    const local = h & 0x0f;
    const def = defs[local];
    if (!def) return undefinedLocal(compressed, local, p);
    if (p + 1 + def.size > end) return cut('a message');
    if (def.tsOffset >= 0) {
      const ts = readU32(input, p + 1 + def.tsOffset, def.little);
      if (ts !== 0xffffffff) lastTs = ts;
    }
    if (emitted[local] === 'aug') {
      out.write(def.raw, 0, def.raw.length);
      emitted[local] = 'orig';
    }
    out.write(input, p, p + 1 + def.size);
    p += 1 + def.size;
  }
  return { compressed };
}

function undefinedLocal(compressed: boolean, local: number, p: number): Walk {
  return {
    compressed,
    problem: {
      code: 'FIT_DECODE_FAILED',
      message: `The FIT data uses local message type ${local} at byte ${p} before defining it (damaged or cut-off file); everything before was read`,
      offset: p,
    },
  };
}

/** Writes a compressed-timestamp message as a normal one carrying field 253 (timestamp). */
function emitCompressed(
  input: Uint8Array,
  p: number,
  def: Definition,
  ts: number,
  emitted: ('orig' | 'aug')[],
  out: Sink,
): void {
  const dataStart = p + 1;
  if (Number.isNaN(ts)) {
    // No full timestamp seen yet: keep the message without one.
    if (emitted[def.local] === 'aug') {
      out.write(def.raw, 0, def.raw.length);
      emitted[def.local] = 'orig';
    }
    out.byte(def.local);
    out.write(input, dataStart, dataStart + def.size);
    return;
  }
  if (def.tsOffset >= 0) {
    if (emitted[def.local] === 'aug') {
      out.write(def.raw, 0, def.raw.length);
      emitted[def.local] = 'orig';
    }
    out.byte(def.local);
    const at = out.length;
    out.write(input, dataStart, dataStart + def.size);
    out.setU32(at + def.tsOffset, ts, def.little);
    return;
  }
  if (emitted[def.local] !== 'aug') {
    def.augmented ??= augment(def);
    out.write(def.augmented, 0, def.augmented.length);
    emitted[def.local] = 'aug';
  }
  out.byte(def.local);
  out.write(input, dataStart, dataStart + def.fieldsSize);
  const at = out.length;
  out.write(new Uint8Array(4), 0, 4);
  out.setU32(at, ts, def.little);
  out.write(input, dataStart + def.fieldsSize, dataStart + def.size);
}

function augment(def: Definition): Uint8Array {
  const raw = def.raw;
  const numFields = raw[5]!;
  const fieldsEnd = 6 + 3 * numFields;
  const next = new Uint8Array(raw.length + 3);
  next.set(raw.subarray(0, fieldsEnd), 0);
  next[5] = numFields + 1;
  next[fieldsEnd] = FIT_TIMESTAMP_FIELD;
  next[fieldsEnd + 1] = 4;
  next[fieldsEnd + 2] = 0x86; // uint32
  next.set(raw.subarray(fieldsEnd), fieldsEnd + 3);
  return next;
}

export function readU32(b: Uint8Array, at: number, little: boolean): number {
  return little
    ? (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0
    : ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0;
}

function allZero(b: Uint8Array, from: number): boolean {
  for (let i = from; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}

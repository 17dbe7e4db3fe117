import { inflateSync } from 'fflate';
import { FormatError } from './errors.js';
import type { ImportLimits } from './limits.js';

/** One file of a ZIP archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  compressedSize: number;
  /** Declared decompressed size: inflation never writes past it. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export type ArchiveLimits = Pick<
  ImportLimits,
  'maxArchiveEntries' | 'maxArchiveBytes' | 'maxDecompressedBytes' | 'maxCompressionRatio'
>;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 65_535;

/** "PK\x03\x04": the first local file header of a ZIP archive. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

/**
 * Lists the entries of a ZIP archive from its central directory, refusing what this reader does
 * not handle (ZIP64, split archives, encryption) and archives past the entry-count limit before
 * anything is decompressed. Folders are left out.
 */
export function listZipEntries(bytes: Uint8Array, limits: ArchiveLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd >= 20 && u32(eocd - 20) === EOCD64_LOCATOR) throw zip64();
  const count = u16(eocd + 10);
  const dirSize = u32(eocd + 12);
  const dirOffset = u32(eocd + 16);
  if (u16(eocd + 4) !== 0 || u16(eocd + 6) !== 0 || u16(eocd + 8) !== count) {
    throw new FormatError('ZIP_UNSUPPORTED', 'Split (multi-part) ZIP archives are not supported');
  }
  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) throw zip64();
  if (count > limits.maxArchiveEntries) {
    throw new FormatError(
      'LIMIT_TOO_MANY_ENTRIES',
      `The archive holds ${count} entries; the most one upload accepts is ${limits.maxArchiveEntries}`,
    );
  }
  if (dirOffset + dirSize > eocd) throw damaged('its file list points outside the archive');

  const entries: ZipEntry[] = [];
  let at = dirOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || u32(at) !== CENTRAL) throw damaged('its file list is cut off');
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const next = at + 46 + nameLength + u16(at + 30) + u16(at + 32);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), flags);
    if (flags & 0x41) {
      throw new FormatError(
        'ZIP_UNSUPPORTED',
        `The archive is encrypted (${name}); export it again without a password`,
      );
    }
    const compressedSize = u32(at + 20);
    const size = u32(at + 24);
    const offset = u32(at + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || offset === 0xffffffff) {
      throw zip64();
    }
    if (!name.endsWith('/')) {
      entries.push({ name, method: u16(at + 10), compressedSize, size, offset });
    }
    at = next;
  }
  return entries;
}

/**
 * Reads the chosen entries one at a time (only these are decompressed), checking each against
 * the per-file size and ratio limits and their sum against the archive limit from the declared
 * sizes before inflating: inflation writes into a buffer of the declared size, so an entry that
 * lies about its size is cut there, never grown, and a zip bomb costs nothing.
 */
export function* readZipEntries(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  limits: ArchiveLimits,
): Generator<{ entry: ZipEntry; bytes: Uint8Array }> {
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    checkEntry(entry, total, limits);
  }
  for (const entry of entries) yield { entry, bytes: readEntry(bytes, entry) };
}

function checkEntry(entry: ZipEntry, total: number, limits: ArchiveLimits): void {
  if (entry.size > limits.maxDecompressedBytes) {
    throw new FormatError(
      'LIMIT_DECOMPRESSED_TOO_LARGE',
      `${entry.name} is larger than ${limits.maxDecompressedBytes} bytes once decompressed`,
    );
  }
  // The same 1 MiB allowance as for gzip: small text files compress far better than 100:1.
  if (entry.size > 1_048_576 && entry.size > entry.compressedSize * limits.maxCompressionRatio) {
    throw new FormatError(
      'LIMIT_COMPRESSION_RATIO',
      `${entry.name} expands more than ${limits.maxCompressionRatio} times when decompressed (a "zip bomb" guard)`,
    );
  }
  if (total > limits.maxArchiveBytes) {
    throw new FormatError(
      'LIMIT_DECOMPRESSED_TOO_LARGE',
      `The archive's activity files add up to more than ${limits.maxArchiveBytes} bytes once decompressed`,
    );
  }
}

function readEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.offset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) {
    throw damaged(`the entry ${entry.name} is missing`);
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw damaged(`the entry ${entry.name} is cut off`);
  const raw = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw damaged(`the entry ${entry.name} is damaged`);
    return raw.slice();
  }
  if (entry.method !== 8) {
    throw new FormatError(
      'ZIP_UNSUPPORTED',
      `${entry.name} is compressed with method ${entry.method}; only stored and deflated files are supported`,
    );
  }
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { out: new Uint8Array(entry.size) });
  } catch (error) {
    throw damaged(`the entry ${entry.name} is damaged: ${(error as Error).message}`);
  }
  if (out.length !== entry.size) throw damaged(`the entry ${entry.name} is shorter than declared`);
  return out;
}

/** The end-of-central-directory record: the last 22 bytes, or before a trailing comment. */
function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const last = bytes.length - 22;
  for (let at = last; at >= 0 && at >= last - MAX_COMMENT; at--) {
    if (view.getUint32(at, true) === EOCD) return at;
  }
  throw damaged('its end record is missing (cut off during download?)');
}

function decodeName(raw: Uint8Array, flags: number): string {
  // Bit 11: UTF-8 names. Without it the name is in the DOS code page; activity names are ASCII.
  if (flags & 0x800) return new TextDecoder().decode(raw);
  let name = '';
  for (const b of raw) name += String.fromCharCode(b);
  return name;
}

const zip64 = () =>
  new FormatError(
    'ZIP_UNSUPPORTED',
    'The archive uses ZIP64 (over 4 GiB or 65,535 files), which is not supported; split it into smaller archives',
  );

const damaged = (why: string) =>
  new FormatError('ZIP_INVALID', `The ZIP archive is damaged: ${why}`);

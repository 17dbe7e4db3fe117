import type { FileFormat } from './types.js';
import { isZip } from './zip.js';

export type SniffedFormat = FileFormat | 'gzip' | 'zip' | 'unknown';

/**
 * Tells the format from the bytes alone (never the file name): gzip or ZIP magic, the FIT
 * header's ".FIT" signature, or the root element of an XML document (after BOM, declaration, comments).
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  if (isZip(bytes)) return 'zip';
  if (isFitHeader(bytes, 0)) return 'fit';
  const root = xmlRootName(bytes);
  if (root === 'gpx') return 'gpx';
  if (root === 'TrainingCenterDatabase') return 'tcx';
  return 'unknown';
}

export function isFitHeader(bytes: Uint8Array, at: number): boolean {
  const size = bytes[at];
  if (size !== 12 && size !== 14) return false;
  if (bytes.length < at + 12) return false;
  // ".FIT"
  return (
    bytes[at + 8] === 0x2e &&
    bytes[at + 9] === 0x46 &&
    bytes[at + 10] === 0x49 &&
    bytes[at + 11] === 0x54
  );
}

/** Local name of the first element, looking at most at the first 64 KiB; undefined if none. */
export function xmlRootName(bytes: Uint8Array): string | undefined {
  const head = decodeHead(bytes, 65_536);
  let i = 0;
  const n = head.length;
  while (i < n) {
    const lt = head.indexOf('<', i);
    if (lt < 0 || lt + 1 >= n) return undefined;
    const next = head[lt + 1];
    if (next === '?') {
      const end = head.indexOf('?>', lt + 2);
      if (end < 0) return undefined;
      i = end + 2;
    } else if (head.startsWith('<!--', lt)) {
      const end = head.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      i = end + 3;
    } else if (next === '!') {
      // DOCTYPE: skip its name; the XML layer refuses it later with a clear error.
      const end = head.indexOf('>', lt + 2);
      if (end < 0) return undefined;
      i = end + 1;
    } else {
      const match = /^<([A-Za-z_][\w.:-]*)/.exec(head.slice(lt, lt + 200));
      if (!match) return undefined;
      const name = match[1]!;
      const colon = name.indexOf(':');
      return colon >= 0 ? name.slice(colon + 1) : name;
    }
  }
  return undefined;
}

function decodeHead(bytes: Uint8Array, max: number): string {
  const slice = bytes.subarray(0, Math.min(bytes.length, max));
  const encoding = guessEncoding(slice);
  return new TextDecoder(encoding).decode(slice);
}

/**
 * The text encoding of an XML document: a BOM wins, then UTF-16 without BOM (`<\0`), then the
 * encoding declared in the XML declaration, then UTF-8 (the XML default).
 */
export function guessEncoding(bytes: Uint8Array): string {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (b0 === 0xff && b1 === 0xfe) return 'utf-16le';
  if (b0 === 0xfe && b1 === 0xff) return 'utf-16be';
  if (b0 === 0x3c && b1 === 0x00) return 'utf-16le';
  if (b0 === 0x00 && b1 === 0x3c) return 'utf-16be';
  // The declaration is ASCII-compatible in every 8-bit encoding.
  let head = '';
  const n = Math.min(bytes.length, 200);
  for (let i = 0; i < n; i++) head += String.fromCharCode(bytes[i]!);
  const declared = /^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  if (declared) {
    const label = declared.toLowerCase();
    try {
      new TextDecoder(label);
      // A UTF-16 declaration on bytes that start with '<' and no NUL is a lie: read as UTF-8.
      return label.startsWith('utf-16') ? 'utf-8' : label;
    } catch {
      return 'utf-8';
    }
  }
  return 'utf-8';
}

import { sniffFormat } from './detect.js';
import { FormatError } from './errors.js';
import { parseFit } from './fit/fit-parser.js';
import { parseGpx } from './gpx/gpx-parser.js';
import { gunzipLimited } from './gzip.js';
import { Budget, type ImportLimits, resolveLimits } from './limits.js';
import { parseTcx } from './tcx/tcx-parser.js';
import type { ImportResult } from './types.js';

/**
 * Reads an activity file (GPX, TCX or FIT, optionally gzip-compressed), telling the format by
 * its bytes. Returns activities, courses and waypoints with warnings for what was recovered;
 * throws a FormatError (stable `code`, human message, location) for what cannot be read.
 * Synchronous and CPU-bound: call it from a worker/background job, not a request handler.
 */
export function importActivityFile(
  bytes: Uint8Array,
  options?: Partial<ImportLimits>,
): ImportResult {
  const limits = resolveLimits(options);
  if (bytes.length > limits.maxFileBytes) {
    throw new FormatError(
      'LIMIT_FILE_TOO_LARGE',
      `The file is ${bytes.length} bytes; the limit is ${limits.maxFileBytes} bytes`,
    );
  }
  if (bytes.length === 0 || isBlank(bytes))
    throw new FormatError('FORMAT_EMPTY', 'The file is empty');
  const budget = new Budget(limits);
  let input = bytes;
  let compressed = false;
  let format = sniffFormat(input);
  if (format === 'gzip') {
    input = gunzipLimited(bytes, limits);
    compressed = true;
    if (input.length === 0 || isBlank(input)) {
      throw new FormatError('FORMAT_EMPTY', 'The compressed file is empty once decompressed');
    }
    format = sniffFormat(input);
    if (format === 'gzip') {
      throw new FormatError(
        'FORMAT_UNKNOWN',
        'The file is compressed twice; upload it compressed once',
      );
    }
  }
  let result: Omit<ImportResult, 'compressed'>;
  switch (format) {
    case 'gpx':
      result = parseGpx(input, budget);
      break;
    case 'tcx':
      result = parseTcx(input, budget);
      break;
    case 'fit':
      result = parseFit(input, budget);
      break;
    case 'zip':
      throw new FormatError(
        'FORMAT_UNKNOWN',
        'The file is a ZIP archive, not an activity file: upload the archive itself to import the activities it holds',
      );
    default:
      throw new FormatError(
        'FORMAT_UNKNOWN',
        'The file is not a GPX, TCX or FIT file (the format is told from the content, not the name)',
      );
  }
  return { ...result, compressed };
}

function isBlank(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  if (bytes.length > n) return false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09 && b !== 0) return false;
  }
  return true;
}

import { Gunzip } from 'fflate';
import { FormatError } from './errors.js';
import type { ImportLimits } from './limits.js';

const CHUNK = 64 * 1024;

/**
 * Gunzips with a running size check: input is pushed in 64 KiB chunks and inflation stops as
 * soon as the output passes the decompressed-size limit or the compression-ratio limit, so a
 * gzip bomb costs at most one chunk's expansion beyond the limit, never the whole bomb.
 */
export function gunzipLimited(
  bytes: Uint8Array,
  limits: Pick<ImportLimits, 'maxDecompressedBytes' | 'maxCompressionRatio'>,
): Uint8Array {
  if (bytes.length < 18) {
    // 10-byte header + 8-byte trailer is the smallest gzip member there is.
    throw new FormatError(
      'GZIP_INVALID',
      `The gzip data is only ${bytes.length} bytes long (damaged or cut-off file)`,
    );
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  let consumed = 0;
  let limitError: FormatError | undefined;
  let finished = false;
  const inflater = new Gunzip((chunk, final) => {
    if (final) finished = true;
    if (limitError) return;
    total += chunk.length;
    if (total > limits.maxDecompressedBytes) {
      limitError = new FormatError(
        'LIMIT_DECOMPRESSED_TOO_LARGE',
        `The file is larger than ${limits.maxDecompressedBytes} bytes once decompressed`,
      );
      return;
    }
    // Ratio against the input consumed so far, with a 1 MiB allowance for tiny inputs.
    if (total > 1_048_576 && total > consumed * limits.maxCompressionRatio) {
      limitError = new FormatError(
        'LIMIT_COMPRESSION_RATIO',
        `The file expands more than ${limits.maxCompressionRatio} times when decompressed (a "zip bomb" guard)`,
      );
      return;
    }
    chunks.push(chunk);
  });
  try {
    for (let at = 0; at < bytes.length && !limitError; at += CHUNK) {
      const end = Math.min(bytes.length, at + CHUNK);
      consumed = end;
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch (error) {
    if (error instanceof FormatError) throw error;
    if (limitError) throw limitError;
    if (total > 0) {
      // A truncated gzip still yields what it inflated; the parser reports the cut-off.
      return concat(chunks, total);
    }
    throw new FormatError('GZIP_INVALID', `The gzip data is damaged: ${(error as Error).message}`);
  }
  if (limitError) throw limitError;
  if (!finished && total === 0) {
    throw new FormatError(
      'GZIP_INVALID',
      'The gzip data ends before any content (damaged or cut-off file)',
    );
  }
  return concat(chunks, total);
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

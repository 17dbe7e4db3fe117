import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FormatError, type FormatErrorCode } from '../../src/index.js';

export const DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(DATA_DIR, name)));
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** Runs fn and returns the FormatError it throws (fails the test otherwise). */
export function refusal(fn: () => unknown): FormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw new Error(`expected a FormatError, got ${(error as Error)?.stack ?? error}`);
  }
  throw new Error('expected a FormatError, but the call succeeded');
}

export function expectCode(fn: () => unknown, code: FormatErrorCode): FormatError {
  const error = refusal(fn);
  if (error.code !== code) throw new Error(`expected ${code}, got ${error.code}: ${error.message}`);
  return error;
}

/**
 * One catalogue of stable codes for everything the importers refuse or warn about. The codes
 * know nothing of HTTP: the server maps them (e.g. LIMIT_* → 413, others → 422).
 */
export const ERROR_CODES = [
  'FORMAT_UNKNOWN',
  'FORMAT_EMPTY',
  'XML_MALFORMED',
  'XML_DTD_FORBIDDEN',
  'XML_WRONG_ROOT',
  'FIT_HEADER_INVALID',
  'FIT_CRC_MISMATCH',
  'FIT_TRUNCATED',
  'FIT_DECODE_FAILED',
  'GZIP_INVALID',
  'ZIP_INVALID',
  'ZIP_UNSUPPORTED',
  'LIMIT_FILE_TOO_LARGE',
  'LIMIT_DECOMPRESSED_TOO_LARGE',
  'LIMIT_COMPRESSION_RATIO',
  'LIMIT_TOO_MANY_POINTS',
  'LIMIT_TOO_MANY_TRACKS',
  'LIMIT_TOO_MANY_ENTRIES',
  'LIMIT_TIME_BUDGET',
  'NO_ACTIVITY',
] as const;
export type FormatErrorCode = (typeof ERROR_CODES)[number];

/** Where in the input a problem sits: 1-based line/column for XML, byte offset for binary. */
export interface SourceLocation {
  line?: number;
  column?: number;
  offset?: number;
}

/** A refusal: the file (or what is left of it) cannot give a usable activity or course. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly code: FormatErrorCode;
  readonly location: SourceLocation | undefined;

  constructor(code: FormatErrorCode, message: string, location?: SourceLocation) {
    super(location ? `${message} (${describeLocation(location)})` : message);
    this.code = code;
    this.location = location;
  }
}

export function isFormatError(error: unknown): error is FormatError {
  return error instanceof FormatError;
}

/** Warning codes: problems the importer recovered from. The result is usable but says so. */
export type WarningCode =
  | 'XML_MALFORMED'
  | 'FIT_CRC_MISMATCH'
  | 'FIT_TRUNCATED'
  | 'FIT_HEADER_INVALID'
  | 'FIT_DECODE_FAILED'
  | 'FIT_RELATIVE_TIMESTAMPS'
  | 'FIT_COMPRESSED_TIMESTAMPS'
  | 'FIT_MULTISPORT'
  | 'POINT_SKIPPED'
  | 'MISSING_TIME'
  | 'TRACK_WITHOUT_TIME'
  | 'EMPTY_TRACK'
  | 'PAUSE_MARKERS'
  | 'TIME_BACKWARDS';

export interface ImportWarning {
  code: WarningCode;
  message: string;
  location?: SourceLocation;
  /** How many times this warning occurred (repeated warnings are folded into one). */
  count?: number;
}

/** A warning as one sentence for an athlete: its message, and how often it occurred. */
export function warningText(warning: ImportWarning): string {
  const n = warning.count ?? 1;
  return n > 1 ? `${warning.message} (${n} times)` : warning.message;
}

export function describeLocation(location: SourceLocation): string {
  const parts: string[] = [];
  if (location.line !== undefined) parts.push(`line ${location.line}`);
  if (location.column !== undefined) parts.push(`column ${location.column}`);
  if (location.offset !== undefined) parts.push(`byte ${location.offset}`);
  return parts.join(', ');
}

/** Collects warnings, folding repeats of one code into a count so a bad file stays bounded. */
export class Warnings {
  readonly list: ImportWarning[] = [];
  private readonly byCode = new Map<string, ImportWarning>();

  add(code: WarningCode, message: string, location?: SourceLocation): void {
    const seen = this.byCode.get(code);
    if (seen) {
      seen.count = (seen.count ?? 1) + 1;
      return;
    }
    const warning: ImportWarning = location ? { code, message, location } : { code, message };
    this.byCode.set(code, warning);
    this.list.push(warning);
  }
}

import { FormatError } from './errors.js';

/** Safety limits for one import. Every one can be overridden per call. */
export interface ImportLimits {
  /** Largest accepted input, as uploaded (bytes). */
  maxFileBytes: number;
  /** Largest accepted input after gunzip (bytes). */
  maxDecompressedBytes: number;
  /** Largest accepted decompressed/compressed size ratio (gzip bombs reach 1000:1). */
  maxCompressionRatio: number;
  /** Most entries (files and folders) in one ZIP archive. */
  maxArchiveEntries: number;
  /** Largest sum of the decompressed sizes of the files read from one ZIP archive (bytes). */
  maxArchiveBytes: number;
  /** Most samples across all activities and courses of one file. */
  maxPoints: number;
  /** Most tracks/routes/activities in one file (each costs memory even when tiny). */
  maxTracks: number;
  /** Wall-clock budget for one parse, in milliseconds. */
  timeBudgetMs: number;
  /** Refuse FIT files whose CRC does not match instead of importing them with a warning. */
  strictCrc: boolean;
}

export const DEFAULT_LIMITS: Readonly<ImportLimits> = Object.freeze({
  maxFileBytes: 100 * 1024 * 1024,
  maxDecompressedBytes: 250 * 1024 * 1024,
  // Real GPX compresses 8–15:1; 100:1 leaves room for very repetitive files.
  maxCompressionRatio: 100,
  // A Strava archive of ten years holds a few thousand activities and as many photos.
  maxArchiveEntries: 20_000,
  // Activity files are read and stored one at a time, so this bounds storage, not memory.
  maxArchiveBytes: 4 * 1024 * 1024 * 1024,
  maxPoints: 2_000_000,
  maxTracks: 1_000,
  timeBudgetMs: 30_000,
  strictCrc: false,
});

export function resolveLimits(options?: Partial<ImportLimits>): ImportLimits {
  return { ...DEFAULT_LIMITS, ...options };
}

/**
 * Tracks the time budget and the point count during one parse. `tick()` is cheap enough to call
 * per chunk or per few hundred messages; it throws once the budget is spent.
 */
export class Budget {
  private readonly deadline: number;
  private points = 0;
  private tracks = 0;

  constructor(readonly limits: ImportLimits) {
    this.deadline = Date.now() + limits.timeBudgetMs;
  }

  tick(): void {
    if (Date.now() > this.deadline) {
      throw new FormatError(
        'LIMIT_TIME_BUDGET',
        `Parsing took longer than the ${this.limits.timeBudgetMs} ms allowed and was stopped`,
      );
    }
  }

  addTrack(): void {
    if (++this.tracks > this.limits.maxTracks) {
      throw new FormatError(
        'LIMIT_TOO_MANY_TRACKS',
        `The file has more than ${this.limits.maxTracks} tracks, routes or activities, the most one import accepts`,
      );
    }
  }

  addPoints(n: number): void {
    this.points += n;
    if (this.points > this.limits.maxPoints) {
      throw new FormatError(
        'LIMIT_TOO_MANY_POINTS',
        `The file has more than ${this.limits.maxPoints} points, the most one import accepts`,
      );
    }
  }
}

import { readdirSync } from 'node:fs';
import { gzipSync } from 'fflate';
import { FormatError, importActivityFile } from '../../src/index.js';
import { corpusPresent, readCorpusFile, readManifest } from './corpus.js';
import { encodeActivity, encodeCompressedTimestamps } from './fit-fixtures.js';
import { DATA_DIR, fixture } from './fixtures.js';
import { checkResult, mutate, rng } from './mutate.js';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

/** Own fixtures and generated FIT files, plus the shared corpus when present (large files capped). */
export function fuzzSeeds(maxBytes = 128 * 1024): Seed[] {
  const seeds: Seed[] = readdirSync(DATA_DIR).map((f) => ({ name: f, bytes: fixture(f) }));
  seeds.push({
    name: 'sdk.fit',
    bytes: encodeActivity({ pause: { at: 5, seconds: 30 }, developerField: true }),
  });
  seeds.push({
    name: 'multisport.fit',
    bytes: encodeActivity({
      segments: [
        { sport: 'running', seconds: 20 },
        { sport: 'transition', seconds: 3 },
        { sport: 'cycling', seconds: 20 },
      ],
    }),
  });
  seeds.push({ name: 'compressed-ts.fit', bytes: encodeCompressedTimestamps(80) });
  seeds.push({ name: 'tcx.gz', bytes: gzipSync(fixture('two-activities.tcx')) });
  if (corpusPresent) {
    for (const entry of readManifest()) {
      const bytes = readCorpusFile(entry.file);
      seeds.push({
        name: entry.file,
        bytes: bytes.length > maxBytes ? bytes.slice(0, maxBytes) : bytes,
      });
    }
  }
  return seeds;
}

export interface FuzzFailure {
  seed: number;
  file: string;
  kind: string;
  problem: string;
}

export interface FuzzStats {
  cases: number;
  imported: number;
  refused: Record<string, number>;
  failures: FuzzFailure[];
  slowestMs: number;
  slowestSeed: number;
}

/**
 * Runs `cases` mutations (case k uses PRNG seed `seed + k`, so any failure replays alone).
 * A case fails if the importer throws anything but a FormatError, returns a result that breaks
 * the track invariants, or takes longer than `slowMs`.
 */
export function runFuzz(seeds: Seed[], cases: number, seed = 1, slowMs = 3000): FuzzStats {
  const stats: FuzzStats = {
    cases,
    imported: 0,
    refused: {},
    failures: [],
    slowestMs: 0,
    slowestSeed: seed,
  };
  for (let k = 0; k < cases; k++) {
    const random = rng(seed + k);
    const base = seeds[Math.floor(random() * seeds.length)]!;
    const donor = seeds[Math.floor(random() * seeds.length)]!;
    let { bytes, kind } = mutate(base.bytes, donor.bytes, random);
    if (random() < 0.25) bytes = mutate(bytes, donor.bytes, random).bytes; // sometimes twice
    const t0 = performance.now();
    try {
      const result = importActivityFile(bytes, { timeBudgetMs: slowMs });
      const problem = checkResult(result);
      if (problem) stats.failures.push({ seed: seed + k, file: base.name, kind, problem });
      else stats.imported++;
    } catch (error) {
      if (error instanceof FormatError)
        stats.refused[error.code] = (stats.refused[error.code] ?? 0) + 1;
      else
        stats.failures.push({
          seed: seed + k,
          file: base.name,
          kind,
          problem: `crash: ${(error as Error)?.stack ?? error}`,
        });
    }
    const ms = performance.now() - t0;
    if (ms > stats.slowestMs) {
      stats.slowestMs = ms;
      stats.slowestSeed = seed + k;
    }
    if (ms > slowMs)
      stats.failures.push({
        seed: seed + k,
        file: base.name,
        kind,
        problem: `took ${ms.toFixed(0)} ms`,
      });
  }
  return stats;
}

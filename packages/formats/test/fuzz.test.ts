import { describe, expect, it } from 'vitest';
import { fuzzSeeds, runFuzz } from './helpers/fuzz-run.js';

// CI budget: 5,000 mutated files in total (about 20-40 s on 2 cores). The long run is
// `npx tsx --conditions=@stride/source packages/formats/scripts/fuzz.ts [cases] [seed]`.
const CASES = Number(process.env.FORMATS_FUZZ_CASES ?? 5000);

describe('fuzzing: mutated files only ever give a result or a typed error', () => {
  it(`survives ${CASES} mutations (bit flips, truncation, splices, huge numbers, duplicates)`, () => {
    const stats = runFuzz(fuzzSeeds(), CASES, 1);
    console.log(
      `fuzz: ${stats.cases} cases, ${stats.imported} imported, refused ${JSON.stringify(stats.refused)}, slowest ${stats.slowestMs.toFixed(0)} ms`,
    );
    expect(stats.failures.slice(0, 5)).toEqual([]);
    expect(stats.imported).toBeGreaterThan(CASES * 0.2); // the mutations are not all trivially refused
  }, 120_000);
});

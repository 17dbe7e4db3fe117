/**
 * Property tests, harder: FC_RUNS_FACTOR=20 runs every fast-check property 20 times as often,
 * FC_SEED=n fixes the seed (a failure prints its seed, to replay it). A rare counterexample
 * fails CI once in a long while; this finds it on purpose. vitest.config.ts loads this file
 * only when one of the two is set, so ordinary runs are untouched.
 */
import { vi } from 'vitest';

vi.mock('fast-check', async (importOriginal) => {
  const fc = await importOriginal<typeof import('fast-check')>();
  const factor = Number(process.env.FC_RUNS_FACTOR ?? 1);
  const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
  if (!(factor > 0)) throw new Error('FC_RUNS_FACTOR must be a positive number');
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error('FC_SEED must be an integer');
  const assert = ((property: unknown, params?: { numRuns?: number; seed?: number }) =>
    fc.assert(property as never, {
      ...params,
      numRuns: Math.ceil((params?.numRuns ?? 100) * factor),
      ...(seed === undefined ? {} : { seed }),
    })) as typeof fc.assert;
  const scaled = { ...fc, assert };
  return { ...scaled, default: scaled };
});

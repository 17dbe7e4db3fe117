import { defineConfig } from 'vitest/config';

// FC_RUNS_FACTOR / FC_SEED: run the property tests harder (test/fast-check-runs.ts).
const fastCheckRuns = process.env.FC_RUNS_FACTOR || process.env.FC_SEED;

// Workspace packages resolve to their TypeScript sources in tests (the "@stride/source"
// export condition), so tests never need a prior build.
export default defineConfig({
  resolve: { conditions: ['@stride/source', 'module', 'browser', 'development|production'] },
  ssr: { resolve: { conditions: ['@stride/source', 'node', 'development|production'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: fastCheckRuns ? ['./test/fast-check-runs.ts'] : [],
    // CI lists every test by name, so the log shows each contract suite once per adapter.
    reporters: process.env.CI
      ? ['verbose', ['json', { outputFile: 'test-artifacts/vitest.json' }]]
      : ['default'],
  },
});

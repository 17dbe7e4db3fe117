// Runs every benchmark script (packages/*/bench/*.bench.ts), each in a fresh process, in order.
// `npm run bench -- codec` runs only the files whose path contains "codec".
import { runScripts } from './run-scripts.mjs';

runScripts({
  title: 'Stride benchmarks',
  folder: 'bench',
  suffix: '.bench.ts',
  nodeArgs: ['--expose-gc'],
});

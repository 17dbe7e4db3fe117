// Replays one fuzz case: `node --conditions=@stride/source --import tsx packages/formats/scripts/replay.ts SEED [full]`
// (`full` uses whole corpus files as seeds, as scripts/fuzz.ts does).
import { fuzzSeeds, runFuzz } from '../test/helpers/fuzz-run.js';

const seed = Number(process.argv[2]);
const stats = runFuzz(
  fuzzSeeds(process.argv[3] === 'full' ? Number.POSITIVE_INFINITY : undefined),
  1,
  seed,
);
console.log(JSON.stringify(stats, null, 2));

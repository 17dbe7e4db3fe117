// Long fuzzing run: `node --conditions=@stride/source --import tsx packages/formats/scripts/fuzz.ts [cases=100000] [seed=1000000]`
// Prints progress every 5,000 cases and each failure with the seed that replays it.
import { fuzzSeeds, runFuzz } from '../test/helpers/fuzz-run.js';

const cases = Number(process.argv[2] ?? 100_000);
const firstSeed = Number(process.argv[3] ?? 1_000_000);
const seeds = fuzzSeeds(Number.POSITIVE_INFINITY);
const batch = 5_000;
let failures = 0;
const refused: Record<string, number> = {};
let imported = 0;
let slowest = 0;
let slowestSeed = 0;
const t0 = performance.now();
for (let done = 0; done < cases; done += batch) {
  const n = Math.min(batch, cases - done);
  const stats = runFuzz(seeds, n, firstSeed + done);
  imported += stats.imported;
  if (stats.slowestMs > slowest) {
    slowest = stats.slowestMs;
    slowestSeed = stats.slowestSeed;
  }
  for (const [code, count] of Object.entries(stats.refused))
    refused[code] = (refused[code] ?? 0) + count;
  for (const f of stats.failures)
    console.log(`FAIL seed=${f.seed} file=${f.file} mutation=${f.kind}: ${f.problem}`);
  failures += stats.failures.length;
  const rss = (process.memoryUsage().rss / 1048576).toFixed(0);
  console.log(
    `${done + n}/${cases} cases, ${failures} failures, ${imported} imported, slowest ${slowest.toFixed(0)} ms (seed ${slowestSeed}), rss ${rss} MB, ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );
}
console.log(`refused: ${JSON.stringify(refused)}`);
process.exit(failures ? 1 : 0);

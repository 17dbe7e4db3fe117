// Child process for memory.bench.ts: imports one file and reports its peak RSS.
import { readFileSync } from 'node:fs';
import { importActivityFile } from '../src/index.js';

const file = process.argv[2]!;
const before = process.memoryUsage().rss;
const bytes = readFileSync(file);
const t0 = performance.now();
const result = importActivityFile(bytes, { maxFileBytes: 1 << 30, maxDecompressedBytes: 1 << 30 });
const ms = performance.now() - t0;
const points = result.activities.reduce((n, a) => n + a.track.length, 0);
// resourceUsage().maxRSS is the peak resident set of this process, in KiB
console.log(
  JSON.stringify({
    points,
    ms,
    baselineRss: before,
    peakRss: process.resourceUsage().maxRSS * 1024,
  }),
);

/**
 * Side-by-side micro-benchmark helpers. Each benchmark file is a script that measures our code
 * and its peers in one process, interleaving rounds so drift hits all of them alike, and prints
 * a Markdown table with ratios. Run all with `npm run bench`, one with `npx tsx --conditions=@stride/source FILE`.
 */
import { performance } from 'node:perf_hooks';

export interface Candidate {
  name: string;
  fn: () => unknown;
}

export interface Result {
  name: string;
  medianMs: number;
  p90Ms: number;
  rounds: number;
}

/** Runs every candidate in interleaved rounds until each had `minRounds` and `minTimeMs` passed. */
export function compare(
  candidates: Candidate[],
  { minRounds = 15, minTimeMs = 1500, warmup = 3 } = {},
): Result[] {
  for (const c of candidates) for (let i = 0; i < warmup; i++) c.fn();
  const samples = candidates.map(() => [] as number[]);
  const started = performance.now();
  let round = 0;
  while (round < minRounds || performance.now() - started < minTimeMs) {
    candidates.forEach((c, k) => {
      const t0 = performance.now();
      c.fn();
      samples[k]!.push(performance.now() - t0);
    });
    round++;
    if (round > 10_000) break;
  }
  return candidates.map((c, k) => {
    const s = samples[k]!.sort((a, b) => a - b);
    return {
      name: c.name,
      medianMs: s[Math.floor(s.length / 2)]!,
      p90Ms: s[Math.floor(s.length * 0.9)]!,
      rounds: s.length,
    };
  });
}

/** Prints results as a Markdown table; `ratio` is each time divided by the first row's. */
export function printTable(
  title: string,
  results: Result[],
  extra: Record<string, (r: Result) => string> = {},
): void {
  const base = results[0]!.medianMs;
  const heads = ['implementation', 'median ms', 'p90 ms', 'x ours', ...Object.keys(extra)];
  console.log(`\n### ${title}\n`);
  console.log(`| ${heads.join(' | ')} |`);
  console.log(`|${heads.map(() => '---').join('|')}|`);
  for (const r of results) {
    const cells = [
      r.name,
      fmt(r.medianMs),
      fmt(r.p90Ms),
      (r.medianMs / base).toFixed(1),
      ...Object.values(extra).map((f) => f(r)),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

export function fmt(ms: number): string {
  if (ms >= 100) return ms.toFixed(0);
  if (ms >= 1) return ms.toFixed(2);
  return ms.toFixed(4);
}

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
  p99Ms: number;
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
  return candidates.map((c, k) => summarize(c.name, samples[k]!));
}

function summarize(name: string, samples: number[]): Result {
  const s = samples.sort((a, b) => a - b);
  return {
    name,
    medianMs: s[Math.floor(s.length / 2)]!,
    p90Ms: s[Math.floor(s.length * 0.9)]!,
    p99Ms: s[Math.min(s.length - 1, Math.floor(s.length * 0.99))]!,
    rounds: s.length,
  };
}

export interface AsyncCandidate {
  name: string;
  fn: () => Promise<unknown>;
  /** Calls per round: slow peers (a naive query) run once while fast ones run many times. */
  perRound?: number;
}

/**
 * `compare` for I/O (databases, Redis): candidates run in interleaved rounds, one call at a time,
 * until `minRounds` rounds ran and `minTimeMs` passed.
 */
export async function compareAsync(
  candidates: AsyncCandidate[],
  { minRounds = 5, minTimeMs = 3000, warmup = 2 } = {},
): Promise<Result[]> {
  for (const c of candidates) for (let i = 0; i < warmup; i++) await c.fn();
  const samples = candidates.map(() => [] as number[]);
  const started = performance.now();
  for (let round = 0; round < minRounds || performance.now() - started < minTimeMs; round++) {
    for (const [k, c] of candidates.entries()) {
      for (let i = 0; i < (c.perRound ?? 1); i++) {
        const t0 = performance.now();
        await c.fn();
        samples[k]!.push(performance.now() - t0);
      }
    }
    if (round > 10_000) break;
  }
  return candidates.map((c, k) => summarize(c.name, samples[k]!));
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

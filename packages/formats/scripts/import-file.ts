// Imports files and prints one summary row each: `npx tsx --conditions=@stride/source
// packages/formats/scripts/import-file.ts FILE…` (a directory imports everything in it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { importActivityFile, isFormatError } from '../src/index.js';
import { printTable, type Row, summarise } from '../test/helpers/summary.js';

function expand(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((f) => expand(join(path, f)));
}

const rows: Row[] = [];
for (const file of process.argv.slice(2).flatMap(expand)) {
  if (/\.(md|tsv|json)$/.test(file)) continue;
  const t0 = performance.now();
  try {
    const result = importActivityFile(readFileSync(file));
    const row = summarise(file, result);
    row.reason += ` (${(performance.now() - t0).toFixed(0)} ms)`;
    rows.push(row);
  } catch (error) {
    const reason = isFormatError(error)
      ? `${error.code}: ${error.message}`
      : `CRASH ${(error as Error).stack}`;
    rows.push({ file, outcome: 'refused', points: '-', distance: '-', duration: '-', reason });
  }
}
console.log(printTable(rows));

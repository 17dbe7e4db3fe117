// Peak RSS while importing a 50 MB GPX, measured in a fresh child process (target < 10x the file).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gpxText } from './bench-data.js';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'stride-formats-mem-'));
try {
  const rows: string[] = [];
  for (const targetMb of [5, 50]) {
    // the ride layout is ~360 bytes per point
    const text = gpxText({
      points: Math.round((targetMb * 1048576) / 360),
      cadence: true,
      power: true,
    });
    const file = join(dir, `ride-${targetMb}.gpx`);
    writeFileSync(file, text);
    const size = Buffer.byteLength(text);
    const child = spawnSync(
      process.execPath,
      ['--conditions=@stride/source', '--import', 'tsx', join(here, 'memory-child.ts'), file],
      { encoding: 'utf8' },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    const r = JSON.parse(child.stdout.trim().split('\n').pop()!);
    const mb = (n: number) => (n / 1048576).toFixed(0);
    rows.push(
      `| ${(size / 1048576).toFixed(1)} MB | ${r.points} | ${r.ms.toFixed(0)} | ${mb(r.baselineRss)} MB | ${mb(r.peakRss)} MB | ${(r.peakRss / size).toFixed(1)}x | ${((r.peakRss - r.baselineRss) / size).toFixed(1)}x |`,
    );
  }
  console.log('\n### Peak RSS importing a GPX (child process; target < 10x the file)\n');
  console.log(
    '| file | points | import ms | RSS before | peak RSS | peak / file | (peak - before) / file |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// Runs every benchmark script (packages/*/bench/*.bench.ts), each in a fresh process, in order.
// `npm run bench -- codec` runs only the files whose path contains "codec".
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const files = [];
for (const pkg of readdirSync('packages')) {
  const dir = join('packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).sort()) {
    if (f.endsWith('.bench.ts') && join(dir, f).includes(filter)) files.push(join(dir, f));
  }
}
console.log(`# Stride benchmarks (${new Date().toISOString()}, Node ${process.version})`);
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}`);
  const r = spawnSync(
    process.execPath,
    ['--conditions=@stride/source', '--expose-gc', '--import', 'tsx', file],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) failed++;
}
if (failed) {
  console.error(`${failed} benchmark file(s) failed`);
  process.exit(1);
}

// Runs every packages/*/<folder>/*<suffix> script whose path contains the filter (the first
// command-line argument), each in a fresh Node process through tsx, in order; exits 1 if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function runScripts({ title, folder, suffix, nodeArgs = [] }) {
  const filter = process.argv[2] ?? '';
  const files = [];
  for (const pkg of readdirSync('packages')) {
    const dir = join('packages', pkg, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith(suffix) && join(dir, f).includes(filter)) files.push(join(dir, f));
    }
  }
  console.log(`# ${title} (${new Date().toISOString()}, Node ${process.version})`);
  let failed = 0;
  for (const file of files) {
    console.log(`\n## ${file}`);
    const r = spawnSync(
      process.execPath,
      ['--conditions=@stride/source', ...nodeArgs, '--import', 'tsx', file],
      { stdio: 'inherit' },
    );
    if (r.status !== 0) failed++;
  }
  if (failed) {
    console.error(`${failed} of ${files.length} file(s) failed`);
    process.exit(1);
  }
}

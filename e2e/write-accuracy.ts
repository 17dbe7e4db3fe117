/**
 * Writes docs/accuracy.md: the corpus table (corpus-table.ts) with the date it was made.
 * `npm run accuracy` (needs ../shared/data beside the repository).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { corpusPresent } from '../packages/formats/test/helpers/corpus.js';
import { corpusTable, markdownTable } from './corpus-table.js';

if (!corpusPresent) {
  console.error('the shared corpus (../shared/data) is not beside the repository');
  process.exit(1);
}
const rows = corpusTable();
const held = rows.filter((r) => r.bar);
const computed = held.filter((r) => r.field.startsWith('elevation gain'));
const strict = held.filter((r) => !r.field.startsWith('elevation gain'));
const files = new Set(rows.map((r) => r.file)).size;
const doc = `# Accuracy on real device files

Every file of the shared corpus (${files} files from many devices and apps, \`../shared/data\`,
both manifests) imported as an upload is (\`importFile\`: the file reader, then the statistics),
beside the totals the device itself wrote into the file (FIT sessions) and, for information,
values other projects' parsers report. Written by \`npm run accuracy\`; the same table is
checked by \`e2e/corpus-table.test.ts\`, which holds every row with a bar to it: distance within
0.5 % of the device where the device measured distance (2 % from GPS alone), timer time within
1 %, the elevation gain shown equal to the device's ascent wherever the samples cover its
session ("shown elevation gain"), one activity per session, and every file that holds no
activity refused with a message. The "elevation gain" rows compare the gain Stride computes
from the altitude (what files without an ascent get) with the device's: within 10 % (device
ascent of 20 m or more) on most files, not all (docs/statistics.md). A file cut short keeps the
totals of the whole session: its rows say so and are not held.

${strict.filter((r) => r.ok).length} of ${strict.length} rows held to a bar are within it; the gain
Stride computes is within 10 % of the device's on ${computed.filter((r) => r.ok).length} of ${computed.length}.

${markdownTable(rows)}
`;
const out = fileURLToPath(new URL('../docs/accuracy.md', import.meta.url));
writeFileSync(out, doc);
console.log(`wrote ${out}: ${rows.length} rows, ${files} files`);

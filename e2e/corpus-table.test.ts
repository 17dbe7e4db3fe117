/**
 * The corpus table (corpus-table.ts): every file of both manifests through the upload path's
 * import, printed beside the device's own totals, and held to the bars: one activity per
 * session, every file that is not an activity refused with a message, distance within 0.5 % of
 * the device where it measured distance (2 % from GPS), timer time within 1 %, the gain shown
 * the device's ascent wherever the samples cover its session. The gain Stride computes from the
 * altitude (what files without an ascent get) is held to 10 % of the device's where it can be:
 * the rows still over it are printed with the table and explained in docs/statistics.md (a
 * device counting its own sensor noise, an app reporting a route's nominal climb, records too
 * sparse to recount); at least 60 % must be within it, so a change that makes the computed gain
 * worse across the corpus fails.
 */
import { describe, expect, it } from 'vitest';
import { corpusPresent } from '../packages/formats/test/helpers/corpus.js';
import { corpusTable, markdownTable } from './corpus-table.js';

describe.runIf(corpusPresent)('the corpus table (../shared/data, both manifests)', () => {
  const rows = corpusTable();
  const describeRow = (r: (typeof rows)[number]) =>
    `${r.file} ${r.field}: ${r.strideValue} vs ${r.deviceValue}`;
  const isGain = (r: (typeof rows)[number]) => r.field.startsWith('elevation gain');

  it('prints every file and holds every row but elevation gain to its bar', () => {
    console.log(`\n${markdownTable(rows)}\n`);
    expect(new Set(rows.map((r) => r.file)).size).toBeGreaterThanOrEqual(60);
    expect(rows.filter((r) => !r.ok && !isGain(r)).map(describeRow)).toEqual([]);
  });

  it('keeps elevation gain within 10 % of the device on most files', () => {
    const held = rows.filter((r) => isGain(r) && r.bar);
    const over = held.filter((r) => !r.ok);
    console.log(
      `elevation gain: ${held.length - over.length} of ${held.length} within 10 %; over:\n${over.map(describeRow).join('\n')}`,
    );
    expect(held.length).toBeGreaterThan(15);
    expect((held.length - over.length) / held.length).toBeGreaterThanOrEqual(0.6);
  });
});

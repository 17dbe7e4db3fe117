/**
 * The corpus table (corpus-table.ts): every file of both manifests through the upload path's
 * import, printed beside the device's own totals, and held to the bars: distance within 0.5 %
 * of the device where it measured distance (2 % from GPS), timer time within 1 %, elevation
 * gain within 10 %, one activity per session, and every file that is not an activity refused
 * with a message.
 */
import { describe, expect, it } from 'vitest';
import { corpusPresent } from '../packages/formats/test/helpers/corpus.js';
import { corpusTable, markdownTable } from './corpus-table.js';

describe.runIf(corpusPresent)('the corpus table (../shared/data, both manifests)', () => {
  const rows = corpusTable();

  it('prints every file and holds every row to its bar', () => {
    console.log(`\n${markdownTable(rows)}\n`);
    expect(new Set(rows.map((r) => r.file)).size).toBeGreaterThanOrEqual(60);
    const over = rows
      .filter((r) => !r.ok)
      .map((r) => `${r.file} ${r.field}: ${r.strideValue} vs ${r.deviceValue}`);
    expect(over).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Decoder, Stream } from '@garmin/fitsdk';
import { Warnings } from '../../src/errors.js';
import { frameFit } from '../../src/fit/frame.js';
import { CORPUS_DIR, readCorpusFile } from './corpus.js';

/** Every FIT file both manifests list (the corpus' and the incoming one), with its notes. */
export function corpusFitFiles(): { file: string; notes: string }[] {
  const out: { file: string; notes: string }[] = [];
  for (const name of ['MANIFEST.tsv', 'MANIFEST-incoming.tsv']) {
    const lines = readFileSync(join(CORPUS_DIR, name), 'utf8').split('\n').filter(Boolean);
    const heads = lines[0]!.split('\t');
    for (const line of lines.slice(1)) {
      const cells = line.split('\t');
      const get = (h: string) => cells[heads.indexOf(h)] ?? '';
      if (get('format') === 'FIT') out.push({ file: get('file'), notes: get('notes') });
    }
  }
  return out;
}

/** The SDK's own decode of a corpus file (after framing): its record messages and any error. */
export function sdkRecords(file: string): { records: Record<string, unknown>[]; error: unknown } {
  const framed = frameFit(readCorpusFile(file), new Warnings(), false);
  const { messages, errors } = new Decoder(
    Stream.fromByteArray(framed.bytes as unknown as number[]),
  ).read({ convertDateTimesToDates: false, expandSubFields: false });
  const records = (messages as { recordMesgs?: Record<string, unknown>[] }).recordMesgs ?? [];
  return { records, error: errors[0] };
}

/** How many record messages repeat the previous record's timestamp (the importer merges them). */
export function sameSecondRecords(file: string): number {
  const { records } = sdkRecords(file);
  let n = 0;
  for (let i = 1; i < records.length; i++) {
    const t = records[i]!.timestamp;
    if (typeof t === 'number' && t === records[i - 1]!.timestamp) n++;
  }
  return n;
}

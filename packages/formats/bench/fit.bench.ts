// FIT decoding, side by side: ours (framer + SDK + typed arrays) vs the SDK used naively and
// fit-file-parser. Also splits our time into framing, SDK decoding and mapping, to show where
// it goes (the SDK is the bottleneck; we do not write our own decoder).
import { Decoder, Stream } from '@garmin/fitsdk';
import FitParser from 'fit-file-parser';
import { compare, printTable, type Result } from '../../../bench/harness.js';
import { Warnings } from '../src/errors.js';
import { frameFit } from '../src/fit/frame.js';
import { importActivityFile } from '../src/index.js';
import { fitBytes, RIDE, RUN, type Spec } from './bench-data.js';

function ours(bytes: Uint8Array): number {
  return importActivityFile(bytes).activities[0]!.track.length;
}

function sdkNaive(bytes: Uint8Array): number {
  const { messages } = new Decoder(Stream.fromByteArray(bytes as unknown as number[])).read();
  return (messages as { recordMesgs: unknown[] }).recordMesgs.length;
}

function sdkOurOptions(bytes: Uint8Array): number {
  const { messages } = new Decoder(Stream.fromByteArray(bytes as unknown as number[])).read({
    convertDateTimesToDates: false,
    expandSubFields: false,
  });
  return (messages as { recordMesgs: unknown[] }).recordMesgs.length;
}

function fitFileParser(bytes: Uint8Array): number {
  let n = -1;
  const parser = new FitParser({ force: true, mode: 'list', speedUnit: 'm/s', lengthUnit: 'm' });
  const buffer = bytes.buffer.slice(
    bytes.byteOffset,
    bytes.byteOffset + bytes.byteLength,
  ) as ArrayBuffer;
  parser.parse(buffer, (error, data) => {
    if (error) throw new Error(String(error));
    n = (data as { records: unknown[] }).records.length;
  });
  if (n < 0) throw new Error('fit-file-parser did not call back synchronously');
  return n;
}

function run(label: string, spec: Spec) {
  const bytes = fitBytes(spec);
  const mb = bytes.length / 1048576;
  for (const [name, f] of [
    ['sdk', sdkNaive],
    ['fit-file-parser', fitFileParser],
  ] as const) {
    if (f(bytes) !== ours(bytes)) throw new Error(`${name} disagrees on the record count`);
  }
  const results = compare(
    [
      { name: 'ours: framer + SDK (lean options) → typed arrays', fn: () => ours(bytes) },
      { name: '@garmin/fitsdk, default options', fn: () => sdkNaive(bytes) },
      { name: 'fit-file-parser', fn: () => fitFileParser(bytes) },
      { name: '(part of ours) SDK decode alone, our options', fn: () => sdkOurOptions(bytes) },
      { name: '(part of ours) framer alone', fn: () => frameFit(bytes, new Warnings(), false) },
    ],
    { minRounds: 7, minTimeMs: 1000, warmup: 2 },
  );
  printTable(`FIT ${label}: ${spec.points} records, ${(mb * 1024).toFixed(0)} KB`, results, {
    'MB/s': (r: Result) => (mb / (r.medianMs / 1000)).toFixed(1),
  });
  const [o, sdk, , sdkLean] = results;
  console.log(
    `\nours / SDK default = ${(o!.medianMs / sdk!.medianMs).toFixed(2)} (target <= 1); the SDK decode is ${((sdkLean!.medianMs / o!.medianMs) * 100).toFixed(0)} % of our time`,
  );
}

run('1-hour run', RUN);
run('5-hour ride', RIDE);

import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  importActivityFile,
  isZip,
  listZipEntries,
  readZipEntries,
  sniffFormat,
} from '../src/index.js';

const CENTRAL = 0x02014b50;

/** Offsets of every central-directory header, to damage one field in a test. */
function centralHeaders(zip: Uint8Array): number[] {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const found: number[] = [];
  for (let at = 0; at + 4 <= zip.length; at++)
    if (view.getUint32(at, true) === CENTRAL) found.push(at);
  return found;
}

const readAll = (zip: Uint8Array, limits = DEFAULT_LIMITS) => {
  const entries = listZipEntries(zip, limits);
  return [...readZipEntries(zip, entries, limits)].map((e) => [e.entry.name, e.bytes] as const);
};

describe('ZIP archives', () => {
  const zip = zipSync({
    'activities.csv': strToU8('Activity ID,Filename\n1,activities/1.gpx\n'),
    'activities/1.gpx': strToU8('<gpx/>'.repeat(500)),
    'media/photo.jpg': [new Uint8Array([0xff, 0xd8, 0xff]), { level: 0 }],
    'routes/': new Uint8Array(0),
  });

  it('is told by its bytes, and refused by the file importer with a pointer to archives', () => {
    expect(isZip(zip)).toBe(true);
    expect(sniffFormat(zip)).toBe('zip');
    expect(() => importActivityFile(zip)).toThrow(/ZIP archive/);
  });

  it('lists files (not folders) and reads stored and deflated entries', () => {
    const entries = listZipEntries(zip, DEFAULT_LIMITS);
    expect(entries.map((e) => e.name)).toEqual([
      'activities.csv',
      'activities/1.gpx',
      'media/photo.jpg',
    ]);
    const read = Object.fromEntries(readAll(zip));
    expect(new TextDecoder().decode(read['activities/1.gpx'])).toBe('<gpx/>'.repeat(500));
    expect([...read['media/photo.jpg']!]).toEqual([0xff, 0xd8, 0xff]);
  });

  it('decompresses only the entries asked for', () => {
    const entries = listZipEntries(zip, DEFAULT_LIMITS).filter((e) => e.name.endsWith('.csv'));
    const read = [...readZipEntries(zip, entries, DEFAULT_LIMITS)];
    expect(read.map((r) => r.entry.name)).toEqual(['activities.csv']);
  });

  it('refuses too many entries before reading any', () => {
    const limits = { ...DEFAULT_LIMITS, maxArchiveEntries: 2 };
    expect(() => listZipEntries(zip, limits)).toThrow(/holds 4 entries; the most .* is 2/);
  });

  it('refuses a zip bomb from its declared sizes, and a lying size never grows the output', () => {
    const bomb = zipSync({ 'activities/1.gpx': new Uint8Array(20 * 1024 * 1024) });
    expect(() => readAll(bomb)).toThrow(/expands more than 100 times/);
    const total = { ...DEFAULT_LIMITS, maxCompressionRatio: 1e9, maxArchiveBytes: 1024 * 1024 };
    expect(() => readAll(bomb, total)).toThrow(/add up to more than 1048576 bytes/);

    // Declared smaller than it inflates to: cut at the declared size, reported as damaged.
    const liar = zipSync({ 'a.gpx': new Uint8Array(100_000) });
    const view = new DataView(liar.buffer);
    view.setUint32(centralHeaders(liar)[0]! + 24, 10, true);
    const [entry] = listZipEntries(liar, DEFAULT_LIMITS);
    expect(entry!.size).toBe(10);
    const [read] = [...readZipEntries(liar, [entry!], DEFAULT_LIMITS)];
    expect(read!.bytes.length).toBe(10);
  });

  it('refuses encrypted, ZIP64 and damaged archives with a clear message', () => {
    const encrypted = zip.slice();
    const view = new DataView(encrypted.buffer);
    const at = centralHeaders(encrypted)[1]!;
    view.setUint16(at + 8, view.getUint16(at + 8, true) | 1, true);
    expect(() => listZipEntries(encrypted, DEFAULT_LIMITS)).toThrow(/encrypted/);

    const big = zip.slice();
    new DataView(big.buffer).setUint32(centralHeaders(big)[0]! + 24, 0xffffffff, true);
    expect(() => listZipEntries(big, DEFAULT_LIMITS)).toThrow(/ZIP64/);

    expect(() => listZipEntries(zip.subarray(0, zip.length - 30), DEFAULT_LIMITS)).toThrow(
      /damaged/,
    );
    const garbled = zip.slice();
    garbled.fill(0x55, 40, 60);
    expect(() => readAll(garbled)).toThrow(/damaged/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared corpus lives beside the repository: <repo>/../shared/data. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');
export const CORPUS_DIR = join(REPO_ROOT, '..', 'shared', 'data');
export const corpusPresent = existsSync(join(CORPUS_DIR, 'MANIFEST.tsv'));

export interface ManifestEntry {
  file: string;
  format: string;
  notes: string;
  /** record/trackpoint count observed by the corpus' authors (notes "records=N", "trkpt=N", "trackpoints=N") */
  observedPoints?: number;
  /** "embedded session: sport, D m, timer T s, elapsed E s, ascent A m" entries */
  sessions: {
    sport: string;
    distanceM: number;
    timerS?: number;
    elapsedS?: number;
    ascentM?: number;
  }[];
  /** The device or app that wrote the file. */
  device: string;
  /** Listed in MANIFEST-incoming.tsv (the files added for real-world classes of trouble). */
  incoming: boolean;
}

/** The files of MANIFEST.tsv. */
export function readManifest(): ManifestEntry[] {
  return readManifestFile('MANIFEST.tsv');
}

/** The files of both manifests: MANIFEST.tsv, then MANIFEST-incoming.tsv. */
export function readManifests(): ManifestEntry[] {
  return [...readManifestFile('MANIFEST.tsv'), ...readManifestFile('MANIFEST-incoming.tsv')];
}

function readManifestFile(name: string): ManifestEntry[] {
  const lines = readFileSync(join(CORPUS_DIR, name), 'utf8').split('\n').filter(Boolean);
  const heads = lines[0]!.split('\t');
  return lines.slice(1).map((line) => {
    const cells = line.split('\t');
    const get = (name: string) => cells[heads.indexOf(name)] ?? '';
    const notes = get('notes');
    const count = /(?:records|trkpt|trackpoints)=(\d+)/.exec(notes)?.[1];
    const sessions = [
      ...notes.matchAll(
        /embedded session: (\w+)(?: \([\w ]+\))?, ([\d.]+) m(?:, timer ([\d.]+) s)?(?:, elapsed ([\d.]+) s)?(?:, ascent ([\d.]+) m)?/g,
      ),
    ].map((m) => ({
      sport: m[1]!,
      distanceM: Number(m[2]),
      timerS: m[3] ? Number(m[3]) : undefined,
      elapsedS: m[4] ? Number(m[4]) : undefined,
      ascentM: m[5] ? Number(m[5]) : undefined,
    }));
    return {
      file: get('file'),
      format: get('format'),
      notes,
      observedPoints: count ? Number(count) : undefined,
      sessions,
      device: get('device_app'),
      incoming: name !== 'MANIFEST.tsv',
    };
  });
}

/** Values other projects assert, per file, from expected.json and expected-incoming.json. */
export function readExpected(): Record<string, { values: Record<string, { value: unknown }> }> {
  const read = (name: string) => JSON.parse(readFileSync(join(CORPUS_DIR, name), 'utf8')).files;
  return { ...read('expected.json'), ...read('expected-incoming.json') };
}

export const readCorpusFile = (file: string) =>
  new Uint8Array(readFileSync(join(CORPUS_DIR, file)));

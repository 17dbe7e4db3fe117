/**
 * Bundle size report: every chunk of the production build with its gzipped size, what loads it
 * (the first load, or lazily), and the first-load JavaScript of the record screen against its
 * budget. Reads Vite's build manifest (dist/.vite/manifest.json); run after `vite build`
 * (`npm run build -w @stride/web` prints it at the end; `npm run size -w @stride/web` alone).
 * Exits 1 when the first load is over budget or pulls in a library that must stay lazy.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The issue's budget for the record screen's first load, gzipped, without the map library. */
const BUDGET_KB = 250;
/** Libraries that must only ever load on demand (their banners identify them in a chunk). */
const LAZY_ONLY = [
  ['MapLibre GL', 'MapLibre GL JS'],
  ['uPlot', 'leeoniya/uPlot'],
];
const RECORD_SRC = 'src/features/record/';

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('no build manifest: run "npm run build -w @stride/web" first');
  process.exit(1);
}
/** @type {Record<string, {file: string, src?: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[], assets?: string[]}>} */
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

const bytes = (file) => readFileSync(join(dist, file));
const gz = (file) => gzipSync(bytes(file)).length;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

/** The chunk and everything it imports statically: what the browser fetches before it runs. */
function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const k of manifest[key]?.imports ?? []) closure(k, seen);
  return seen;
}

const appKey = Object.keys(manifest).find((k) => k.endsWith('index.html'));
if (!appKey) throw new Error('the manifest has no index.html entry');
const firstLoad = closure(appKey);

// The record screen: its own lazy chunk when the route is split off, else part of the entry.
const recordKey = Object.keys(manifest).find(
  (k) => manifest[k].isDynamicEntry && manifest[k].src?.startsWith(RECORD_SRC),
);
const recordLoad = new Set(firstLoad);
if (recordKey) closure(recordKey, recordLoad);

const rows = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.file.endsWith('.js')) continue;
  const how = firstLoad.has(key)
    ? 'first load'
    : chunk.isEntry
      ? `entry (${chunk.src})`
      : recordLoad.has(key)
        ? 'record screen'
        : `lazy${chunk.src ? ` (${chunk.src})` : ''}`;
  rows.push([chunk.file, bytes(chunk.file).length, gz(chunk.file), how]);
  for (const asset of chunk.assets ?? [])
    if (/\.m?js$/.test(asset)) rows.push([asset, bytes(asset).length, gz(asset), 'lazy (worker)']);
}
const cssOf = (keys) => [...new Set([...keys].flatMap((k) => manifest[k].css ?? []))];
for (const css of new Set(Object.values(manifest).flatMap((c) => c.css ?? [])))
  rows.push([
    css,
    bytes(css).length,
    gz(css),
    cssOf(firstLoad).includes(css) ? 'first load' : 'lazy',
  ]);

const width = Math.max(...rows.map((r) => r[0].length));
console.log(`\n${'file'.padEnd(width)}  ${'raw'.padStart(10)}  ${'gzip'.padStart(9)}  loaded`);
for (const [file, raw, gzip, how] of rows.sort((a, b) => b[2] - a[2]))
  console.log(`${file.padEnd(width)}  ${kb(raw).padStart(10)}  ${kb(gzip).padStart(9)}  ${how}`);

const js = [...recordLoad].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
const total = js.reduce((sum, f) => sum + gz(f), 0);
const where = recordKey
  ? `app entry + ${manifest[recordKey].src}`
  : 'app entry (the record screen is not split into its own chunk)';
console.log(
  `\nFirst-load JS for the record screen: ${kb(total)} gzipped of a ${BUDGET_KB} kB budget — ${where}; ` +
    'the map library and uPlot load lazily and are not counted.',
);

let failed = total > BUDGET_KB * 1000;
if (failed) console.error(`over budget by ${kb(total - BUDGET_KB * 1000)}`);
for (const file of js) {
  const text = bytes(file).toString('utf8');
  for (const [name, banner] of LAZY_ONLY)
    if (text.includes(banner)) {
      console.error(`${name} is in the first load (${file}): import it dynamically`);
      failed = true;
    }
}
process.exit(failed ? 1 : 0);

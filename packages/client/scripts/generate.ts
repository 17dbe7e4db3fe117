/**
 * Generates the API contract from the server's route schemas: builds the app in memory (never
 * listening, on a throwaway in-memory database), asks it for its OpenAPI document, and writes
 *
 *   openapi.json    the document, paths sorted and without trailing slashes
 *   src/schema.ts   its TypeScript types (openapi-typescript)
 *
 * Run with `npm run api:generate` (or `npm run generate -w @stride/client`) after changing a
 * route schema; test/generated.test.ts fails while the committed files are stale.
 * `--check` compares instead of writing, and exits 1 when they differ.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';

export const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OPENAPI_FILE = join(PACKAGE_DIR, 'openapi.json');
export const SCHEMA_FILE = join(PACKAGE_DIR, 'src', 'schema.ts');

const HEADER =
  "/** The Stride API's types, generated from the server's route schemas by " +
  'packages/client/scripts/generate.ts. Do not edit: run `npm run api:generate`. */';

export interface Generated {
  /** openapi.json's text. */
  openapi: string;
  /** src/schema.ts's text. */
  schema: string;
}

/** The server's OpenAPI document, exactly as `/docs/json` serves it. */
export async function serverDocument(): Promise<OpenAPI3> {
  // A fixed configuration, not the environment: the document must not depend on who runs this.
  const dataDir = mkdtempSync(join(tmpdir(), 'stride-openapi-'));
  try {
    const config = loadConfig({ LOG_LEVEL: 'silent', STRIDE_DATA_DIR: dataDir });
    const app = await buildApp(config, { database: { inMemory: true } });
    try {
      await app.ready();
      return structuredClone(app.swagger()) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Stable across runs and route registration order: paths sorted, and written without the
 * trailing slash a prefixed `'/'` route gets (`/api/v1/me/` → `/api/v1/me`; the server answers
 * both), so the typed client's paths read as the API is documented.
 */
export function normalize(doc: OpenAPI3): OpenAPI3 {
  const paths: NonNullable<OpenAPI3['paths']> = {};
  const entries = Object.entries(doc.paths ?? {}).map(
    ([path, item]) => [path.length > 1 ? path.replace(/\/+$/, '') : path, item] as const,
  );
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [path, item] of entries) {
    if (path in paths) throw new Error(`two routes document the same path: ${path}`);
    paths[path] = item;
  }
  return { ...doc, paths };
}

/** The text of both generated files. */
export async function generate(): Promise<Generated> {
  const doc = normalize(await serverDocument());
  const ast = await openapiTS(doc);
  return {
    openapi: `${JSON.stringify(doc, null, 2)}\n`,
    schema: `${HEADER}\n\n${astToString(ast)}`,
  };
}

async function main(): Promise<void> {
  const out = await generate();
  const files: [string, string][] = [
    [OPENAPI_FILE, out.openapi],
    [SCHEMA_FILE, out.schema],
  ];
  if (process.argv.includes('--check')) {
    const stale = files.filter(([file, text]) => {
      try {
        return readFileSync(file, 'utf8') !== text;
      } catch {
        return true;
      }
    });
    for (const [file] of stale) console.error(`stale: ${relative(process.cwd(), file)}`);
    if (stale.length) {
      console.error('the API contract changed: run `npm run api:generate`');
      process.exit(1);
    }
    return;
  }
  for (const [file, text] of files) {
    writeFileSync(file, text);
    console.log(`wrote ${relative(process.cwd(), file)}`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();

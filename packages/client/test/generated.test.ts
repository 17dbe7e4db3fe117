import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, it } from 'vitest';
import { generate, OPENAPI_FILE, PACKAGE_DIR, SCHEMA_FILE } from '../scripts/generate.js';

/** Where two texts first differ, as `line N: "…"` of the committed one. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `line ${i + 1}: ${JSON.stringify(a[i] ?? '(end of file)')} should be ${JSON.stringify(b[i] ?? '(end of file)')}`;
}

describe('the generated API contract', () => {
  it("is up to date with the server's route schemas", { timeout: 180_000 }, async () => {
    const fresh = await generate();
    const stale: string[] = [];
    for (const [file, text] of [
      [OPENAPI_FILE, fresh.openapi],
      [SCHEMA_FILE, fresh.schema],
    ] as const) {
      let committed = '';
      try {
        committed = readFileSync(file, 'utf8');
      } catch {
        // missing: stale
      }
      const name = `packages/client/${relative(PACKAGE_DIR, file)}`;
      if (committed !== text) stale.push(`${name} (${firstDifference(committed, text)})`);
    }
    if (stale.length)
      throw new Error(
        `The API's route schemas changed since the client was generated; run \`npm run api:generate\` and commit the result. Stale: ${stale.join('; ')}`,
      );
  });
});

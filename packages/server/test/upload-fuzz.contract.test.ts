/**
 * Mutated activity files (bytes flipped, cut, spliced, absurd numbers in XML, FIT records
 * duplicated) sent through the real API: every upload ends ready, duplicate or error with a
 * message, nothing answers 5xx, and no answer about the activity grows past 5 MB. Seeded and
 * bounded; the longest event-loop stall of the run is printed (not asserted: machines differ).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { encodeActivity } from '../../formats/test/helpers/fit-fixtures.js';
import { DATA_DIR } from '../../formats/test/helpers/fixtures.js';
import { mutate, rng } from '../../formats/test/helpers/mutate.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

const CASES = 200;
const BATCH = 20;
const SEED = 20261207;
const MAX_BYTES = 5 * 1024 * 1024;
const E2E_FIXTURES = join(import.meta.dirname, '..', '..', '..', 'e2e', 'fixtures');

/** The repository's own files only, so the run is the same on a fresh clone. */
function seeds(): Uint8Array[] {
  const read = (dir: string) =>
    readdirSync(dir)
      .filter((f) => /\.(gpx|tcx|fit)$/.test(f))
      .map((f) => new Uint8Array(readFileSync(join(dir, f))));
  return [
    ...read(DATA_DIR),
    ...read(E2E_FIXTURES),
    encodeActivity({ pause: { at: 5, seconds: 30 }, developerField: true }),
  ];
}

describe.each(DATABASES.filter((d) => d.name === 'pglite'))('upload fuzz on $name', (database) => {
  const t = useTestApp(database);
  let ann: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
  });

  it(`survives ${CASES} mutated files end to end`, async () => {
    const corpus = seeds();
    const problems: string[] = [];
    const outcomes: Record<string, number> = {};
    let largest = 0;
    const check = (what: string, res: { statusCode: number; rawPayload: Buffer }) => {
      largest = Math.max(largest, res.rawPayload.length);
      if (res.statusCode >= 500) problems.push(`${what}: ${res.statusCode}`);
      if (res.rawPayload.length > MAX_BYTES)
        problems.push(`${what}: ${res.rawPayload.length} bytes`);
    };
    const get = async (what: string, url: string) => {
      const res = await t.app.inject({ url, headers: ann.headers });
      check(what, res);
      return res;
    };
    const stall = monitorEventLoopDelay({ resolution: 10 });
    stall.enable();
    for (let first = 0; first < CASES; first += BATCH) {
      const sent: Array<{ id: string; name: string }> = [];
      for (let k = first; k < first + BATCH; k++) {
        const random = rng(SEED + k);
        const base = corpus[Math.floor(random() * corpus.length)]!;
        const donor = corpus[Math.floor(random() * corpus.length)]!;
        let { bytes, kind } = mutate(base, donor, random);
        if (random() < 0.25) bytes = mutate(bytes, donor, random).bytes;
        const name = `case ${SEED + k} (${kind})`;
        const { payload, headers } = multipart({ name: `${k}.bin`, bytes });
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/uploads',
          payload,
          headers: { ...headers, ...ann.headers },
        });
        check(`${name} upload`, res);
        if (res.statusCode === 202) sent.push({ id: res.json().id, name });
        else if (!res.json().error?.message) problems.push(`${name}: ${res.statusCode} no message`);
      }
      await t.stride.worker.drain();
      for (const { id, name } of sent) {
        const up = (await get(`${name} status`, `/api/v1/uploads/${id}`)).json();
        outcomes[up.status] = (outcomes[up.status] ?? 0) + 1;
        if (up.status === 'error' && !up.error) problems.push(`${name}: error without a message`);
        if (!['ready', 'duplicate', 'error'].includes(up.status))
          problems.push(`${name}: still ${up.status}`);
        if (!up.activity_id) continue;
        const a = `/api/v1/activities/${up.activity_id}`;
        await get(`${name} detail`, a);
        await get(`${name} streams`, `${a}/streams`);
        for (const format of ['gpx', 'tcx', 'fit'])
          await get(`${name} ${format}`, `${a}/export.${format}`);
      }
    }
    stall.disable();
    console.log(
      `upload fuzz: ${CASES} cases, ${JSON.stringify(outcomes)}, largest answer ${largest} bytes, ` +
        `longest event-loop stall ${(stall.max / 1e6).toFixed(0)} ms`,
    );
    expect(problems).toEqual([]);
    // The mutations are not all refused at the door: many files go through the whole path.
    expect(outcomes.ready ?? 0).toBeGreaterThan(CASES / 10);
  }, 120_000);
});

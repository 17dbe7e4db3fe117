import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { importFile } from '../src/uploads/file-import.js';
import { ImportPool } from '../src/uploads/import-pool.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, signUp } from './helpers.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/${name}`, import.meta.url)));

describe('importing files in worker threads', () => {
  const pool = new ImportPool(1);
  afterAll(() => pool.close());

  it.each(['forerunner-run-hr.tcx', 'edge-ride-power.fit', 'evening-run-two-segments.gpx'])(
    'computes %s in a thread exactly as on the main thread',
    async (name) => {
      const input = { bytes: fixture(name), sport: undefined, athlete: null };
      const inThread = await pool.run(input);
      const inline = importFile(input);
      expect(inThread.ok).toBe(true);
      expect(inThread).toEqual(inline);
    },
  );

  it('answers for a file it cannot read with the reason, in a thread too', async () => {
    const result = await pool.run({
      bytes: new TextEncoder().encode('<gpx><trk><trkseg></trkseg></trk></gpx>'),
      sport: undefined,
      athlete: null,
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/holds no track points/) });
  });
});

describe('the API while a large file is imported', () => {
  // The embedded default: API, worker and database in one process.
  const t = useTestApp(DATABASES[0]!, { STRIDE_IMPORT_THREADS: '1' });

  it('keeps answering while the file is parsed', async () => {
    const ann = await signUp(t.app, 'ann');
    const samples = syntheticActivity({
      seed: 3,
      sport: 'Ride',
      startLat: 45.2,
      startLng: 5.7,
      startTime: 1_780_000_000,
      distanceM: 600_000,
    });
    const gpx = new TextEncoder().encode(toGpx('Long ride', 'Ride', samples));
    const { payload, headers } = multipart({ name: 'long.gpx', bytes: gpx });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...ann.headers },
    });
    expect(accepted.statusCode).toBe(202);

    const pool = t.stride.uploads.pool;
    const job = t.stride.worker.drain();
    await vi.waitFor(() => expect(pool.running).toBeGreaterThan(0), {
      timeout: 60_000,
      interval: 1,
    });
    const health = await t.app.inject({ method: 'GET', url: '/health' });
    expect(health.statusCode).toBe(200);
    // Answered while the file was still being read: parsing does not hold the event loop.
    expect(pool.running).toBeGreaterThan(0);
    await job;

    const upload = await t.app
      .inject({ method: 'GET', url: `/api/v1/uploads/${accepted.json().id}`, headers: ann.headers })
      .then((r) => r.json());
    expect(upload.status).toBe('ready');
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { trackLoader } from '../src/activities/index.js';
import { ComputePool } from '../src/compute/compute-pool.js';
import { tasks } from '../src/compute/tasks.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { importFile } from '../src/uploads/file-import.js';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, signUp } from './helpers.js';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../e2e/fixtures/${name}`, import.meta.url)));

describe('heavy work in worker threads', () => {
  const pool = new ComputePool(1);
  afterAll(() => pool.close());

  it.each(['forerunner-run-hr.tcx', 'edge-ride-power.fit', 'evening-run-two-segments.gpx'])(
    'computes %s in a thread exactly as on the main thread',
    async (name) => {
      const input = { bytes: fixture(name), sport: undefined, athlete: null };
      const inThread = await pool.run('importFile', input);
      const inline = importFile(input);
      expect(inThread.ok).toBe(true);
      expect(inThread).toEqual(inline);
    },
  );

  it('answers for a file it cannot read with the reason, in a thread too', async () => {
    const result = await pool.run('importFile', {
      bytes: new TextEncoder().encode('<gpx><trk><trkseg></trkseg></trk></gpx>'),
      sport: undefined,
      athlete: null,
    });
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/holds no track points/) });
  });
});

describe('the API while a large file is imported', () => {
  // The embedded default: API, worker and database in one process.
  const t = useTestApp(DATABASES[0]!, { STRIDE_COMPUTE_THREADS: '1' });

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

    const pool = t.stride.compute;
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

  it('renders what others see and writes exports in a thread exactly as inline', async () => {
    const ann = await signUp(t.app, 'cat');
    const { payload, headers } = multipart({
      name: 'ride.fit',
      bytes: fixture('edge-ride-power.fit'),
    });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...ann.headers },
    });
    await t.stride.worker.drain();
    const upload = await t.app
      .inject({ method: 'GET', url: `/api/v1/uploads/${accepted.json().id}`, headers: ann.headers })
      .then((r) => r.json());
    const row = await t.stride.activities.activities.viewable(ann.id, upload.activity_id);
    const track = (await trackLoader(t.stride.platform.blobs)(row))!;
    // The first fifth hidden, as a hidden start would.
    const hidden = new Uint8Array(track.length).fill(1, 0, Math.floor(track.length / 5));
    const input = { row, track, hidden, athlete: undefined };
    const pool = t.stride.compute;

    const seen = await pool.run('othersView', input);
    expect(seen).toEqual(tasks.othersView(input));
    expect(seen.row.distance_m).toBeLessThan(row.distance_m);
    expect(JSON.parse(seen.streamsJson!).time.data[0]).toBe(0);
    for (const format of ['gpx', 'tcx', 'fit'] as const) {
      const file = await pool.run('othersExport', { ...input, format });
      expect(file).toEqual(tasks.othersExport({ ...input, format }));
      expect(file!.bytes.length).toBeGreaterThan(1000);
    }
    expect(await pool.run('ownerStreams', { track, row })).toBe(tasks.ownerStreams({ track, row }));
  });
});

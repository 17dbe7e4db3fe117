/**
 * End-to-end throughput over real HTTP on loopback: live point ingest (batches of 5) against a
 * bare Fastify route with the same payload (the ceiling), and file uploads from POST to ready,
 * on the embedded database and, when DATABASE_URL is set, on PostgreSQL.
 */

import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { createStride } from '../src/stride.js';
import { createBenchDatabase } from './bench-database.js';

const BATCHES = 400;
const UPLOADS = 8;

const run = syntheticActivity({
  seed: 1,
  sport: 'Run',
  startLat: 45.76,
  startLng: 4.83,
  startTime: 1_780_000_000,
  distanceM: 11_000,
});
const points = run.map((p) => ({ t: p.t, lat: p.lat, lng: p.lng, alt: p.ele, hr: p.hr }));

async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  if (res.status >= 400) throw new Error(`${url}: ${res.status}`);
}

async function bareCeiling(): Promise<number> {
  const app = Fastify();
  app.post('/points', async () => ({ ok: true }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const t0 = performance.now();
  for (let i = 0; i < BATCHES; i++)
    await post(`${url}/points`, { seq: i, points: points.slice(i * 5, i * 5 + 5) });
  const s = (performance.now() - t0) / 1000;
  await app.close();
  return (BATCHES * 5) / s;
}

async function stride(label: string, databaseUrl: string | undefined) {
  const dir = mkdtempSync(join(tmpdir(), 'stride-bench-'));
  const bench = databaseUrl ? await createBenchDatabase(databaseUrl, 'stride_bench') : undefined;
  const url = bench?.url;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    STRIDE_DATA_DIR: dir,
    DATABASE_URL: url,
    STRIDE_AUTH_RATE_LIMIT: '1000',
  });
  const stride = await createStride(config, {
    ...(url ? {} : { database: { inMemory: true } }),
  });
  const app = await buildApp(config, { stride });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const signup = await fetch(`${base}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ handle: 'bench', email: 'bench@example.com', password: 'password123' }),
  }).then((r) => r.json());
  const auth = { authorization: `Bearer ${signup.access_token}` };

  const id = randomUUID();
  await post(`${base}/api/v1/activities`, { id, sport_type: 'Run' }, auth);
  const startRes = await fetch(`${base}/api/v1/activities/${id}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify({ state: 'STARTED', at: new Date(points[0]!.t * 1000).toISOString() }),
  });
  await startRes.arrayBuffer();
  const t0 = performance.now();
  for (let i = 0; i < BATCHES; i++)
    await post(
      `${base}/api/v1/activities/${id}/points`,
      { seq: i, points: points.slice(i * 5, i * 5 + 5) },
      auth,
    );
  const ingest = (BATCHES * 5) / ((performance.now() - t0) / 1000);

  // Uploads: each a different 1-hour run, POST → processed by the worker → ready.
  const files = Array.from({ length: UPLOADS }, (_, k) =>
    toGpx(
      'bench',
      'Run',
      syntheticActivity({
        seed: 100 + k,
        sport: 'Run',
        startLat: 45.76,
        startLng: 4.83,
        startTime: 1_780_000_000 + k * 86_400,
        distanceM: 11_000,
      }),
    ),
  );
  const u0 = performance.now();
  for (const [k, gpx] of files.entries()) {
    const form = new FormData();
    form.append('file', new Blob([gpx]), `run-${k}.gpx`);
    const res = await fetch(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: auth,
      body: form,
    });
    await res.arrayBuffer();
  }
  await stride.runner.drain();
  const uploadsPerS = UPLOADS / ((performance.now() - u0) / 1000);
  await app.close();
  await stride.close();
  rmSync(dir, { recursive: true, force: true });
  await bench?.drop();
  return { label, ingest, uploadsPerS };
}

const ceiling = await bareCeiling();
const rows = [await stride('embedded (PGlite)', undefined)];
if (process.env.DATABASE_URL) rows.push(await stride('PostgreSQL', process.env.DATABASE_URL));

console.log(
  '\n### Live point ingest (sequential HTTP requests, batches of 5 points) and uploads (1-hour GPX, POST → ready)\n',
);
console.log('| target | points/s | × of bare Fastify ceiling | uploads/s (1-hour GPX → ready) |');
console.log('|---|---|---|---|');
console.log(`| bare Fastify route, same payload | ${ceiling.toFixed(0)} | 1.00 | — |`);
for (const r of rows)
  console.log(
    `| Stride, ${r.label} | ${r.ingest.toFixed(0)} | ${(r.ingest / ceiling).toFixed(2)} | ${r.uploadsPerS.toFixed(1)} |`,
  );

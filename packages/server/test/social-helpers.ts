import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { syntheticActivity } from '../src/demo/synthetic-activity.js';
import type { Stride } from '../src/stride.js';
import type { SignedIn } from './helpers.js';

const T0 = 1_780_000_000;

/** The `recordRun` day that is `n` days before today (feeds back-fill the last 30 days). */
export const daysAgo = (n: number) => Math.floor((Date.now() / 1000 - T0) / 86_400) - n;

/** Records a short run of this visibility for `who` (day `day` after T0); its id. */
export async function recordRun(
  app: FastifyInstance,
  who: SignedIn,
  visibility: 'everyone' | 'followers' | 'only_me',
  day: number,
): Promise<string> {
  const start = T0 + day * 86_400;
  const points = syntheticActivity({
    seed: 7 + day,
    sport: 'Run',
    startLat: 45.76,
    startLng: 4.83,
    startTime: start,
    distanceM: 1200,
  }).map((p) => ({ t: p.t, lat: p.lat, lng: p.lng }));
  const id = randomUUID();
  const r = await app.inject({
    method: 'PUT',
    url: `/api/v1/activities/${id}/recording`,
    headers: who.headers,
    payload: {
      sport_type: 'Run',
      visibility,
      events: [
        { kind: 'START', at: new Date(start * 1000).toISOString() },
        { kind: 'STOP', at: new Date((start + 600) * 1000).toISOString() },
      ],
      points,
    },
  });
  expect(r.statusCode, r.body).toBe(200);
  return id;
}

/** A signed-in athlete's requests to the API, by method and path under /api/v1. */
export function apiAs(t: { readonly app: FastifyInstance }) {
  return (
    who: SignedIn,
    method: 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH',
    path: string,
    payload?: object,
  ) =>
    t.app.inject({
      method,
      url: `/api/v1/${path}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });
}

/** What `who` can read of activity `id`: the status of its detail, streams and GPX export. */
export async function readStatuses(app: FastifyInstance, who: SignedIn, id: string) {
  const paths = [`${id}`, `${id}/streams?keys=time`, `${id}/export.gpx`];
  const statuses = [];
  for (const p of paths) {
    statuses.push(
      (await app.inject({ method: 'GET', url: `/api/v1/activities/${p}`, headers: who.headers }))
        .statusCode,
    );
  }
  return statuses;
}

/**
 * Ids of the activities in `who`'s friends feed (first page), once the jobs that fill feeds
 * (fan-out, back-fill) are done.
 */
export async function feedIds(
  t: { readonly app: FastifyInstance; readonly stride: Stride },
  who: SignedIn,
): Promise<string[]> {
  await t.stride.worker.drain();
  const r = await t.app.inject({
    method: 'GET',
    url: '/api/v1/activities?mode=FRIENDS&limit=50',
    headers: who.headers,
  });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().items.map((i: { id: string }) => i.id);
}

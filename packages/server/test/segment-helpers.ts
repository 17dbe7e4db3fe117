import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { type Route, routeActivity, routeFrom } from '../src/demo/route-activity.js';
import { type SyntheticSample, toGpx } from '../src/demo/synthetic-activity.js';
import { multipart, type SignedIn } from './helpers.js';

/** 3 km through Lyon with three turns, climbing about 2 %. */
export const ROUTE: Route = routeFrom(
  [45.76, 4.83],
  [
    [90, 800],
    [45, 600],
    [0, 900],
    [300, 700],
  ],
  (s) => 170 + 0.02 * s + 2 * Math.sin(s / 150),
);

type Inject = FastifyInstance['inject'];

/** Thin API helpers for segment tests: every call goes through the real HTTP routes. */
export function segmentApi(app: () => FastifyInstance, drain: () => Promise<unknown>) {
  const inject: Inject = ((opts: Parameters<Inject>[0]) => app().inject(opts)) as Inject;
  const auth = (who?: SignedIn) => (who ? who.headers : {});

  /**
   * Uploads one go along `route` (its samples changed by `edit` when given) and returns the
   * activity id once processed and matched.
   */
  async function upload(
    who: SignedIn,
    o: {
      seed: number;
      speedMps: number;
      startTime: number;
      visibility?: string;
      edit?: (samples: SyntheticSample[]) => SyntheticSample[];
    },
    route: Route = ROUTE,
  ): Promise<string> {
    const generated = routeActivity(route, { seed: o.seed, sport: 'Run', ...o });
    const samples = o.edit ? o.edit(generated) : generated;
    const gpx = new TextEncoder().encode(toGpx('Segment run', 'Run', samples));
    const { payload, headers } = multipart(
      { name: `run-${o.seed}.gpx`, bytes: gpx },
      o.visibility ? { visibility: o.visibility } : {},
    );
    const res = await inject({
      method: 'POST',
      url: '/api/v1/uploads',
      payload,
      headers: { ...headers, ...who.headers },
    });
    expect(res.statusCode, res.body).toBe(202);
    await drain();
    const status = (
      await inject({ method: 'GET', url: `/api/v1/uploads/${res.json().id}`, headers: who.headers })
    ).json();
    expect(status.status, status.error).toBe('ready');
    return status.activity_id as string;
  }

  async function createSegment(who: SignedIn, body: Record<string, unknown>) {
    const res = await inject({
      method: 'POST',
      url: '/api/v1/segments',
      headers: who.headers,
      payload: body,
    });
    await drain();
    return res;
  }

  async function board(segmentId: string, who?: SignedIn, query = '') {
    const res = await inject({
      method: 'GET',
      url: `/api/v1/segments/${segmentId}/leaderboard?limit=20${query}`,
      headers: auth(who),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as {
      entry_count: number;
      entries: Array<{
        rank: number;
        athlete: { handle: string };
        elapsed_time: number;
        effort_id: string;
        activity_id: string;
        start_date_local: string;
      }>;
      viewer: { best: { rank: number; elapsed_time: number }; neighbours: unknown[] } | null;
    };
  }

  const handles = (b: { entries: Array<{ athlete: { handle: string } }> }) =>
    b.entries.map((e) => e.athlete.handle);

  async function activity(id: string, who?: SignedIn) {
    return inject({ method: 'GET', url: `/api/v1/activities/${id}`, headers: auth(who) });
  }

  /** The activity's efforts as `who` sees them. */
  async function efforts(id: string, who?: SignedIn) {
    const res = await activity(id, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().segment_efforts as Array<{
      id: string;
      segment: { id: string; name: string };
      elapsed_time: number;
      moving_time: number;
      distance: number;
      start_index: number;
      end_index: number;
      pr_rank: number | null;
      kom_rank: number | null;
    }>;
  }

  async function segment(id: string, who?: SignedIn) {
    return inject({ method: 'GET', url: `/api/v1/segments/${id}`, headers: auth(who) });
  }

  async function patch(who: SignedIn, url: string, payload: Record<string, unknown>) {
    const res = await inject({ method: 'PATCH', url, headers: who.headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    await drain();
    return res;
  }

  return { inject, upload, createSegment, board, handles, activity, efforts, segment, patch };
}

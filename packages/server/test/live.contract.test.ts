/**
 * Live tracking, on the embedded adapters (PGlite, in-process live state and pub/sub) and, when
 * DATABASE_URL and REDIS_URL are set, on PostgreSQL with Redis: batches merged by time and
 * idempotent per seq, who may watch (followers, safety links, blocks, visibility), privacy
 * zones and hidden starts held live, SSE resume without loss or doubles, the end on save and
 * after silence; and with Redis, a batch posted on one process reaching a viewer on another.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DATABASES,
  type DatabaseLease,
  REDIS_URL,
  redisNamespace,
  startTestApp,
  type TestApp,
  type TestDatabase,
  useTwoProcesses,
} from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { openStream } from './notification-helpers.js';
import { apiAs } from './social-helpers.js';

interface Point {
  t: number;
  lat: number;
  lng: number;
}

const LAT = 45.76;
const LNG = 4.83;
const T0 = Math.floor(Date.now() / 1000) - 3600;
/** Metres per degree of longitude here. */
const M_PER_LNG = 111_195 * Math.cos((LAT * Math.PI) / 180);

/** Points `from`…`to`-1 of a run due east from (LAT, LNG) at 3 m/s, one a second. */
function run(from: number, to: number): Point[] {
  const out: Point[] = [];
  for (let i = from; i < to; i++) out.push({ t: T0 + i, lat: LAT, lng: LNG + (3 * i) / M_PER_LNG });
  return out;
}
/** The status of a GET without a token, its body read (so no connection stays busy). */
async function statusOf(url: string): Promise<number> {
  const res = await fetch(url, { headers: { connection: 'close' } });
  await res.arrayBuffer();
  return res.status;
}

/** Metres from the start of `run`. */
const fromStart = (p: Point) => Math.hypot((p.lng - LNG) * M_PER_LNG, (p.lat - LAT) * 111_195);

interface Target {
  name: string;
  database: TestDatabase;
  redis: boolean;
}
const postgres = DATABASES.find((d) => d.name === 'postgres');
const TARGETS: Target[] = [
  { name: 'embedded adapters', database: DATABASES[0]!, redis: false },
  ...(postgres && REDIS_URL
    ? [{ name: 'PostgreSQL and Redis', database: postgres, redis: true }]
    : []),
];

const TTL_MS = 1500;

describe.each(TARGETS)('live tracking on $name', (target) => {
  let lease: DatabaseLease;
  let ns: ReturnType<typeof redisNamespace> | undefined;
  let t: TestApp;
  let base: string;
  const api = apiAs({
    get app() {
      return t.app;
    },
  });
  const who: Record<string, SignedIn> = {};

  beforeAll(async () => {
    lease = await target.database.lease();
    ns = target.redis ? redisNamespace(REDIS_URL!) : undefined;
    t = await startTestApp(
      lease,
      ns ? { REDIS_URL: REDIS_URL!, STRIDE_REDIS_PREFIX: ns.prefix } : {},
      { streamHeartbeatMs: 100, liveTtlMs: 60_000 },
    );
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
    for (const h of ['ann', 'ben', 'cat', 'dan', 'eve'])
      who[h] = await signUp(t.app, h, { display_name: h.toUpperCase() });
    // ben and dan follow ann; cat does not; dan is then blocked by ann.
    await api(who.ben!, 'PUT', 'athletes/ann/follow');
    await api(who.dan!, 'PUT', 'athletes/ann/follow');
    expect((await api(who.ann!, 'PUT', 'me/blocks/dan')).statusCode).toBe(204);
  });
  afterAll(async () => {
    await t?.close();
    await ns?.release();
    await lease?.release();
  });

  async function activity(owner: SignedIn, visibility = 'followers'): Promise<string> {
    const id = randomUUID();
    const res = await api(owner, 'POST', 'activities', { id, sport_type: 'Run', visibility });
    expect(res.statusCode, res.body).toBe(201);
    return id;
  }
  async function post(owner: SignedIn, id: string, seq: number, points: Point[], extra = {}) {
    const res = await api(owner, 'POST', `activities/${id}/live`, { seq, points, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { duplicate: boolean; totals: { point_count: number; distance: number } };
  }
  const view = (w: SignedIn, id: string, since = '') =>
    api(w, 'GET', `activities/${id}/live${since ? `?since=${since}` : ''}`);
  const snapshotPoints = async (w: SignedIn, id: string) => {
    const res = await view(w, id);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().snapshot.points as Point[];
  };
  async function link(owner: SignedIn, id: string, body = {}) {
    const res = await api(owner, 'POST', `activities/${id}/live/links`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; url: string; expires_at: string };
  }

  it('merges batches by time: a re-sent seq changes nothing, a late batch fills the gap', async () => {
    const id = await activity(who.ann!);
    await post(who.ann!, id, 0, run(0, 10));
    await post(who.ann!, id, 2, run(20, 30));
    const again = await post(who.ann!, id, 2, run(20, 30));
    expect(again.duplicate).toBe(true);
    expect(again.totals.point_count).toBe(20);
    // Sent while offline, arriving last.
    const late = await post(who.ann!, id, 1, run(10, 20));
    expect(late).toMatchObject({ duplicate: false, totals: { point_count: 30 } });
    expect(late.totals.distance).toBeGreaterThan(80);
    const points = await snapshotPoints(who.ann!, id);
    expect(points.map((p) => p.t)).toEqual(run(0, 30).map((p) => p.t));
    // An id this session never gave (from another session, or made up) gets a snapshot.
    const bogus = (await view(who.ann!, id, '99999999999999-0')).json();
    expect(bogus.snapshot.points).toHaveLength(30);
  });

  it('refuses bad batches with a clear 4xx, and anyone but the owner', async () => {
    const id = await activity(who.ann!);
    const bad = await api(who.ann!, 'POST', `activities/${id}/live`, {
      seq: 0,
      points: [{ t: T0, lat: 95, lng: 4 }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.fields[0].field).toMatch(/lat/);
    const tooMany = await api(who.ann!, 'POST', `activities/${id}/live`, {
      seq: 0,
      points: run(0, 501),
    });
    expect(tooMany.statusCode).toBe(400);
    const future = await api(who.ann!, 'POST', `activities/${id}/live`, {
      seq: 0,
      points: [{ t: Math.floor(Date.now() / 1000) + 7200, lat: LAT, lng: LNG }],
    });
    expect(future.statusCode).toBe(422);
    expect(
      (await api(who.ben!, 'POST', `activities/${id}/live`, { seq: 0, points: run(0, 2) }))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api(who.ann!, 'POST', `activities/${randomUUID()}/live`, {
          seq: 0,
          points: run(0, 2),
        })
      ).statusCode,
    ).toBe(404);
    // Nothing posted yet: nothing live.
    expect((await view(who.ann!, id)).statusCode).toBe(404);
  });

  it('shows a follower, never a non-follower, a blocked athlete, or anyone on only-me', async () => {
    const id = await activity(who.ann!);
    await post(who.ann!, id, 0, run(0, 20));
    expect((await view(who.ben!, id)).statusCode).toBe(200);
    expect((await view(who.cat!, id)).statusCode).toBe(404);
    expect((await view(who.dan!, id)).statusCode).toBe(404);
    const live = (await api(who.ben!, 'GET', 'live')).json().items as Array<{
      activity_id: string;
    }>;
    expect(live.map((l) => l.activity_id)).toContain(id);
    expect((await api(who.cat!, 'GET', 'live')).json().items).toEqual([]);

    const hidden = await activity(who.ann!, 'only_me');
    await post(who.ann!, hidden, 0, run(0, 20));
    expect((await view(who.ben!, hidden)).statusCode).toBe(404);
    expect((await view(who.ann!, hidden)).statusCode).toBe(200);
    const now = (await api(who.ben!, 'GET', 'live')).json().items as Array<{ activity_id: string }>;
    expect(now.map((l) => l.activity_id)).not.toContain(hidden);

    // Not shared with followers: links only.
    const linksOnly = await activity(who.ann!);
    await post(who.ann!, linksOnly, 0, run(0, 20), { followers: false });
    expect((await view(who.ben!, linksOnly)).statusCode).toBe(404);
  });

  it('tells followers once that the athlete is live, not on only-me or links-only sessions', async () => {
    const liveItems = async (w: SignedIn) => {
      await t.stride.worker.drain();
      const items = (await api(w, 'GET', 'notifications')).json().items as Array<{
        kind: string;
        text: string;
        url: string;
        activity: { id: string } | null;
      }>;
      return items.filter((i) => i.kind === 'live_started');
    };
    const before = (await liveItems(who.ben!)).length;
    const id = await activity(who.ann!);
    await post(who.ann!, id, 0, run(0, 10));
    await post(who.ann!, id, 1, run(10, 20));
    const told = await liveItems(who.ben!);
    expect(told).toHaveLength(before + 1);
    expect(told[0]).toMatchObject({ activity: { id }, url: `/live/${id}` });
    expect(told[0]!.text).toMatch(/^ANN is live: /);
    // Not a follower, blocked, or the athlete herself: nothing.
    for (const w of [who.cat!, who.dan!, who.ann!]) expect(await liveItems(w)).toEqual([]);

    const hidden = await activity(who.ann!, 'only_me');
    await post(who.ann!, hidden, 0, run(0, 10));
    const linksOnly = await activity(who.ann!);
    await post(who.ann!, linksOnly, 0, run(0, 10), { followers: false });
    expect(await liveItems(who.ben!)).toHaveLength(before + 1);
  });

  it('keeps privacy zones and the hidden start from followers and link holders, not the owner', async () => {
    const eve = who.eve!;
    await api(who.ben!, 'PUT', 'athletes/eve/follow');
    // A zone around 600 m along the route, and the first 200 m hidden.
    const zone = { lat: LAT, lng: LNG + 600 / M_PER_LNG, radius: 200 };
    expect((await api(eve, 'POST', 'me/privacy-zones', zone)).statusCode).toBe(201);
    expect((await api(eve, 'PATCH', 'me', { hide_start: 200 })).statusCode).toBe(200);
    const id = await activity(eve);
    const { token } = await link(eve, id);
    for (let seq = 0; seq < 8; seq++) await post(eve, id, seq, run(seq * 100, seq * 100 + 100));
    const inZone = (p: Point) => Math.abs(fromStart(p) - 600) <= 200;

    const owner = await snapshotPoints(eve, id);
    expect(owner).toHaveLength(800);
    expect(owner.some(inZone)).toBe(true);
    const follower = await snapshotPoints(who.ben!, id);
    const holder = (
      await (await fetch(`${base}/live/${token}`, { headers: { connection: 'close' } })).json()
    ).snapshot.points as Point[];
    expect(holder).toEqual(follower);
    expect(follower.length).toBeGreaterThan(100);
    expect(follower.filter(inZone)).toEqual([]);
    expect(follower.filter((p) => fromStart(p) < 200)).toEqual([]);

    // The same through the events a follower polls.
    const first = (await view(who.ben!, id)).json().last_event_id as string;
    await post(eve, id, 8, run(800, 900));
    const events = (await view(who.ben!, id, first)).json().events as Array<{ points?: Point[] }>;
    const seen = events.flatMap((e) => e.points ?? []);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter(inZone)).toEqual([]);
  });

  it('serves safety links until they expire or are revoked', async () => {
    const id = await activity(who.ann!, 'only_me');
    await post(who.ann!, id, 0, run(0, 20));
    const a = await link(who.ann!, id);
    const b = await link(who.ann!, id, { expires_in: 3600 });
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.url).toBe(`/live/${a.token}`);
    expect(await statusOf(`${base}/live/${a.token}`)).toBe(200);
    expect((await api(who.ben!, 'POST', `activities/${id}/live/links`, {})).statusCode).toBe(404);
    expect(
      (await api(who.ann!, 'POST', `activities/${id}/live/links`, { expires_in: 10 })).statusCode,
    ).toBe(400);

    expect((await api(who.ann!, 'DELETE', `activities/${id}/live/links/${a.id}`)).statusCode).toBe(
      204,
    );
    expect(await statusOf(`${base}/live/${a.token}`)).toBe(404);
    expect(await statusOf(`${base}/live/${a.token}/stream`)).toBe(404);
    await t.stride.platform.db
      .updateTable('live_links')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', b.id)
      .execute();
    expect(await statusOf(`${base}/live/${b.token}`)).toBe(404);
    const list = (await api(who.ann!, 'GET', `activities/${id}/live/links`)).json().items;
    expect(list.map((l: { active: boolean }) => l.active)).toEqual([false, false]);
    expect(JSON.stringify(list)).not.toContain(a.token);
    expect(await statusOf(`${base}/live/${'x'.repeat(43)}`)).toBe(404);
  });

  it('resumes a stream after its last event id without losing or doubling a point', async () => {
    const id = await activity(who.ann!);
    const { token } = await link(who.ann!, id);
    await post(who.ann!, id, 0, run(0, 10));
    const first = await openStream(`${base}/live/${token}/stream`);
    await vi.waitFor(() => expect(first.of('snapshot')).toHaveLength(1));
    await post(who.ann!, id, 1, run(10, 20));
    await vi.waitFor(() => expect(first.of('points')).toHaveLength(1));
    first.close();
    const ids = first.events.filter((e) => e.event !== 'message');
    expect(ids.length).toBe(2);
    const lastId = first.of<{ id: string }>('points')[0]!.id;

    // Offline meanwhile: two batches, one of them late.
    await post(who.ann!, id, 3, run(30, 40));
    await post(who.ann!, id, 2, run(20, 30));
    const resumed = await openStream(`${base}/live/${token}/stream?last_event_id=${lastId}`);
    try {
      await vi.waitFor(() => expect(resumed.of('points')).toHaveLength(2));
      expect(resumed.of('snapshot')).toEqual([]);
      await post(who.ann!, id, 4, run(40, 50));
      await vi.waitFor(() => expect(resumed.of('points')).toHaveLength(3));
      const got = [
        ...first.of<{ points: Point[] }>('snapshot')[0]!.points,
        ...first.of<{ points: Point[] }>('points').flatMap((e) => e.points),
        ...resumed.of<{ points: Point[] }>('points').flatMap((e) => e.points),
      ].map((p) => p.t);
      expect(got.sort((x, y) => x - y)).toEqual(run(0, 50).map((p) => p.t));
    } finally {
      resumed.close();
    }
  });

  it('ends on save: viewers get the saved event with the activity id', async () => {
    const id = await activity(who.ann!);
    const points = run(0, 60);
    await post(who.ann!, id, 0, points);
    const ticket = (await api(who.ben!, 'POST', 'notifications/stream-ticket')).json().ticket;
    const stream = await openStream(`${base}/activities/${id}/live/stream?ticket=${ticket}`);
    try {
      await vi.waitFor(() => expect(stream.of('snapshot')).toHaveLength(1));
      const saved = await api(who.ann!, 'PUT', `activities/${id}/recording`, {
        sport_type: 'Run',
        events: [
          { kind: 'START', at: new Date(T0 * 1000).toISOString() },
          { kind: 'STOP', at: new Date((T0 + 60) * 1000).toISOString() },
        ],
        points,
      });
      expect(saved.statusCode, saved.body).toBe(200);
      await vi.waitFor(() =>
        expect(stream.of('state')).toMatchObject([{ state: 'saved', activity_id: id }]),
      );
    } finally {
      stream.close();
    }
    const after = (await view(who.ben!, id)).json().snapshot;
    expect(after).toMatchObject({ state: 'saved', saved_activity_id: id, points: [] });
    expect(
      (await api(who.ann!, 'POST', `activities/${id}/live`, { seq: 9, points: run(60, 61) }))
        .statusCode,
    ).toBe(409);
  });

  it('ends when the owner stops sharing', async () => {
    const id = await activity(who.ann!);
    await post(who.ann!, id, 0, run(0, 10));
    expect((await api(who.ann!, 'DELETE', `activities/${id}/live`)).statusCode).toBe(204);
    const snap = (await view(who.ben!, id)).json().snapshot;
    expect(snap).toMatchObject({ state: 'ended', points: [] });
    expect((await api(who.ben!, 'DELETE', `activities/${id}/live`)).statusCode).toBe(404);
  });
});

describe.each(TARGETS)('live sessions after silence on $name', (target) => {
  it('ends a session nobody posts to after its time to live', async () => {
    const lease = await target.database.lease();
    const ns = target.redis ? redisNamespace(REDIS_URL!) : undefined;
    const t = await startTestApp(
      lease,
      ns ? { REDIS_URL: REDIS_URL!, STRIDE_REDIS_PREFIX: ns.prefix } : {},
      { liveTtlMs: TTL_MS },
    );
    try {
      const api = apiAs(t);
      const ann = await signUp(t.app, 'ann');
      const id = randomUUID();
      await api(ann, 'POST', 'activities', { id, sport_type: 'Run' });
      expect(
        (await api(ann, 'POST', `activities/${id}/live`, { seq: 0, points: run(0, 5) })).statusCode,
      ).toBe(200);
      expect((await api(ann, 'GET', `activities/${id}/live`)).statusCode).toBe(200);
      await vi.waitFor(
        async () => expect((await api(ann, 'GET', `activities/${id}/live`)).statusCode).toBe(404),
        { timeout: 20_000, interval: 200 },
      );
    } finally {
      await t.close();
      await ns?.release();
      await lease.release();
    }
  });
});

describe.runIf(REDIS_URL && postgres)(
  'live tracking across processes (PostgreSQL and Redis)',
  () => {
    const processes = useTwoProcesses(postgres!, { streamHeartbeatMs: 100 });

    it('brings a batch posted on one process to a viewer on another', async () => {
      const a = processes.one;
      const b = processes.two;
      const ann = await signUp(a.app, 'ann');
      const id = randomUUID();
      await apiAs(a)(ann, 'POST', 'activities', { id, sport_type: 'Run' });
      await apiAs(a)(ann, 'POST', `activities/${id}/live`, { seq: 0, points: run(0, 5) });
      const { token } = (await apiAs(a)(ann, 'POST', `activities/${id}/live/links`, {})).json();
      const port = (b.app.server.address() as AddressInfo).port;
      const stream = await openStream(`http://127.0.0.1:${port}/api/v1/live/${token}/stream`);
      try {
        await vi.waitFor(() => expect(stream.of('snapshot')).toHaveLength(1));
        await apiAs(a)(ann, 'POST', `activities/${id}/live`, { seq: 1, points: run(5, 10) });
        await vi.waitFor(
          () =>
            expect(
              stream.of<{ points: Point[] }>('points').flatMap((e) => e.points.map((p) => p.t)),
            ).toEqual(run(5, 10).map((p) => p.t)),
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        stream.close();
      }
    });
  },
);

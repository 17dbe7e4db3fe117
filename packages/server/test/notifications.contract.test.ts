/**
 * Notifications, on every database: each kind made by its event (kudos and comments emitted
 * through the EventHub as their feature raises them; follows, PRs and KOMs through the API),
 * none for one's own actions or from a blocked athlete, grouping, unread counts and marking
 * read, settings, the live stream and Web Push to a local push service. With PostgreSQL and
 * Redis, a notification made in a worker process reaches a stream open on another process.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { routeLine } from '../src/demo/route-activity.js';
import type { StrideEvents } from '../src/platform/events/event-hub.js';
import {
  DATABASES,
  type DatabaseLease,
  REDIS_URL,
  startTestApp,
  type TestApp,
  useTwoProcesses,
} from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import {
  browserKeys,
  checkVapid,
  decryptPush,
  openStream,
  startPushService,
} from './notification-helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';
import { apiAs, recordRun } from './social-helpers.js';

interface Item {
  id: string;
  kind: string;
  read: boolean;
  text: string;
  url: string;
  actors: Array<{ id: string; handle: string; display_name: string }>;
  actor_count: number;
  activity: { id: string; name: string | null } | null;
  segment: { id: string; name: string } | null;
  elapsed_time: number | null;
}

const now = () => Math.floor(Date.now() / 1000);

describe.each(DATABASES)('notifications on $name', (database) => {
  let lease: DatabaseLease;
  let t: TestApp;
  let push: Awaited<ReturnType<typeof startPushService>>;
  const api = apiAs({
    get app() {
      return t.app;
    },
  });
  const who: Record<string, SignedIn> = {};
  const drain = () => t.stride.worker.drain();

  beforeAll(async () => {
    push = await startPushService();
    lease = await database.lease();
    t = await startTestApp(
      lease,
      { STRIDE_PUSH_HOSTS: '127.0.0.1', STRIDE_PUSH_SUBJECT: 'mailto:club@example.org' },
      { pushAgent: push.agent, streamHeartbeatMs: 100 },
    );
    for (const h of ['ann', 'ben', 'cat', 'dan', 'eve', 'fay', 'gus', 'hal'])
      who[h] = await signUp(t.app, h, { display_name: h[0]!.toUpperCase() + h.slice(1) });
  });
  afterAll(async () => {
    await t?.close();
    await lease?.release();
    await push?.close();
  });

  /**
   * Raises an event as its feature does: inside a transaction (kudos with their row). Kudos
   * are announced by a job after their commit: it runs before this returns.
   */
  async function emit<N extends 'kudos.given' | 'comment.added'>(
    name: N,
    event: StrideEvents[N][1],
  ) {
    const { db, events } = t.stride.platform;
    await db.transaction().execute(async (tx) => {
      if (name === 'kudos.given') {
        const k = event as StrideEvents['kudos.given'][1];
        await tx
          .insertInto('kudos')
          .values({ activity_id: k.activityId, athlete_id: k.giverId })
          .onConflict((c) => c.doNothing())
          .execute();
      }
      await events.emit(name, ...([tx, event] as unknown as StrideEvents[N]));
    });
    if (name === 'kudos.given') await drain();
  }
  const list = async (w: SignedIn, query = '') => {
    const res = await api(w, 'GET', `notifications${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Item[]; next_cursor: string | null };
  };
  const unread = async (w: SignedIn) =>
    (await api(w, 'GET', 'notifications/unread-count')).json().unread_count as number;
  const readAll = (w: SignedIn) => api(w, 'POST', 'notifications/read', { all: true });

  it('tells an athlete of a new follower, a follow request and its acceptance', async () => {
    expect((await api(who.ben!, 'PUT', 'athletes/ann/follow')).json().state).toBe('following');
    // Following again is no news.
    await api(who.ben!, 'PUT', 'athletes/ann/follow');
    const [follower, ...rest] = (await list(who.ann!)).items;
    expect(rest).toEqual([]);
    expect(follower).toMatchObject({
      kind: 'follower',
      read: false,
      text: 'Ben started following you',
      url: '/athletes/ben',
      actor_count: 1,
      actors: [{ id: who.ben!.id, handle: 'ben', display_name: 'Ben' }],
    });
    // The follower did it: nothing for them.
    expect((await list(who.ben!)).items).toEqual([]);

    await api(who.cat!, 'PATCH', 'me', { approve_followers: true });
    expect((await api(who.dan!, 'PUT', 'athletes/cat/follow')).json().state).toBe('requested');
    expect((await list(who.cat!)).items).toMatchObject([
      { kind: 'follow_request', text: 'Dan asked to follow you' },
    ]);
    expect((await api(who.cat!, 'POST', 'me/follow-requests/dan/accept')).statusCode).toBe(204);
    expect((await list(who.dan!)).items).toMatchObject([
      { kind: 'follow_accepted', text: 'Cat accepted your follow request', url: '/athletes/cat' },
    ]);
    // Turning approval off accepts what waits, and says so too.
    await api(who.eve!, 'PUT', 'athletes/cat/follow');
    await api(who.cat!, 'PATCH', 'me', { approve_followers: false });
    expect((await list(who.eve!)).items.map((i) => i.kind)).toEqual(['follow_accepted']);
  });

  it('groups kudos on one activity while unread: the latest actors and how many', async () => {
    const run = await recordRun(t.app, who.fay!, 'everyone', 1);
    const name = (await api(who.fay!, 'GET', `activities/${run}`)).json().name as string;
    for (const giver of ['gus', 'hal', 'ann', 'ben'])
      await emit('kudos.given', { activityId: run, ownerId: who.fay!.id, giverId: who[giver]!.id });
    // The same athlete again adds nobody.
    await emit('kudos.given', { activityId: run, ownerId: who.fay!.id, giverId: who.gus!.id });
    const [item, ...others] = (await list(who.fay!)).items;
    expect(others).toEqual([]);
    expect(item).toMatchObject({
      kind: 'kudos',
      actor_count: 4,
      activity: { id: run, name },
      url: `/activities/${run}`,
      text: `Ben and 3 others gave kudos to ${name}`,
    });
    expect(item!.actors.map((a) => a.handle)).toEqual(['ben', 'ann', 'hal']);
    expect(await unread(who.fay!)).toBe(1);

    // Once read, the next kudos starts a new item.
    await readAll(who.fay!);
    await emit('kudos.given', { activityId: run, ownerId: who.fay!.id, giverId: who.cat!.id });
    const after = (await list(who.fay!)).items;
    expect(after.map((i) => [i.kind, i.read, i.actor_count])).toEqual([
      ['kudos', false, 1],
      ['kudos', true, 4],
    ]);
    expect(after[0]!.text).toBe(`Cat gave kudos to ${name}`);
  });

  it('tells the owner of a comment and the athletes it mentions who may read it', async () => {
    const open = await recordRun(t.app, who.gus!, 'followers', 2);
    await api(who.hal!, 'PUT', 'athletes/gus/follow');
    const commentId = '6f1c7c1e-8d4b-4d7a-9a51-0c3f0b6f2a01';
    await emit('comment.added', {
      activityId: open,
      ownerId: who.gus!.id,
      authorId: who.hal!.id,
      commentId,
      // Gus is told of the comment already; Hal wrote it; Dan may not see it.
      mentionedIds: [who.gus!.id, who.hal!.id, who.dan!.id],
    });
    await api(who.ann!, 'PUT', 'athletes/gus/follow');
    await emit('comment.added', {
      activityId: open,
      ownerId: who.gus!.id,
      authorId: who.hal!.id,
      commentId: '6f1c7c1e-8d4b-4d7a-9a51-0c3f0b6f2a02',
      mentionedIds: [who.ann!.id],
    });
    const gus = (await list(who.gus!)).items.filter((i) => i.kind === 'comment');
    expect(gus).toHaveLength(1);
    expect(gus[0]!.text).toMatch(/^Hal commented on /);
    expect(gus[0]!.actor_count).toBe(1);
    expect((await list(who.dan!)).items.filter((i) => i.kind === 'mention')).toEqual([]);
    expect((await list(who.hal!)).items.filter((i) => i.kind === 'mention')).toEqual([]);
    expect((await list(who.ann!)).items.filter((i) => i.kind === 'mention')).toMatchObject([
      {
        text: expect.stringMatching(/^Hal mentioned you in a comment on /),
        url: `/activities/${open}`,
      },
    ]);
  });

  it('never notifies an athlete of their own action', async () => {
    const run = await recordRun(t.app, who.hal!, 'everyone', 3);
    await readAll(who.hal!);
    await emit('kudos.given', { activityId: run, ownerId: who.hal!.id, giverId: who.hal!.id });
    await emit('comment.added', {
      activityId: run,
      ownerId: who.hal!.id,
      authorId: who.hal!.id,
      commentId: '6f1c7c1e-8d4b-4d7a-9a51-0c3f0b6f2a03',
      mentionedIds: [who.hal!.id],
    });
    expect(await unread(who.hal!)).toBe(0);
  });

  it('never lets a blocked athlete cause a notification to the one who blocked them', async () => {
    const run = await recordRun(t.app, who.dan!, 'everyone', 4);
    await emit('kudos.given', { activityId: run, ownerId: who.dan!.id, giverId: who.eve!.id });
    await emit('kudos.given', { activityId: run, ownerId: who.dan!.id, giverId: who.fay!.id });
    await api(who.eve!, 'PUT', 'athletes/dan/follow');
    await readAll(who.dan!);
    expect((await api(who.dan!, 'PUT', 'me/blocks/eve')).statusCode).toBe(204);
    // What Eve caused before is gone; the kudos Fay gave with hers stays, without her.
    const items = (await list(who.dan!)).items;
    expect(items.flatMap((i) => i.actors.map((a) => a.handle))).not.toContain('eve');
    expect(items.find((i) => i.kind === 'kudos')).toMatchObject({ actor_count: 1 });
    expect(items.filter((i) => i.kind === 'follower')).toEqual([]);
    await emit('kudos.given', { activityId: run, ownerId: who.dan!.id, giverId: who.eve!.id });
    await emit('comment.added', {
      activityId: run,
      ownerId: who.dan!.id,
      authorId: who.eve!.id,
      commentId: '6f1c7c1e-8d4b-4d7a-9a51-0c3f0b6f2a04',
      mentionedIds: [],
    });
    expect(await unread(who.dan!)).toBe(0);
    // Nor the other way: Dan's actions tell Eve nothing either.
    const hers = await recordRun(t.app, who.eve!, 'everyone', 5);
    await readAll(who.eve!);
    await emit('kudos.given', { activityId: hers, ownerId: who.eve!.id, giverId: who.dan!.id });
    expect(await unread(who.eve!)).toBe(0);
  });

  it('counts unread items and marks some or all of them read', async () => {
    await readAll(who.ben!);
    const run = await recordRun(t.app, who.ben!, 'everyone', 6);
    await emit('kudos.given', { activityId: run, ownerId: who.ben!.id, giverId: who.fay!.id });
    await api(who.gus!, 'PUT', 'athletes/ben/follow');
    await api(who.hal!, 'PUT', 'athletes/ben/follow');
    const items = (await list(who.ben!)).items.filter((i) => !i.read);
    expect(items.map((i) => [i.kind, i.actor_count])).toEqual([
      ['follower', 2],
      ['kudos', 1],
    ]);
    expect(await unread(who.ben!)).toBe(2);
    const some = await api(who.ben!, 'POST', 'notifications/read', { ids: [items[1]!.id] });
    expect(some.statusCode, some.body).toBe(200);
    expect(some.json()).toEqual({ unread_count: 1 });
    expect((await list(who.ben!)).items.find((i) => i.id === items[1]!.id)?.read).toBe(true);
    expect((await readAll(who.ben!)).json()).toEqual({ unread_count: 0 });
    expect(await unread(who.ben!)).toBe(0);
  });

  it('pages newest first with a cursor', async () => {
    const all = (await list(who.fay!)).items;
    expect(all.length).toBeGreaterThanOrEqual(2);
    const first = await list(who.fay!, '?limit=1');
    expect(first.items.map((i) => i.id)).toEqual([all[0]!.id]);
    const second = await list(who.fay!, `?limit=1&cursor=${first.next_cursor}`);
    expect(second.items.map((i) => i.id)).toEqual([all[1]!.id]);
  });

  it('lets nobody else read or mark an athlete’s notifications', async () => {
    const [mine] = (await list(who.fay!)).items.filter((i) => !i.read);
    expect(mine).toBeDefined();
    const res = await api(who.gus!, 'POST', 'notifications/read', { ids: [mine!.id] });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.message).toContain(mine!.id);
    // Mixed with one of theirs: nothing is marked.
    const [theirs] = (await list(who.gus!)).items;
    expect(
      (await api(who.gus!, 'POST', 'notifications/read', { ids: [theirs!.id, mine!.id] }))
        .statusCode,
    ).toBe(404);
    expect((await list(who.gus!)).items.find((i) => i.id === theirs!.id)?.read).toBe(false);
    expect((await list(who.gus!)).items.map((i) => i.id)).not.toContain(mine!.id);
    expect((await list(who.fay!)).items.find((i) => i.id === mine!.id)?.read).toBe(false);
    expect((await t.app.inject({ url: '/api/v1/notifications' })).statusCode).toBe(401);
  });

  it('refuses bad requests with a 400 that says what is wrong', async () => {
    const bad = async (method: 'POST' | 'PATCH' | 'DELETE', path: string, body: object) => {
      const res = await api(who.ann!, method, path, body);
      expect(res.statusCode, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json().error.message).not.toBe('');
      return res.json().error as { message: string; details?: { fields: { field: string }[] } };
    };
    await bad('POST', 'notifications/read', {});
    await bad('POST', 'notifications/read', { all: true, ids: [who.ann!.id] });
    await bad('POST', 'notifications/read', { all: false });
    await bad('POST', 'notifications/read', { ids: ['nope'] });
    await bad('PATCH', 'me/notification-settings', { likes: { push: false } });
    await bad('PATCH', 'me/notification-settings', { kudos: { push: 'no' } });
    const keys = browserKeys().json(`${push.origin}/sub/x`);
    expect(
      (await bad('POST', 'push/subscriptions', { ...keys, endpoint: 'http://127.0.0.1/x' }))
        .message,
    ).toContain('https');
    expect(
      (await bad('POST', 'push/subscriptions', { ...keys, endpoint: 'https://internal.example/x' }))
        .details?.fields[0]?.field,
    ).toBe('body.endpoint');
    await bad('POST', 'push/subscriptions', { ...keys, keys: { ...keys.keys, auth: 'AAAA' } });
    await bad('POST', 'push/subscriptions', { ...keys, keys: { ...keys.keys, p256dh: '!!' } });
    await bad('DELETE', 'push/subscriptions', {});
  });

  it('stores nothing of a kind turned off in-app, and queues no push of one turned off', async () => {
    const sub = browserKeys();
    expect(
      (await api(who.cat!, 'POST', 'push/subscriptions', sub.json(`${push.origin}/sub/cat`)))
        .statusCode,
    ).toBe(204);
    const settings = await api(who.cat!, 'PATCH', 'me/notification-settings', {
      follower: { push: false },
      kudos: { in_app: false },
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(settings.json()).toMatchObject({
      follower: { in_app: true, push: false },
      kudos: { in_app: false, push: false },
      comment: { in_app: true, push: true },
    });
    expect((await api(who.cat!, 'GET', 'me/notification-settings')).json().kudos).toEqual({
      in_app: false,
      push: false,
    });
    await readAll(who.cat!);
    const run = await recordRun(t.app, who.cat!, 'everyone', 7);
    await emit('kudos.given', { activityId: run, ownerId: who.cat!.id, giverId: who.ann!.id });
    expect(await unread(who.cat!)).toBe(0);

    const before = push.received.length;
    await api(who.fay!, 'PUT', 'athletes/cat/follow');
    const [follower] = (await list(who.cat!)).items;
    expect(follower).toMatchObject({ kind: 'follower', read: false });
    const jobs = t.stride.platform.jobs;
    expect(await jobs.find('notifications.push', { notificationId: follower!.id })).toBeUndefined();
    expect(
      await jobs.find('notifications.deliver', { notificationId: follower!.id }),
    ).toBeDefined();
    await drain();
    expect(push.received.length).toBe(before);
    await api(who.cat!, 'DELETE', 'push/subscriptions', { endpoint: `${push.origin}/sub/cat` });
  });

  it('pushes to the athlete’s browsers, encrypted and signed, and drops one that is gone', async () => {
    const phone = browserKeys();
    const old = browserKeys();
    const key = (await t.app.inject({ url: '/api/v1/push/vapid-public-key' })).json().public_key;
    expect(Buffer.from(key, 'base64url')).toHaveLength(65);
    for (const [path, keys] of [
      ['/sub/gus-phone', phone],
      ['/gone/gus-old', old],
    ] as const) {
      const res = await api(who.gus!, 'POST', 'push/subscriptions', keys.json(push.origin + path));
      expect(res.statusCode, res.body).toBe(204);
    }
    // The same browser signed in as someone else moves to them, and back.
    await api(who.hal!, 'POST', 'push/subscriptions', phone.json(`${push.origin}/sub/gus-phone`));
    await api(who.gus!, 'POST', 'push/subscriptions', phone.json(`${push.origin}/sub/gus-phone`));
    const before = push.received.length;
    await api(who.eve!, 'PUT', 'athletes/gus/follow');
    await drain();
    const got = push.received.slice(before);
    expect(got.map((r) => r.path).sort()).toEqual(['/gone/gus-old', '/sub/gus-phone']);
    const delivered = got.find((r) => r.path === '/sub/gus-phone')!;
    expect(delivered.headers['content-encoding']).toBe('aes128gcm');
    expect(Number(delivered.headers.ttl)).toBeGreaterThan(0);
    const vapid = checkVapid(String(delivered.headers.authorization), push.origin);
    expect(vapid.publicKey).toBe(key);
    expect(vapid.claims.sub).toBe('mailto:club@example.org');
    const message = JSON.parse(decryptPush(delivered.body, phone));
    const [item] = (await list(who.gus!)).items;
    expect(message).toEqual({
      title: 'Stride',
      body: item!.text,
      url: '/athletes/eve',
      tag: item!.id,
    });
    expect(item!.text).toBe('Eve and 2 others started following you');

    // The 410 dropped the old browser: the next push goes to the phone only.
    const next = push.received.length;
    await readAll(who.gus!);
    await api(who.fay!, 'PUT', 'athletes/gus/follow');
    await drain();
    expect(push.received.slice(next).map((r) => r.path)).toEqual(['/sub/gus-phone']);
    const rows = await t.stride.platform.db
      .selectFrom('push_subscriptions')
      .select('endpoint')
      .where('athlete_id', '=', who.gus!.id)
      .execute();
    expect(rows.map((r) => r.endpoint)).toEqual([`${push.origin}/sub/gus-phone`]);
  });

  describe('the live stream', () => {
    let base: string;
    beforeAll(async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/api/v1`;
    });
    const ticket = async (w: SignedIn) => {
      const res = await api(w, 'POST', 'notifications/stream-ticket');
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().expires_in).toBe(60);
      return res.json().ticket as string;
    };

    it('sends the unread count, then each notification as it happens', async () => {
      await readAll(who.hal!);
      const stream = await openStream(
        `${base}/notifications/stream?ticket=${await ticket(who.hal!)}`,
      );
      try {
        expect(stream.res.status).toBe(200);
        expect(stream.res.headers.get('content-type')).toMatch(/^text\/event-stream/);
        expect(stream.res.headers.get('content-security-policy')).toContain("default-src 'self'");
        await vi.waitFor(() =>
          expect(stream.of('unread')).toEqual([{ type: 'unread', unread_count: 0 }]),
        );
        await api(who.ann!, 'PUT', 'athletes/hal/follow');
        await drain();
        await vi.waitFor(
          () =>
            expect(stream.of<{ item: Item; unread_count: number }>('notification')).toMatchObject([
              { item: { kind: 'follower', text: 'Ann started following you' }, unread_count: 1 },
            ]),
          { timeout: 10_000 },
        );
        // Heart-beats keep it open; marking read elsewhere updates the badge.
        await vi.waitFor(() => expect(stream.comments.length).toBeGreaterThan(0));
        await readAll(who.hal!);
        await vi.waitFor(() =>
          expect(stream.of('unread').at(-1)).toEqual({ type: 'unread', unread_count: 0 }),
        );
      } finally {
        stream.close();
      }
      await vi.waitFor(() => expect(t.stride.notifications.streams.size).toBe(0));
    });

    it('opens only with a valid ticket, and ends when the session is signed out', async () => {
      for (const bad of ['nope', who.hal!.token, `${await ticket(who.hal!)}x`]) {
        const res = await fetch(`${base}/notifications/stream?ticket=${encodeURIComponent(bad)}`);
        expect(res.status).toBe(401);
        expect((await res.json()).error.code).toBe('INVALID_TOKEN');
      }
      expect((await fetch(`${base}/notifications/stream`)).status).toBe(400);
      // A ticket cannot stand in for an access token either.
      const t1 = await ticket(who.hal!);
      expect(
        (await fetch(`${base}/notifications`, { headers: { authorization: `Bearer ${t1}` } }))
          .status,
      ).toBe(401);

      const login = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'hal', password: 'password123' },
      });
      const session = login.json();
      const signedIn = {
        ...who.hal!,
        headers: { authorization: `Bearer ${session.access_token}` },
      };
      const stream = await openStream(
        `${base}/notifications/stream?ticket=${await ticket(signedIn)}`,
      );
      expect(stream.res.status).toBe(200);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        payload: { refresh_token: session.refresh_token },
      });
      await stream.done;
      expect(t.stride.notifications.streams.size).toBe(0);
    });
  });

  it('announces a PR, a KOM won and the KOM lost, once each', async () => {
    const seg = segmentApi(() => t.app, drain);
    const start = now() - 6 * 3600;
    const line = routeLine(ROUTE, 600, 2200);
    const created = await seg.createSegment(who.ann!, {
      name: 'Quai climb',
      sport_type: 'Run',
      points: line,
    });
    expect(created.statusCode, created.body).toBe(201);
    const segmentId = created.json().id as string;
    await readAll(who.ann!);
    await readAll(who.ben!);
    // Best-effort records of these runs are another kind's news: off for this test.
    for (const h of [who.ann!, who.ben!])
      await api(h, 'PATCH', 'me/notification-settings', { best_effort_pr: { in_app: false } });
    await seg.upload(who.ann!, { seed: 1, speedMps: 2.6, startTime: start });
    // A first effort is no record; it takes the empty board's KOM.
    expect((await list(who.ann!)).items.filter((i) => !i.read).map((i) => i.kind)).toEqual([
      'kom_won',
    ]);
    const faster = await seg.upload(who.ann!, { seed: 2, speedMps: 3, startTime: start + 3600 });
    const annItems = (await list(who.ann!)).items.filter((i) => !i.read);
    expect(annItems.map((i) => i.kind).sort()).toEqual(['kom_won', 'kom_won', 'segment_pr']);
    const pr = annItems.find((i) => i.kind === 'segment_pr')!;
    const [effort] = await seg.efforts(faster, who.ann!);
    expect(pr).toMatchObject({
      segment: { id: segmentId, name: 'Quai climb' },
      elapsed_time: Math.round(effort!.elapsed_time),
      url: `/segments/${segmentId}`,
      actors: [],
    });
    expect(pr.text).toMatch(/^New PR on Quai climb \(\d+:\d\d\)$/);
    await readAll(who.ann!);

    await seg.upload(who.ben!, { seed: 3, speedMps: 3.6, startTime: start + 2 * 3600 });
    expect((await list(who.ben!)).items.filter((i) => !i.read).map((i) => i.kind)).toEqual([
      'kom_won',
    ]);
    const lost = (await list(who.ann!)).items.filter((i) => !i.read);
    expect(lost).toMatchObject([
      { kind: 'kom_lost', actors: [{ handle: 'ben' }], segment: { id: segmentId } },
    ]);
    expect(lost[0]!.text).toMatch(/^Ben took your KOM on Quai climb/);

    // Matching the activities again (a privacy change does) announces nothing new.
    await readAll(who.ann!);
    await readAll(who.ben!);
    await api(who.ann!, 'POST', 'me/privacy-zones', { lat: 10, lng: 10, radius: 500 });
    await api(who.ben!, 'POST', 'me/privacy-zones', { lat: 10, lng: 10, radius: 500 });
    await drain();
    expect(await unread(who.ann!)).toBe(0);
    expect(await unread(who.ben!)).toBe(0);
  });
});

describe('closing the server', () => {
  it('ends the open streams rather than waiting for their clients', async () => {
    const lease = await DATABASES[0]!.lease();
    const t = await startTestApp(lease);
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const ann = await signUp(t.app, 'ann');
      const ticket = await t.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/stream-ticket',
        headers: ann.headers,
      });
      const port = (t.app.server.address() as AddressInfo).port;
      const stream = await openStream(
        `http://127.0.0.1:${port}/api/v1/notifications/stream?ticket=${ticket.json().ticket}`,
      );
      await vi.waitFor(() => expect(stream.of('unread')).toHaveLength(1));
      await t.app.close();
      await stream.done;
      expect(t.stride.notifications.streams.size).toBe(0);
    } finally {
      await t.close();
      await lease.release();
    }
  });
});

describe.runIf(REDIS_URL && DATABASES.some((d) => d.name === 'postgres'))(
  'notifications across processes (PostgreSQL and Redis)',
  () => {
    const processes = useTwoProcesses(DATABASES.find((d) => d.name === 'postgres')!);

    it('delivers a notification made by a worker process to a stream on an API process', async () => {
      const worker = processes.one;
      const api = processes.two;
      const ann = await signUp(api.app, 'ann');
      const ben = await signUp(api.app, 'ben');
      const ticket = await api.app.inject({
        method: 'POST',
        url: '/api/v1/notifications/stream-ticket',
        headers: ann.headers,
      });
      const port = (api.app.server.address() as AddressInfo).port;
      const stream = await openStream(
        `http://127.0.0.1:${port}/api/v1/notifications/stream?ticket=${ticket.json().ticket}`,
      );
      try {
        await vi.waitFor(() => expect(stream.of('unread')).toHaveLength(1));
        // Ben follows through the worker's process, whose jobs deliver it (the API process
        // runs none).
        const follow = await worker.app.inject({
          method: 'PUT',
          url: '/api/v1/athletes/ann/follow',
          headers: ben.headers,
        });
        expect(follow.statusCode, follow.body).toBe(200);
        expect(await worker.stride.worker.drain()).toBeGreaterThan(0);
        await vi.waitFor(
          () =>
            expect(stream.of('notification')).toMatchObject([
              { item: { kind: 'follower', text: 'ben started following you' }, unread_count: 1 },
            ]),
          { timeout: 10_000, interval: 50 },
        );
      } finally {
        stream.close();
      }
    });
  },
);

/**
 * Kudos and comments on activities, on every database: idempotent kudos with exact counts
 * under concurrency, comment threads and who may delete what, mentions told as notifications,
 * the activity's visibility applied to every read and write, and the counts on summaries.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { apiAs, recordRun } from './social-helpers.js';

interface Comment {
  id: string;
  text: string;
  athlete: { id: string; handle: string };
  mentions: Array<{ handle: string; athlete_id: string }>;
  can_delete: boolean;
}

describe.each(DATABASES)('kudos and comments on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  const who: Record<string, SignedIn> = {};
  let pub: string;
  let followersOnly: string;
  let day = 0;

  beforeAll(async () => {
    for (const h of ['ann', 'ben', 'cat', 'dan', 'eve'])
      who[h] = await signUp(t.app, h, { display_name: h[0]!.toUpperCase() + h.slice(1) });
    // Ben and Dan follow Ann; Cat does not; Ann blocks Dan.
    for (const f of ['ben', 'dan'])
      expect((await api(who[f]!, 'PUT', 'athletes/ann/follow')).statusCode).toBeLessThan(300);
    pub = await recordRun(t.app, who.ann!, 'everyone', day++);
    followersOnly = await recordRun(t.app, who.ann!, 'followers', day++);
    expect((await api(who.ann!, 'PUT', 'me/blocks/dan')).statusCode).toBe(204);
  });

  const summary = async (viewer: SignedIn | undefined, id: string) => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${id}`,
      headers: viewer?.headers ?? {},
    });
    expect(res.statusCode, res.body).toBe(200);
    const { kudos_count, comment_count, has_kudoed } = res.json();
    return { kudos_count, comment_count, has_kudoed };
  };
  const comments = async (viewer: SignedIn, id: string, query = '') => {
    const res = await api(viewer, 'GET', `activities/${id}/comments${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Comment[]; next_cursor: string | null };
  };

  it('gives and takes back kudos idempotently, answering the count', async () => {
    const give = await api(who.ben!, 'PUT', `activities/${pub}/kudos`);
    expect(give.statusCode, give.body).toBe(200);
    expect(give.json()).toMatchObject({ kudos_count: 1, has_kudoed: true });
    expect((await api(who.ben!, 'PUT', `activities/${pub}/kudos`)).json()).toMatchObject({
      kudos_count: 1,
      has_kudoed: true,
    });
    expect(await summary(who.ben!, pub)).toEqual({
      kudos_count: 1,
      comment_count: 0,
      has_kudoed: true,
    });
    expect(await summary(who.cat!, pub)).toMatchObject({ kudos_count: 1, has_kudoed: false });
    expect(await summary(undefined, pub)).toMatchObject({ kudos_count: 1, has_kudoed: false });

    const back = await api(who.ben!, 'DELETE', `activities/${pub}/kudos`);
    expect(back.json()).toMatchObject({ kudos_count: 0, has_kudoed: false });
    expect((await api(who.ben!, 'DELETE', `activities/${pub}/kudos`)).json()).toMatchObject({
      kudos_count: 0,
      has_kudoed: false,
    });
  });

  it('refuses kudos to your own activity with a message', async () => {
    const res = await api(who.ann!, 'PUT', `activities/${pub}/kudos`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('you cannot give kudos to your own activity');
  });

  it('counts 50 athletes giving kudos at once, each twice, exactly', async () => {
    const run = await recordRun(t.app, who.eve!, 'everyone', day++);
    const givers: SignedIn[] = [];
    for (let i = 0; i < 50; i++) givers.push(await signUp(t.app, `fan${i}`));
    const answers = await Promise.all(
      [...givers, ...givers].map((g) => api(g, 'PUT', `activities/${run}/kudos`)),
    );
    for (const a of answers) expect(a.statusCode, a.body).toBe(200);
    expect(await summary(who.eve!, run)).toMatchObject({ kudos_count: 50 });

    // Newest first, a page at a time, every giver once.
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const res = await api(who.cat!, 'GET', `activities/${run}/kudos?limit=20${cursor}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      seen.push(...page.items.map((k: { athlete: { handle: string } }) => k.athlete.handle));
      if (!page.next_cursor) break;
      cursor = `&cursor=${page.next_cursor}`;
    }
    expect(seen.sort()).toEqual(givers.map((g) => g.handle).sort());

    // Half take theirs back at once, twice each.
    const half = givers.slice(0, 25);
    await Promise.all([...half, ...half].map((g) => api(g, 'DELETE', `activities/${run}/kudos`)));
    expect(await summary(who.eve!, run)).toMatchObject({ kudos_count: 25 });
  });

  it('keeps a thread: add, list oldest first, delete own; the owner deletes any', async () => {
    const run = await recordRun(t.app, who.ann!, 'everyone', day++);
    const post = (w: SignedIn, text: string) =>
      api(w, 'POST', `activities/${run}/comments`, { text });
    const first = await post(who.ben!, '  Great run!  ');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ text: 'Great run!', can_delete: true, mentions: [] });
    await post(who.cat!, 'Nice pace');
    await post(who.ann!, 'Thanks both');

    const all = (await comments(who.ben!, run)).items;
    expect(all.map((c) => c.text)).toEqual(['Great run!', 'Nice pace', 'Thanks both']);
    expect(all.map((c) => c.can_delete)).toEqual([true, false, false]);
    const pageOne = await comments(who.ben!, run, '?limit=2');
    expect(pageOne.items).toHaveLength(2);
    const pageTwo = await comments(who.ben!, run, `?limit=2&cursor=${pageOne.next_cursor}`);
    expect(pageTwo.items.map((c) => c.text)).toEqual(['Thanks both']);
    expect(await summary(who.ben!, run)).toMatchObject({ comment_count: 3 });

    const [ben, cat, ann] = all as [Comment, Comment, Comment];
    // Cat may not delete Ben's or Ann's.
    expect((await api(who.cat!, 'DELETE', `activities/${run}/comments/${ben.id}`)).statusCode).toBe(
      403,
    );
    expect((await api(who.cat!, 'DELETE', `activities/${run}/comments/${ann.id}`)).statusCode).toBe(
      403,
    );
    // Ben deletes his own; Ann, the owner, deletes Cat's.
    expect((await api(who.ben!, 'DELETE', `activities/${run}/comments/${ben.id}`)).statusCode).toBe(
      204,
    );
    expect((await api(who.ann!, 'DELETE', `activities/${run}/comments/${cat.id}`)).statusCode).toBe(
      204,
    );
    expect((await api(who.ann!, 'DELETE', `activities/${run}/comments/${cat.id}`)).statusCode).toBe(
      404,
    );
    expect((await comments(who.cat!, run)).items.map((c) => c.text)).toEqual(['Thanks both']);
    expect(await summary(who.ann!, run)).toMatchObject({ comment_count: 1 });
  });

  it('tells a mentioned athlete, and shows who the mentions name', async () => {
    const run = await recordRun(t.app, who.ann!, 'everyone', day++);
    const res = await api(who.ben!, 'POST', `activities/${run}/comments`, {
      text: 'Look @Cat, https://example.com/route and @nobody_here',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().mentions).toEqual([{ handle: 'cat', athlete_id: who.cat!.id }]);
    const items = (await api(who.cat!, 'GET', 'notifications')).json().items;
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'mention',
          comment_id: res.json().id,
          text: expect.stringMatching(/^Ben mentioned you in a comment on /),
        }),
      ]),
    );
    expect(
      (await api(who.ann!, 'GET', 'notifications'))
        .json()
        .items.map((i: { kind: string }) => i.kind),
    ).toContain('comment');
  });

  it('refuses empty and too long comments with a 400 that says why', async () => {
    const empty = await api(who.ben!, 'POST', `activities/${pub}/comments`, { text: ' \n ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('body.text needs some text');
    const long = await api(who.ben!, 'POST', `activities/${pub}/comments`, {
      text: 'x'.repeat(1001),
    });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/at most 1000 characters; this one has 1001/);
    const missing = await api(who.ben!, 'POST', `activities/${pub}/comments`, {});
    expect(missing.statusCode).toBe(400);
  });

  it('hides kudos and comments from the blocked and from non-followers of followers-only activities', async () => {
    const asDan = [
      api(who.dan!, 'PUT', `activities/${pub}/kudos`),
      api(who.dan!, 'DELETE', `activities/${pub}/kudos`),
      api(who.dan!, 'GET', `activities/${pub}/kudos`),
      api(who.dan!, 'GET', `activities/${pub}/comments`),
      api(who.dan!, 'POST', `activities/${pub}/comments`, { text: 'hi' }),
    ];
    for (const r of await Promise.all(asDan)) expect(r.statusCode, r.body).toBe(404);
    const asCat = [
      api(who.cat!, 'PUT', `activities/${followersOnly}/kudos`),
      api(who.cat!, 'GET', `activities/${followersOnly}/kudos`),
      api(who.cat!, 'GET', `activities/${followersOnly}/comments`),
      api(who.cat!, 'POST', `activities/${followersOnly}/comments`, { text: 'hi' }),
    ];
    for (const r of await Promise.all(asCat)) expect(r.statusCode, r.body).toBe(404);
    const anonymous = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${followersOnly}/comments`,
    });
    expect(anonymous.statusCode).toBe(404);
    const anonymousPublic = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${pub}/kudos`,
    });
    expect(anonymousPublic.statusCode).toBe(200);
    // A follower may.
    expect((await api(who.ben!, 'PUT', `activities/${followersOnly}/kudos`)).statusCode).toBe(200);
  });

  it('answers the 11th comment in a minute with 429 and Retry-After', async () => {
    const chatty = await signUp(t.app, 'chatty');
    for (let i = 0; i < 10; i++) {
      const r = await api(chatty, 'POST', `activities/${pub}/comments`, { text: `#${i}` });
      expect(r.statusCode, r.body).toBe(201);
    }
    const eleventh = await api(chatty, 'POST', `activities/${pub}/comments`, { text: 'more' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('RATE_LIMITED');
    expect(eleventh.json().error.message).toMatch(/at most 10 per minute/);
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    // Another athlete is not held back by it.
    const other = await api(who.eve!, 'POST', `activities/${pub}/comments`, { text: 'hello' });
    expect(other.statusCode).toBe(201);
  });

  it('shows counts and the viewer’s kudos in the friends feed', async () => {
    const run = await recordRun(t.app, who.ann!, 'everyone', day++);
    await api(who.ben!, 'PUT', `activities/${run}/kudos`);
    await api(who.cat!, 'PUT', `activities/${run}/kudos`);
    await api(who.cat!, 'POST', `activities/${run}/comments`, { text: 'Fast!' });
    // The feed fills by fan-out jobs.
    await t.stride.worker.drain();
    const feed = await api(who.ben!, 'GET', 'activities?mode=FRIENDS&limit=50');
    expect(feed.statusCode, feed.body).toBe(200);
    const items = feed.json().items as Array<Record<string, unknown>>;
    expect(items.find((i) => i.id === run)).toMatchObject({
      kudos_count: 2,
      comment_count: 1,
      has_kudoed: true,
    });
    const ownFeed = (await api(who.ann!, 'GET', 'activities?mode=FRIENDS&limit=50')).json();
    expect(ownFeed.items.find((i: { id: string }) => i.id === run)).toMatchObject({
      kudos_count: 2,
      has_kudoed: false,
    });
  });

  it('removes kudos and comments with their activity, and with an account', async () => {
    const run = await recordRun(t.app, who.ann!, 'everyone', day++);
    await api(who.ben!, 'PUT', `activities/${run}/kudos`);
    await api(who.ben!, 'POST', `activities/${run}/comments`, { text: 'bye' });
    const leaver = await signUp(t.app, 'leaver');
    await api(leaver, 'PUT', `activities/${run}/kudos`);
    await api(leaver, 'POST', `activities/${run}/comments`, { text: 'gone soon' });
    expect(await summary(who.ann!, run)).toMatchObject({ kudos_count: 2, comment_count: 2 });

    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: leaver.headers,
      payload: { password: 'password123' },
    });
    expect(gone.statusCode, gone.body).toBeLessThan(300);
    expect(await summary(who.ann!, run)).toMatchObject({ kudos_count: 1, comment_count: 1 });

    expect((await api(who.ann!, 'DELETE', `activities/${run}`)).statusCode).toBe(204);
    const { db } = t.stride.platform;
    for (const table of ['kudos', 'comments', 'activity_social_counts'] as const) {
      const rows = await db
        .selectFrom(table)
        .select('activity_id')
        .where('activity_id', '=', run)
        .execute();
      expect(rows, table).toEqual([]);
    }
  });
});

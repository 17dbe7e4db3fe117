/**
 * The friends feed by fan-out on write: who gets an activity in their inbox, when (fan-out,
 * back-fill), when it leaves (only-me, unfollow, block, deletion), and the hybrid read of
 * athletes with more followers than the threshold.
 */
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { apiAs, daysAgo, feedIds, recordRun } from './social-helpers.js';

describe.each(DATABASES)('the friends feed on $name', (database) => {
  const t = useTestApp(database, { STRIDE_FEED_FANOUT_MAX_FOLLOWERS: '3' });
  const api = apiAs(t);
  let ann: SignedIn;
  let ben: SignedIn;
  let cat: SignedIn;
  let dan: SignedIn;

  const drain = () => t.stride.worker.drain();
  const inbox = async (who: SignedIn) =>
    (
      await t.stride.platform.db
        .selectFrom('feed_items')
        .select('activity_id')
        .where('owner_id', '=', who.id)
        .execute()
    ).map((r) => r.activity_id);
  const follow = async (who: SignedIn, whom: SignedIn) =>
    expect((await api(who, 'PUT', `athletes/${whom.handle}/follow`)).statusCode).toBe(200);
  const run = async (
    who: SignedIn,
    visibility: 'everyone' | 'followers' | 'only_me',
    day: number,
  ) => {
    const id = await recordRun(t.app, who, visibility, day);
    await drain();
    return id;
  };

  beforeAll(async () => {
    [ann, ben, cat, dan] = await Promise.all(
      ['feedann', 'feedben', 'feedcat', 'feeddan'].map((h) => signUp(t.app, h)),
    );
    await follow(ben, ann);
    await follow(cat, ann);
  });

  it('fans an activity out to followers only, and keeps every visibility in its own inbox', async () => {
    const open = await run(ann, 'everyone', daysAgo(3));
    const mine = await run(ann, 'only_me', daysAgo(2));
    const friends = await run(ann, 'followers', daysAgo(1));
    expect(await inbox(ann)).toEqual(expect.arrayContaining([open, mine, friends]));
    for (const who of [ben, cat]) {
      expect((await inbox(who)).sort()).toEqual([open, friends].sort());
      expect(await feedIds(t, who)).toEqual([friends, open]);
    }
    expect(await inbox(dan)).toEqual([]);
    expect(await feedIds(t, ann)).toEqual([friends, mine, open]);
    // Cards name the town the run started in, as the viewer sees its start.
    const card = (await api(ben, 'GET', 'activities?mode=FRIENDS&limit=1')).json().items[0];
    expect(card).toMatchObject({ location_city: 'Lyon', location_country: 'France' });
  });

  it('back-fills a new follow with the latest activities the follower may see, old ones too', async () => {
    const old = await run(ann, 'everyone', daysAgo(45));
    await follow(dan, ann);
    await drain();
    const got = await inbox(dan);
    expect(got).toContain(old);
    const seenByBen = await feedIds(t, ben);
    expect(got.sort()).toEqual([...seenByBen].sort());
    expect(await feedIds(t, dan)).toEqual(seenByBen);
  });

  it('back-fills followers-only activities only once a request is approved', async () => {
    const eve = await signUp(t.app, 'feedeve');
    const fay = await signUp(t.app, 'feedfay');
    expect((await api(eve, 'PATCH', 'me', { approve_followers: true })).statusCode).toBe(200);
    const hidden = await run(eve, 'followers', daysAgo(1));
    expect((await api(fay, 'PUT', `athletes/${eve.handle}/follow`)).json()).toEqual({
      state: 'requested',
    });
    await drain();
    expect(await inbox(fay)).toEqual([]);
    expect((await api(eve, 'POST', `me/follow-requests/${fay.handle}/accept`)).statusCode).toBe(
      204,
    );
    await drain();
    expect(await inbox(fay)).toEqual([hidden]);
    expect(await feedIds(t, fay)).toEqual([hidden]);
  });

  it('takes an activity out of followers’ inboxes when it becomes only-me, and back in after', async () => {
    const id = await run(ann, 'everyone', daysAgo(0));
    expect(await inbox(ben)).toContain(id);
    expect(
      (await api(ann, 'PATCH', `activities/${id}`, { visibility: 'only_me' })).statusCode,
    ).toBe(200);
    expect(await inbox(ben)).not.toContain(id);
    expect(await feedIds(t, ben)).not.toContain(id);
    expect(await feedIds(t, ann)).toContain(id);
    expect(
      (await api(ann, 'PATCH', `activities/${id}`, { visibility: 'everyone' })).statusCode,
    ).toBe(200);
    await drain();
    expect(await inbox(ben)).toContain(id);
  });

  it('empties an inbox of an athlete on unfollow and on a block, both ways', async () => {
    const annRuns = await feedIds(t, ann);
    expect(await inbox(cat)).not.toEqual([]);
    expect((await api(cat, 'DELETE', `athletes/${ann.handle}/follow`)).statusCode).toBe(204);
    expect(await inbox(cat)).toEqual([]);
    expect(await feedIds(t, cat)).toEqual([]);

    // Ann follows Dan too, then Dan blocks Ann: neither keeps the other's activities.
    await follow(ann, dan);
    const dans = await run(dan, 'everyone', daysAgo(1));
    expect(await inbox(ann)).toContain(dans);
    expect((await api(dan, 'PUT', `me/blocks/${ann.handle}`)).statusCode).toBe(204);
    expect(await inbox(ann)).not.toContain(dans);
    expect((await inbox(dan)).filter((id) => annRuns.includes(id))).toEqual([]);
    expect(await feedIds(t, dan)).toEqual([dans]);
  });

  it('removes a deleted activity from every inbox', async () => {
    const id = await run(ann, 'everyone', daysAgo(0));
    expect(await inbox(ben)).toContain(id);
    expect((await api(ann, 'DELETE', `activities/${id}`)).statusCode).toBe(204);
    const left = await t.stride.platform.db
      .selectFrom('feed_items')
      .select('owner_id')
      .where('activity_id', '=', id)
      .execute();
    expect(left).toEqual([]);
  });

  it('reads an athlete with more followers than the threshold at feed time, in order with the inbox', async () => {
    // Gus gets four followers (threshold 3): his activities are not fanned out.
    const gus = await signUp(t.app, 'feedgus');
    const fans = await Promise.all(['feedf1', 'feedf2', 'feedf3'].map((h) => signUp(t.app, h)));
    for (const f of [ben, ...fans]) await follow(f, gus);
    await drain();
    const wide = await run(gus, 'everyone', daysAgo(2));
    const quiet = await run(gus, 'only_me', daysAgo(1));
    const wideAuthor = await t.stride.platform.db
      .selectFrom('feed_wide_authors')
      .select('follower_count')
      .where('athlete_id', '=', gus.id)
      .executeTakeFirst();
    expect(wideAuthor).toEqual({ follower_count: 4 });
    expect(await inbox(ben)).not.toContain(wide);
    // Ben's feed merges Gus's activity among Ann's by start time, page after page.
    const all = await feedIds(t, ben);
    expect(all).toContain(wide);
    expect(all).not.toContain(quiet);
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = (
        await api(ben, 'GET', `activities?mode=FRIENDS&limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      paged.push(...page.items.map((i: { id: string }) => i.id));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(paged).toEqual(all);
    const starts = await Promise.all(
      all.map(async (id) => (await api(ben, 'GET', `activities/${id}`)).json().start_date),
    );
    expect([...starts].sort().reverse()).toEqual(starts);

    // Back under the threshold, his next activity fans out, with the recent ones before it.
    expect((await api(fans[0]!, 'DELETE', `athletes/${gus.handle}/follow`)).statusCode).toBe(204);
    const next = await run(gus, 'everyone', daysAgo(0));
    expect(await inbox(ben)).toEqual(expect.arrayContaining([wide, next]));
    expect(await inbox(fans[1]!)).toEqual(expect.arrayContaining([wide, next]));
  });
});

describe.each(DATABASES)('feed fan-out batches on $name', (database) => {
  const t = useTestApp(database);

  it('fans out in batches of 1,000 followers, one job each', async () => {
    const drain = () => t.stride.worker.drain();
    const star = await signUp(t.app, 'feedstar');
    // 2,500 followers written straight into the database (signing them up would take minutes).
    await sql`
      insert into athletes (id, handle, email, password_hash, display_name)
      select gen_random_uuid(), 'fan' || n, 'fan' || n || '@example.com', 'x', 'Fan ' || n
      from generate_series(1, 2500) n`.execute(t.stride.platform.db);
    await sql`
      insert into follows (follower_id, followee_id)
      select id, ${star.id}::uuid from athletes where handle like 'fan%'`.execute(
      t.stride.platform.db,
    );
    const id = await recordRun(t.app, star, 'everyone', daysAgo(0));
    // Run the plan by hand to see it, then let the worker do it all (the plan runs again).
    await t.stride.worker.drain();
    const plan = await t.stride.feed.feed.planFanout(id);
    expect(plan).toEqual({ followers: 2500, batches: 3, wide: false });
    await drain();
    const rows = await t.stride.platform.db
      .selectFrom('feed_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('activity_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(2501);
  });
});

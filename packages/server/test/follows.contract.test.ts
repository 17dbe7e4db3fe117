import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

describe.each(DATABASES)('follows on $name', (database) => {
  let ann: SignedIn;
  let ben: SignedIn;
  let cal: SignedIn;

  const t = useTestApp(database);
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
    cal = await signUp(t.app, 'cal');
  });

  const req = (who: SignedIn, method: 'GET' | 'PUT' | 'DELETE', url: string) =>
    t.app.inject({ method, url: `/api/v1/athletes/${url}`, headers: who.headers });

  it('follows by handle or id, idempotently, and shows it on the profile', async () => {
    const first = await req(ann, 'PUT', 'ben/follow');
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ state: 'following' });
    expect((await req(ann, 'PUT', `${ben.id}/follow`)).json()).toEqual({ state: 'following' });
    const profile = (await req(ann, 'GET', 'ben')).json();
    expect(profile).toMatchObject({
      handle: 'ben',
      follower_count: 1,
      following_count: 0,
      followed: true,
      follow_state: 'following',
      approve_followers: false,
      blocked: false,
    });
    expect((await req(cal, 'GET', 'BEN')).json()).toMatchObject({
      followed: false,
      follow_state: 'none',
    });
  });

  it('refuses following yourself (422) and unknown athletes (404)', async () => {
    const self = await req(ann, 'PUT', 'ann/follow');
    expect(self.statusCode).toBe(422);
    expect(self.json().error.message).toBe('you cannot follow yourself');
    expect((await req(ann, 'PUT', 'nobody/follow')).statusCode).toBe(404);
  });

  it('lists followers and following with keyset pages, and unfollows', async () => {
    await req(cal, 'PUT', 'ben/follow');
    const page1 = (await req(ben, 'GET', 'ben/followers?limit=1')).json();
    expect(page1.items).toHaveLength(1);
    expect(page1.next_cursor).toBeTypeOf('string');
    const page2 = (
      await req(ben, 'GET', `ben/followers?limit=1&cursor=${page1.next_cursor}`)
    ).json();
    const handles = [...page1.items, ...page2.items]
      .map((i: { handle: string }) => i.handle)
      .sort();
    expect(handles).toEqual(['ann', 'cal']);
    expect(
      (await req(ben, 'GET', 'ann/following'))
        .json()
        .items.map((i: { handle: string }) => i.handle),
    ).toEqual(['ben']);

    expect((await req(ann, 'DELETE', 'ben/follow')).statusCode).toBe(204);
    expect((await req(ann, 'GET', 'ben')).json()).toMatchObject({
      follower_count: 1,
      followed: false,
    });
  });

  it('answers 400 for a cursor it did not issue, and 401 without a token', async () => {
    const bad = await req(ben, 'GET', 'ben/followers?cursor=zzz');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('querystring.cursor');
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/athletes/ben' })).statusCode).toBe(
      401,
    );
  });
});

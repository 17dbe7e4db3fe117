import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';

describe.each(DATABASES)('privacy settings on $name', (database) => {
  let ann: SignedIn;
  let ben: SignedIn;
  const t = useTestApp(database);
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
  });

  const zones = (who: SignedIn, method: 'GET' | 'POST' | 'DELETE', url = '', payload?: object) =>
    t.app.inject({
      method,
      url: `/api/v1/me/privacy-zones${url}`,
      headers: who.headers,
      ...(payload ? { payload } : {}),
    });

  it('adds, lists and removes zones, showing the owner the zone as drawn and never its secret', async () => {
    const created = await zones(ann, 'POST', '', { lat: 48.85, lng: 2.35, radius: 400 });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ lat: 48.85, lng: 2.35, radius: 400 });
    expect(created.body).not.toContain('secret');
    const list = (await zones(ann, 'GET')).json();
    expect(list).toHaveLength(1);
    expect((await zones(ben, 'GET')).json()).toEqual([]);
    // Someone else cannot delete it; the owner can.
    expect((await zones(ben, 'DELETE', `/${list[0].id}`)).statusCode).toBe(404);
    expect((await zones(ann, 'DELETE', `/${list[0].id}`)).statusCode).toBe(204);
    expect((await zones(ann, 'GET')).json()).toEqual([]);
  });

  it('refuses a radius outside 200–1,600 m naming the field', async () => {
    for (const radius of [100, 5000]) {
      const res = await zones(ann, 'POST', '', { lat: 1, lng: 1, radius });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain('body.radius');
    }
  });

  it('stores hide-start/end distances on the profile', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: ann.headers,
      payload: { hide_start: 500, hide_end: 300 },
    });
    expect(res.json()).toMatchObject({ hide_start: 500, hide_end: 300 });
  });
});

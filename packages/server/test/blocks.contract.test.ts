import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { apiAs, feedIds, readStatuses, recordRun } from './social-helpers.js';

describe.each(DATABASES)('blocks on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  const who: Record<string, SignedIn> = {};
  let publicRun: string;
  let followersRun: string;

  beforeAll(async () => {
    for (const h of ['bob', 'kit', 'lou', 'max']) who[h] = await signUp(t.app, h);
    publicRun = await recordRun(t.app, who.bob!, 'everyone', 0);
    followersRun = await recordRun(t.app, who.bob!, 'followers', 1);
    await api(who.kit!, 'PUT', 'athletes/bob/follow');
    await api(who.bob!, 'PUT', 'athletes/kit/follow');
    // Before the block, kit sees everything of bob's (so the 404s below are the block's doing).
    expect(await readStatuses(t.app, who.kit!, followersRun)).toEqual([200, 200, 200]);
    expect(await feedIds(t, who.kit!)).toContain(publicRun);
  });

  it('hides the blocker’s profile and every activity, even public ones, from the blocked', async () => {
    expect((await api(who.bob!, 'PUT', 'me/blocks/kit')).statusCode).toBe(204);
    expect((await api(who.bob!, 'PUT', 'me/blocks/kit')).statusCode).toBe(204);
    expect((await api(who.kit!, 'GET', 'athletes/bob')).statusCode).toBe(404);
    for (const id of [publicRun, followersRun])
      expect(await readStatuses(t.app, who.kit!, id)).toEqual([404, 404, 404]);
    for (const path of [
      'activities?athlete=bob',
      'athletes/bob/stats',
      'athletes/bob/followers',
      'athletes/bob/following',
    ])
      expect((await api(who.kit!, 'GET', path)).statusCode, path).toBe(404);
    expect(await feedIds(t, who.kit!)).toEqual([]);
    // Everyone else still sees bob's public run.
    expect(await readStatuses(t.app, who.lou!, publicRun)).toEqual([200, 200, 200]);
  });

  it('ends the follows both ways and refuses new ones', async () => {
    const bob = (await api(who.bob!, 'GET', 'athletes/bob')).json();
    expect(bob).toMatchObject({ follower_count: 0, following_count: 0 });
    const followers = (await api(who.bob!, 'GET', 'athletes/bob/followers')).json();
    expect(followers.items).toEqual([]);
    const asked = await api(who.kit!, 'PUT', 'athletes/bob/follow');
    expect(asked.statusCode).toBe(404);
    const back = await api(who.bob!, 'PUT', 'athletes/kit/follow');
    expect(back.statusCode).toBe(422);
    expect(back.json().error.message).toBe('you have blocked "kit": unblock them to follow');
    // The blocker still sees the blocked athlete's profile, marked as blocked.
    expect((await api(who.bob!, 'GET', 'athletes/kit')).json()).toMatchObject({
      blocked: true,
      follow_state: 'none',
    });
  });

  it('refuses blocking yourself (422) and unknown athletes (404)', async () => {
    const self = await api(who.bob!, 'PUT', 'me/blocks/bob');
    expect(self.statusCode).toBe(422);
    expect(self.json().error.message).toBe('you cannot block yourself');
    expect((await api(who.bob!, 'PUT', 'me/blocks/nobody')).statusCode).toBe(404);
  });

  it('lists the athletes I block, newest first, in pages', async () => {
    await api(who.bob!, 'PUT', 'me/blocks/max');
    const first = (await api(who.bob!, 'GET', 'me/blocks?limit=1')).json();
    expect(first.items.map((i: { handle: string }) => i.handle)).toEqual(['max']);
    const second = (
      await api(who.bob!, 'GET', `me/blocks?limit=1&cursor=${first.next_cursor}`)
    ).json();
    expect(second.items.map((i: { handle: string }) => i.handle)).toEqual(['kit']);
    // Another athlete's list is their own: lou blocks nobody.
    expect((await api(who.lou!, 'GET', 'me/blocks')).json().items).toEqual([]);
  });

  it('unblocks: the profile and public activities come back, the old follow does not', async () => {
    expect((await api(who.bob!, 'DELETE', 'me/blocks/kit')).statusCode).toBe(204);
    expect((await api(who.kit!, 'GET', 'athletes/bob')).json().follow_state).toBe('none');
    expect(await readStatuses(t.app, who.kit!, publicRun)).toEqual([200, 200, 200]);
    expect(await readStatuses(t.app, who.kit!, followersRun)).toEqual([404, 404, 404]);
    expect((await api(who.kit!, 'PUT', 'athletes/bob/follow')).json().state).toBe('following');
    expect(await readStatuses(t.app, who.kit!, followersRun)).toEqual([200, 200, 200]);
    const list = (await api(who.bob!, 'GET', 'me/blocks')).json();
    expect(list.items.map((i: { handle: string }) => i.handle)).toEqual(['max']);
  });
});

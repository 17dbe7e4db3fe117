import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { apiAs, daysAgo, feedIds, readStatuses, recordRun } from './social-helpers.js';

const handles = (page: { items: Array<{ handle: string }> }) => page.items.map((i) => i.handle);

describe.each(DATABASES)('follow requests on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  const who: Record<string, SignedIn> = {};
  let privateRun: string;

  beforeAll(async () => {
    for (const h of ['amy', 'sam', 'cleo', 'dan', 'eve', 'fay', 'gus', 'hal'])
      who[h] = await signUp(t.app, h);
    const me = await api(who.amy!, 'PATCH', 'me', { approve_followers: true });
    expect(me.json().approve_followers).toBe(true);
    privateRun = await recordRun(t.app, who.amy!, 'followers', daysAgo(1));
  });

  const state = async (viewer: string, athlete: string) =>
    (await api(who[viewer]!, 'GET', `athletes/${athlete}`)).json().follow_state;
  const requests = async (query = '') =>
    (await api(who.amy!, 'GET', `me/follow-requests${query}`)).json();

  it('makes a follow a request that opens nothing until the athlete accepts it', async () => {
    const asked = await api(who.sam!, 'PUT', 'athletes/amy/follow');
    expect(asked.statusCode).toBe(200);
    expect(asked.json()).toEqual({ state: 'requested' });
    expect((await api(who.sam!, 'PUT', `athletes/${who.amy!.id}/follow`)).json().state).toBe(
      'requested',
    );
    expect((await api(who.sam!, 'GET', 'athletes/amy')).json()).toMatchObject({
      follow_state: 'requested',
      followed: false,
      approve_followers: true,
      follower_count: 0,
    });
    expect(await readStatuses(t.app, who.sam!, privateRun)).toEqual([404, 404, 404]);
    expect(await feedIds(t, who.sam!)).not.toContain(privateRun);
    const listed = (await api(who.sam!, 'GET', 'activities?athlete=amy')).json();
    expect(listed.items).toEqual([]);
    expect(handles(await requests())).toEqual(['sam']);

    expect((await api(who.amy!, 'POST', 'me/follow-requests/sam/accept')).statusCode).toBe(204);
    expect(await readStatuses(t.app, who.sam!, privateRun)).toEqual([200, 200, 200]);
    expect(await feedIds(t, who.sam!)).toContain(privateRun);
    expect((await api(who.sam!, 'GET', 'athletes/amy')).json()).toMatchObject({
      follow_state: 'following',
      followed: true,
      follower_count: 1,
    });
    expect(handles(await requests())).toEqual([]);
    expect(handles((await api(who.amy!, 'GET', 'athletes/amy/followers')).json())).toEqual(['sam']);
  });

  it('declines a request: no follow, no access, and nothing left to decline', async () => {
    await api(who.cleo!, 'PUT', 'athletes/amy/follow');
    expect((await api(who.amy!, 'POST', 'me/follow-requests/cleo/decline')).statusCode).toBe(204);
    expect(await state('cleo', 'amy')).toBe('none');
    expect(await readStatuses(t.app, who.cleo!, privateRun)).toEqual([404, 404, 404]);
    const again = await api(who.amy!, 'POST', 'me/follow-requests/cleo/decline');
    expect(again.statusCode).toBe(404);
    expect(again.json().error.message).toBe('no follow request from "cleo"');
  });

  it('lets the requester cancel, after which there is nothing to accept', async () => {
    await api(who.dan!, 'PUT', 'athletes/amy/follow');
    expect(handles(await requests())).toContain('dan');
    expect((await api(who.dan!, 'DELETE', 'athletes/amy/follow')).statusCode).toBe(204);
    expect(handles(await requests())).not.toContain('dan');
    expect((await api(who.amy!, 'POST', 'me/follow-requests/dan/accept')).statusCode).toBe(404);
    expect(await state('dan', 'amy')).toBe('none');
    expect(await readStatuses(t.app, who.dan!, privateRun)).toEqual([404, 404, 404]);
  });

  it('lets only the athlete asked accept a request', async () => {
    await api(who.eve!, 'PUT', 'athletes/amy/follow');
    // Sam answers for his own requests only: eve asked amy, not him.
    expect((await api(who.sam!, 'POST', 'me/follow-requests/eve/accept')).statusCode).toBe(404);
    expect((await api(who.eve!, 'POST', 'me/follow-requests/eve/accept')).statusCode).toBe(404);
    expect(await state('eve', 'amy')).toBe('requested');
    expect(await readStatuses(t.app, who.eve!, privateRun)).toEqual([404, 404, 404]);
    expect((await api(who.amy!, 'POST', 'me/follow-requests/nobody/accept')).statusCode).toBe(404);
  });

  it('pages pending requests newest first', async () => {
    await api(who.fay!, 'PUT', 'athletes/amy/follow');
    await api(who.gus!, 'PUT', 'athletes/amy/follow');
    const first = await requests('?limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toBeTypeOf('string');
    const second = await requests(`?limit=2&cursor=${first.next_cursor}`);
    expect([...handles(first), ...handles(second)].sort()).toEqual(['eve', 'fay', 'gus']);
    expect(handles(second)).not.toContain(handles(first)[0]);
    const bad = await api(who.amy!, 'GET', 'me/follow-requests?cursor=zzz');
    expect(bad.statusCode).toBe(400);
  });

  it('ends a follower’s access when the athlete removes them', async () => {
    expect((await api(who.amy!, 'DELETE', 'me/followers/sam')).statusCode).toBe(204);
    expect(await state('sam', 'amy')).toBe('none');
    expect(await readStatuses(t.app, who.sam!, privateRun)).toEqual([404, 404, 404]);
    expect(await feedIds(t, who.sam!)).not.toContain(privateRun);
    expect((await api(who.amy!, 'GET', 'athletes/amy')).json().follower_count).toBe(0);
    expect((await api(who.amy!, 'DELETE', 'me/followers/sam')).statusCode).toBe(204);
    expect((await api(who.amy!, 'DELETE', 'me/followers/nobody')).statusCode).toBe(404);
  });

  it('accepts every pending request when the athlete stops approving followers', async () => {
    const off = await api(who.amy!, 'PATCH', 'me', { approve_followers: false });
    expect(off.json().approve_followers).toBe(false);
    expect(handles(await requests())).toEqual([]);
    for (const h of ['eve', 'fay', 'gus']) {
      expect(await state(h, 'amy')).toBe('following');
      expect(await readStatuses(t.app, who[h]!, privateRun)).toEqual([200, 200, 200]);
    }
    expect((await api(who.hal!, 'PUT', 'athletes/amy/follow')).json().state).toBe('following');
  });
});

/**
 * Finding people: search by handle or name (ranked, typo- and accent-tolerant, paged) and who to
 * follow (friends of friends, segment neighbours, the same city), each with the viewer's
 * relation, and never anyone a block stands between.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { routeLine } from '../src/demo/route-activity.js';
import { DATABASES, useTestApp } from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE, segmentApi } from './segment-helpers.js';
import { apiAs } from './social-helpers.js';

interface Person {
  handle: string;
  display_name: string;
  follow_state: string;
  follows_you: boolean;
}
interface Suggested extends Person {
  reason: {
    kind: string;
    text: string;
    count: number;
    athletes: Array<{ handle: string; display_name: string }>;
    segment: { name: string; sport_type: string } | null;
    city: string | null;
  };
}

const handles = (items: Array<{ handle: string }>) => items.map((i) => i.handle);

describe.each(DATABASES)('finding people on $name', (database) => {
  const t = useTestApp(database);
  const api = apiAs(t);
  const who: Record<string, SignedIn> = {};
  const join = async (handle: string, display_name: string) => {
    who[handle] = await signUp(t.app, handle, { display_name });
  };

  async function search(viewer: string, query: string): Promise<Person[]> {
    const res = await api(who[viewer]!, 'GET', `athletes/search?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }
  const find = (viewer: string, q: string) => search(viewer, `q=${encodeURIComponent(q)}&limit=50`);

  async function suggestions(viewer: string): Promise<Suggested[]> {
    const res = await api(who[viewer]!, 'GET', 'athletes/suggestions?limit=50');
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  }

  beforeAll(async () => {
    await join('vera', 'Vera Viewer');
    await join('cam', 'Cam Newton');
    await join('camille_r', 'Camille Rousseau');
    await join('camembert', 'Marc Dupont');
    await join('jdoe', 'Camilo Diaz');
    await join('lea_m', 'Léa Martin');
    await join('leandre', 'Léandre Petit');
    await join('zed', 'Zed Blocker');
    await join('yan', 'Yan Blocked');
    await join('anna', 'Anna Approves');
    await join('dupond', 'Jean Dupond');
    // Blocks both ways between Vera and two more Camil… athletes.
    await api(who.zed!, 'PATCH', 'me', { display_name: 'Camilla Blocker' });
    await api(who.yan!, 'PATCH', 'me', { display_name: 'Camillo Blocked' });
    expect((await api(who.zed!, 'PUT', 'me/blocks/vera')).statusCode).toBe(204);
    expect((await api(who.vera!, 'PUT', 'me/blocks/yan')).statusCode).toBe(204);
  });

  describe('search', () => {
    it('puts the athlete whose handle it is first, then handles and names starting with it', async () => {
      const found = await find('vera', 'cam');
      expect(found[0]!.handle).toBe('cam');
      // Handles starting with "cam", and "Camille Rousseau"/"Camilo Diaz" by a word of the name.
      const prefixed = ['camille_r', 'camembert', 'jdoe'];
      expect(new Set(handles(found.slice(1, 4)))).toEqual(new Set(prefixed));
      expect(handles(found)).not.toContain('vera');
    });

    it('forgives a typo and ignores case and accents, both ways', async () => {
      expect(handles(await find('vera', 'camile'))).toContain('camille_r');
      expect(handles(await find('vera', 'rousseu'))).toEqual(['camille_r']);
      const lea = handles(await find('vera', 'lea'));
      expect(lea.slice(0, 2).sort()).toEqual(['lea_m', 'leandre']);
      expect(handles(await find('vera', 'LÉA MARTIN'))[0]).toBe('lea_m');
      expect(handles(await find('vera', 'Rousséau'))).toEqual(['camille_r']);
      expect(handles(await find('vera', '@Camille_R'))[0]).toBe('camille_r');
      expect(await find('vera', 'qqqxxx')).toEqual([]);
    });

    it('adds no names alike to a handle typed in full', async () => {
      // "Dupont" is alike (0.71) but not what someone typing Jean's whole handle is after…
      expect(handles(await find('vera', 'dupond'))).toEqual(['dupond']);
      // …while a typo of either finds both, most alike first.
      expect(handles(await find('vera', 'dupontt'))).toEqual(['camembert', 'dupond']);
    });

    it('follows a name change at once', async () => {
      await api(who.leandre!, 'PATCH', 'me', { display_name: 'Zoé Zimmer' });
      expect(handles(await find('vera', 'zoe zim'))).toEqual(['leandre']);
      expect(handles(await find('vera', 'petit'))).toEqual([]);
      await api(who.leandre!, 'PATCH', 'me', { display_name: 'Léandre Petit' });
    });

    it('never shows an athlete who blocks the viewer, nor one the viewer blocks', async () => {
      const camil = handles(await find('vera', 'camil'));
      expect(camil).toContain('camille_r');
      expect(camil).not.toContain('zed');
      expect(camil).not.toContain('yan');
      // Nor the viewer to either of them.
      expect(handles(await find('zed', 'vera'))).toEqual([]);
      expect(handles(await find('yan', 'Vera Viewer'))).toEqual([]);
      // Everyone else finds all three.
      expect(handles(await find('cam', 'camil'))).toEqual(expect.arrayContaining(['zed', 'yan']));
      expect(handles(await find('cam', 'vera'))).toEqual(['vera']);
    });

    it('says whom the viewer follows, asked to follow, and who follows them', async () => {
      await api(who.anna!, 'PATCH', 'me', { approve_followers: true });
      expect((await api(who.vera!, 'PUT', 'athletes/camille_r/follow')).json().state).toBe(
        'following',
      );
      expect((await api(who.vera!, 'PUT', 'athletes/anna/follow')).json().state).toBe('requested');
      await api(who.camembert!, 'PUT', 'athletes/vera/follow');
      const byHandle = Object.fromEntries(
        [...(await find('vera', 'cam')), ...(await find('vera', 'anna'))].map((p) => [p.handle, p]),
      );
      expect(byHandle.camille_r).toMatchObject({ follow_state: 'following', follows_you: false });
      expect(byHandle.anna).toMatchObject({ follow_state: 'requested', follows_you: false });
      expect(byHandle.camembert).toMatchObject({ follow_state: 'none', follows_you: true });
      expect(byHandle.cam).toMatchObject({
        follow_state: 'none',
        follows_you: false,
        display_name: 'Cam Newton',
        city: null,
      });
    });

    it('pages through the results in order, none twice', async () => {
      const all = handles(await find('vera', 'cam'));
      expect(all.length).toBeGreaterThanOrEqual(4);
      const paged: string[] = [];
      let cursor: string | null = null;
      do {
        const res = await api(
          who.vera!,
          'GET',
          `athletes/search?q=cam&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(res.statusCode, res.body).toBe(200);
        const page: { items: Person[]; next_cursor: string | null } = res.json();
        expect(page.items.length).toBeLessThanOrEqual(2);
        paged.push(...handles(page.items));
        cursor = page.next_cursor;
      } while (cursor);
      expect(paged).toEqual(all);
    });

    it('goes on from prefixes to names alike, page by page', async () => {
      // "camill" starts Camille's handle; "Camilo" is only alike (0.71).
      expect(handles(await find('vera', 'camill'))).toEqual(['camille_r', 'jdoe']);
      const pages: string[][] = [];
      let cursor = '';
      for (;;) {
        const res = await api(who.vera!, 'GET', `athletes/search?q=camill&limit=1${cursor}`);
        const page: { items: Person[]; next_cursor: string | null } = res.json();
        pages.push(handles(page.items));
        if (!page.next_cursor) break;
        cursor = `&cursor=${page.next_cursor}`;
      }
      expect(pages.flat()).toEqual(['camille_r', 'jdoe']);
    });

    it('refuses an empty or too long query, a bad limit and a bad cursor with a 400', async () => {
      const refused = async (query: string, field: string) => {
        const res = await api(who.vera!, 'GET', `athletes/search?${query}`);
        expect(res.statusCode, query).toBe(400);
        expect(res.json().error.message.length).toBeGreaterThan(0);
        expect(res.json().error.details.fields[0].field).toBe(field);
      };
      await refused('', 'querystring.q');
      await refused('q=', 'querystring.q');
      await refused(`q=${encodeURIComponent('   ')}`, 'querystring.q');
      await refused('q=%40', 'querystring.q');
      await refused(`q=${'a'.repeat(65)}`, 'querystring.q');
      await refused('q=cam&limit=0', 'querystring.limit');
      await refused('q=cam&limit=51', 'querystring.limit');
      await refused('q=cam&cursor=nope', 'querystring.cursor');
      const forged = Buffer.from(JSON.stringify([7, 2, 'x'])).toString('base64url');
      await refused(`q=cam&cursor=${forged}`, 'querystring.cursor');
      // 64 characters once trimmed are fine.
      const padded = encodeURIComponent(`  ${'a'.repeat(64)}  `);
      expect(await search('vera', `q=${padded}`)).toEqual([]);
    });

    it('answers only signed-in athletes', async () => {
      for (const url of ['/api/v1/athletes/search?q=cam', '/api/v1/athletes/suggestions']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBe(401);
        expect(res.json().error.code).toBe('UNAUTHENTICATED');
      }
    });

    it('keeps the names of its routes from being taken as handles', async () => {
      for (const handle of ['search', 'Suggestions']) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/signup',
          payload: { handle, email: `${handle}@example.com`, password: 'password123' },
        });
        expect(res.statusCode, handle).toBe(409);
        expect(res.json().error.message).toContain('reserved');
      }
    });
  });

  describe('who to follow', () => {
    beforeAll(async () => {
      // Fay follows three athletes; two of them and one more follow Xavi; one follows Yves.
      for (const [h, name] of [
        ['fay', 'Fay Friend'],
        ['ari', 'Ari One'],
        ['bea', 'Bea Two'],
        ['col', 'Col Three'],
        ['xavi', 'Xavi Popular'],
        ['yves', 'Yves Known'],
        ['dora', 'Dora Followed'],
        ['rita', 'Rita Requested'],
        ['kim', 'Kim Blocked'],
        ['bob', 'Bob Blocker'],
      ])
        await join(h!, name!);
      await api(who.rita!, 'PATCH', 'me', { approve_followers: true });
      for (const followee of ['ari', 'bea', 'col', 'dora'])
        await api(who.fay!, 'PUT', `athletes/${followee}/follow`);
      await api(who.fay!, 'PUT', 'athletes/rita/follow'); // a request: Rita approves followers
      for (const [follower, followee] of [
        ['ari', 'xavi'],
        ['bea', 'xavi'],
        ['col', 'xavi'],
        ['ari', 'yves'],
        // Followed by Fay's friends, but each is left out: Fay herself, someone she already
        // follows, someone she asked to follow, someone she blocks, someone who blocks her.
        ['ari', 'fay'],
        ['ari', 'dora'],
        ['bea', 'rita'],
        ['ari', 'kim'],
        ['col', 'bob'],
      ])
        expect((await api(who[follower!]!, 'PUT', `athletes/${followee}/follow`)).statusCode).toBe(
          200,
        );
      // Rita approves followers: Bea's follow is a request until Rita accepts it.
      expect((await api(who.rita!, 'POST', 'me/follow-requests/bea/accept')).statusCode).toBe(204);
      await api(who.fay!, 'PUT', 'me/blocks/kim');
      await api(who.bob!, 'PUT', 'me/blocks/fay');
    });

    it('suggests friends of friends, most followed by friends first, with the reason', async () => {
      const list = await suggestions('fay');
      expect(handles(list)).toEqual(['xavi', 'yves']);
      const [xavi, yves] = list;
      expect(xavi!.reason).toMatchObject({ kind: 'followed_by', count: 3, segment: null });
      expect(new Set(handles(xavi!.reason.athletes))).toEqual(new Set(['ari', 'bea', 'col']));
      const named = xavi!.reason.athletes[0]!.display_name;
      expect(xavi!.reason.text).toBe(`followed by ${named} and 2 others`);
      expect(yves!.reason).toMatchObject({
        kind: 'followed_by',
        count: 1,
        text: 'followed by Ari One',
      });
      expect(xavi).toMatchObject({
        follow_state: 'none',
        follows_you: false,
        display_name: 'Xavi Popular',
      });
    });

    it('drops a suggestion once followed', async () => {
      await api(who.fay!, 'PUT', 'athletes/yves/follow');
      expect(handles(await suggestions('fay'))).toEqual(['xavi']);
      await api(who.fay!, 'DELETE', 'athletes/yves/follow');
      expect(handles(await suggestions('fay'))).toEqual(['xavi', 'yves']);
    });

    it('refuses a bad limit with a 400 and answers an athlete with no one to suggest', async () => {
      for (const limit of ['0', '51', 'x']) {
        const res = await api(who.fay!, 'GET', `athletes/suggestions?limit=${limit}`);
        expect(res.statusCode, limit).toBe(400);
        expect(res.json().error.details.fields[0].field).toBe('querystring.limit');
      }
      const one = await api(who.fay!, 'GET', 'athletes/suggestions?limit=1');
      expect(handles(one.json().items)).toEqual(['xavi']);
      expect(await suggestions('xavi')).toEqual([]);
    });
  });

  describe('who to follow, beyond friends', () => {
    const HOUR = 3600;
    const segments = segmentApi(
      () => t.app,
      () => t.stride.worker.drain(),
    );

    beforeAll(async () => {
      for (const [h, name] of [
        ['sam', 'Sam Segments'],
        ['nina', 'Nina Public'],
        ['olga', 'Olga Private'],
        ['hugo', 'Hugo Hidden'],
        ['paul', 'Paul Lyonnais'],
        ['quinn', 'Quinn Elsewhere'],
        ['ugo', 'Ugo Unwanted'],
      ])
        await join(h!, name!);
      const created = await segments.createSegment(who.sam!, {
        name: 'Col de la Croix',
        sport_type: 'Run',
        points: routeLine(ROUTE, 600, 2200),
      });
      expect(created.statusCode, created.body).toBe(201);
      const start = Math.floor(Date.now() / 1000) - 30 * HOUR;
      // Sam's own run may be followers-only: it is his to compare with, nobody else's to see.
      await segments.upload(who.sam!, {
        seed: 1,
        speedMps: 3,
        startTime: start,
        visibility: 'followers',
      });
      await segments.upload(who.nina!, { seed: 2, speedMps: 3.2, startTime: start + HOUR });
      // Olga's effort is hers alone: it must not make her a suggestion.
      await segments.upload(who.olga!, {
        seed: 3,
        speedMps: 3.1,
        startTime: start + 2 * HOUR,
        visibility: 'only_me',
      });
      await segments.upload(who.hugo!, { seed: 4, speedMps: 2.9, startTime: start + 3 * HOUR });
      await api(who.hugo!, 'PUT', 'me/blocks/sam');

      await api(who.sam!, 'PATCH', 'me', { city: 'Lyon', country: 'France' });
      await api(who.paul!, 'PATCH', 'me', { city: 'LYON' });
      await api(who.quinn!, 'PATCH', 'me', { city: 'Lyon', country: 'Canada' });
      await api(who.ugo!, 'PATCH', 'me', { city: 'lyon', country: 'france' });
      await api(who.sam!, 'PUT', 'me/blocks/ugo');
    });

    it('suggests athletes with public efforts on my segments, then athletes of my city', async () => {
      const list = await suggestions('sam');
      expect(handles(list)).toEqual(['nina', 'paul']);
      expect(list[0]!.reason).toMatchObject({
        kind: 'segments',
        count: 1,
        text: 'also runs Col de la Croix',
        segment: { name: 'Col de la Croix', sport_type: 'Run' },
        athletes: [],
        city: null,
      });
      expect(list[1]!.reason).toMatchObject({ kind: 'city', text: 'also in LYON', city: 'LYON' });
    });

    it('ranks friends of friends before segment neighbours', async () => {
      await api(who.sam!, 'PUT', 'athletes/paul/follow');
      await api(who.paul!, 'PUT', 'athletes/quinn/follow');
      const list = await suggestions('sam');
      expect(handles(list)).toEqual(['quinn', 'nina']);
      expect(list[0]!.reason.text).toBe('followed by Paul Lyonnais');
    });
  });
});

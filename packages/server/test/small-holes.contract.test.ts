import { randomUUID } from 'node:crypto';
import { Agent, request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';
import { multipart, type SignedIn, signUp } from './helpers.js';

describe.each(DATABASES)('small holes on $name', (database) => {
  const t = useTestApp(database);
  let ann: SignedIn;
  let ben: SignedIn;
  beforeAll(async () => {
    ann = await signUp(t.app, 'ann');
    ben = await signUp(t.app, 'ben');
  });

  describe('creating an activity with an id that is not yours', () => {
    const create = (who: SignedIn, id: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/activities',
        headers: who.headers,
        payload: { id, sport_type: 'Run', name: 'Taken?' },
      });
    const read = (who: SignedIn, id: string) =>
      t.app.inject({ url: `/api/v1/activities/${id}`, headers: who.headers });

    it('answers as reading it does: one 404 whatever the activity and whether it exists', async () => {
      const hidden = randomUUID();
      const shown = randomUUID();
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/activities',
            headers: ann.headers,
            payload: { id: hidden, sport_type: 'Run', visibility: 'only_me' },
          })
        ).statusCode,
      ).toBe(201);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/activities',
            headers: ann.headers,
            payload: { id: shown, sport_type: 'Run', visibility: 'everyone' },
          })
        ).statusCode,
      ).toBe(201);

      const onHidden = await create(ben, hidden);
      const readHidden = await read(ben, hidden);
      const readNothing = await read(ben, randomUUID());
      expect(readHidden.statusCode).toBe(404);
      expect(onHidden.statusCode).toBe(404);
      // The same answer as reading a private activity, or one that does not exist.
      expect(onHidden.json()).toEqual(readHidden.json());
      expect(onHidden.json()).toEqual(readNothing.json());
      // And the same whether ben may see the activity or not.
      const onShown = await create(ben, shown);
      expect(onShown.statusCode).toBe(404);
      expect(onShown.json()).toEqual(onHidden.json());
      // Nothing changed hands.
      expect((await read(ann, hidden)).json()).toMatchObject({
        id: hidden,
        name: expect.not.stringMatching(/Taken/),
      });
    });
  });

  describe('a refused upload on a keep-alive connection', () => {
    let base: { host: string; port: number };
    beforeAll(async () => {
      await t.app.listen({ host: '127.0.0.1', port: 0 });
      const address = t.app.server.address() as { port: number };
      base = { host: '127.0.0.1', port: address.port };
    });

    /** Sends one request through `agent`; rejects if no answer comes before the deadline. */
    function send(
      agent: Agent,
      method: string,
      path: string,
      headers: Record<string, string>,
      body?: Buffer,
    ): Promise<{ status: number }> {
      return new Promise((resolve, reject) => {
        const req = httpRequest({ ...base, method, path, agent, headers }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode! }));
        });
        const deadline = setTimeout(
          () => req.destroy(new Error(`no answer to ${method} ${path} before the deadline`)),
          10_000,
        );
        req.on('close', () => clearTimeout(deadline));
        req.on('error', reject);
        req.end(body);
      });
    }

    const fields = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`field${i}`, 'x']));

    for (const [label, signedIn, status] of [
      ['10,000 text fields (400)', true, 400],
      ['a form sent without signing in (401)', false, 401],
    ] as const) {
      it(`answers the next request on the connection after ${label}`, async () => {
        const agent = new Agent({ keepAlive: true, maxSockets: 1 });
        try {
          const form = multipart(null, fields);
          const refused = await send(
            agent,
            'POST',
            '/api/v1/uploads',
            {
              ...form.headers,
              'content-length': String(form.payload.length),
              ...(signedIn ? ann.headers : {}),
            },
            form.payload,
          );
          expect(refused.status).toBe(status);
          const next = await send(agent, 'GET', '/health', {});
          expect(next.status).toBe(200);
          // A well-formed upload on the same agent still works.
          const ok = multipart({ name: 'a.gpx', bytes: new Uint8Array([0x3c]) });
          const again = await send(
            agent,
            'POST',
            '/api/v1/uploads',
            { ...ok.headers, 'content-length': String(ok.payload.length), ...ann.headers },
            ok.payload,
          );
          expect(again.status).toBe(415);
        } finally {
          agent.destroy();
        }
      });
    }
  });

  describe('privacy-zone numbers given as strings', () => {
    const zone = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/privacy-zones',
        headers: ben.headers,
        payload,
      });

    it('are refused with a 400 naming the field, not read as numbers', async () => {
      const good = { lat: 45.7, lng: 4.8, radius: 300 };
      for (const [field, value] of [
        ['lat', '45.7'],
        ['lng', '4.8'],
        ['radius', '300'],
        ['lat', true],
        ['radius', [300]],
      ] as const) {
        const res = await zone({ ...good, [field]: value });
        expect(res.statusCode, `${field}: ${JSON.stringify(value)}`).toBe(400);
        expect(res.json().error.details.fields).toEqual([
          { field: `body.${field}`, message: expect.any(String) },
        ]);
      }
      const zones = await t.app.inject({ url: '/api/v1/me/privacy-zones', headers: ben.headers });
      expect(zones.json()).toEqual([]);
      expect((await zone(good)).statusCode).toBe(201);
    });
  });
});

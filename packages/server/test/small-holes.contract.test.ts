import { randomUUID } from 'node:crypto';
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
});

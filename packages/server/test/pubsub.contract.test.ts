/**
 * The pub/sub port: in-process always, Redis when REDIS_URL is set (two clients standing for two
 * processes). And what it is for here: a session signed out through one API process is refused
 * by another at once, not when that process's recent answer expires.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { LocalPubSub } from '../src/platform/pubsub/local-pubsub.js';
import type { PubSub } from '../src/platform/pubsub/pubsub.js';
import { RedisPubSub } from '../src/platform/pubsub/redis-pubsub.js';
import {
  DATABASES,
  type DatabaseLease,
  REDIS_URL,
  redisNamespace,
  startTestApp,
  type TestApp,
} from './adapters.js';
import { signUp } from './helpers.js';

interface Pair {
  name: string;
  open(): Promise<{ a: PubSub; b: PubSub; close(): Promise<void> }>;
}

const PAIRS: Pair[] = [
  {
    name: 'in-process',
    async open() {
      const one = new LocalPubSub();
      return { a: one, b: one, close: () => one.close() };
    },
  },
  ...(REDIS_URL
    ? [
        {
          name: 'Redis',
          async open() {
            const ns = redisNamespace(REDIS_URL);
            const clients = [new Redis(REDIS_URL), new Redis(REDIS_URL)];
            const [a, b] = clients.map((c) => new RedisPubSub(c, ns.prefix)) as [PubSub, PubSub];
            return {
              a,
              b,
              async close() {
                await a.close();
                await b.close();
                for (const c of clients) c.disconnect();
                await ns.release();
              },
            };
          },
        },
      ]
    : []),
];

describe.each(PAIRS)('pub/sub ($name)', (pair) => {
  let ends: Awaited<ReturnType<Pair['open']>>;
  beforeAll(async () => {
    ends = await pair.open();
  });
  afterAll(() => ends.close());

  it('delivers a message to every subscriber of its channel, and to no other channel', async () => {
    const got: string[] = [];
    const other: string[] = [];
    const stopA = await ends.a.subscribe('news', (m) => got.push(`a:${m}`));
    const stopB = await ends.b.subscribe('news', (m) => got.push(`b:${m}`));
    const stopOther = await ends.b.subscribe('other', (m) => other.push(m));
    expect(await ends.a.publish('news', 'hello')).toBe(true);
    await vi.waitFor(() => expect(got.sort()).toEqual(['a:hello', 'b:hello']), { timeout: 10_000 });
    expect(other).toEqual([]);

    await stopB();
    await ends.b.publish('news', 'again');
    await vi.waitFor(() => expect(got).toContain('a:again'), { timeout: 10_000 });
    expect(got.filter((m) => m === 'b:again')).toEqual([]);
    await stopA();
    await stopOther();
  });
});

describe.runIf(REDIS_URL && DATABASES.some((d) => d.name === 'postgres'))(
  'sessions across API processes (PostgreSQL and Redis)',
  () => {
    const postgres = DATABASES.find((d) => d.name === 'postgres')!;
    let lease: DatabaseLease;
    let ns: ReturnType<typeof redisNamespace>;
    let one: TestApp;
    let two: TestApp;
    beforeAll(async () => {
      lease = await postgres.lease();
      ns = redisNamespace(REDIS_URL!);
      // Each process believes a signed-in session for five minutes without asking again.
      const env = {
        REDIS_URL: REDIS_URL!,
        STRIDE_REDIS_PREFIX: ns.prefix,
        STRIDE_SESSION_CACHE_S: '300',
        STRIDE_JWT_SECRET: 'a-secret-both-processes-share-0123456789',
        // Every process of an installation shares one blob store.
        STRIDE_DATA_DIR: mkdtempSync(join(tmpdir(), 'stride-two-processes-')),
      };
      one = await startTestApp(lease, env);
      two = await startTestApp(lease, env);
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await ns?.release();
      await lease?.release();
    });

    it('refuses, in every process, a session signed out in one of them', async () => {
      const ann = await signUp(one.app, 'ann');
      const login = await one.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'ann', password: 'password123' },
      });
      expect(login.statusCode, login.body).toBe(200);
      const { access_token, refresh_token } = login.json();
      const me = () =>
        two.app.inject({
          method: 'GET',
          url: '/api/v1/me',
          headers: { authorization: `Bearer ${access_token}` },
        });
      const first = await me();
      expect(first.statusCode, first.body).toBe(200);

      const out = await one.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        payload: { refresh_token },
      });
      expect(out.statusCode).toBeLessThan(300);
      await vi.waitFor(async () => expect((await me()).statusCode).toBe(401), {
        timeout: 10_000,
        interval: 50,
      });
      // Ann's other session (from sign-up) is still signed in there.
      const other = await two.app.inject({
        method: 'GET',
        url: '/api/v1/me',
        headers: ann.headers,
      });
      expect(other.statusCode).toBe(200);
    });
  },
);

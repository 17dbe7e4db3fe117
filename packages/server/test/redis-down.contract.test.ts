/**
 * Redis going away while Stride runs, and Redis missing at start. The shared Redis is never
 * stopped: the app talks to it through a TCP proxy the tests cut or stall, or to a port where
 * nothing listens.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeLine } from '../src/demo/route-activity.js';
import { createStride } from '../src/stride.js';
import {
  DATABASES,
  type DatabaseLease,
  REDIS_URL,
  redisNamespace,
  startTestApp,
  type TestApp,
  testConfig,
} from './adapters.js';
import { type SignedIn, signUp } from './helpers.js';
import { ROUTE } from './segment-helpers.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

/** A local port nothing listens on (taken, then given back). */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Calls `check` until it returns true, failing after `deadlineMs`. */
async function until(check: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('the condition was not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('Redis unreachable at start', () => {
  it('refuses to start with a message naming REDIS_URL', async () => {
    const lease = await DATABASES[0]!.lease();
    try {
      const config = testConfig({ REDIS_URL: `redis://127.0.0.1:${await deadPort()}` });
      await expect(createStride(config, { database: lease.options })).rejects.toThrow(
        /REDIS_URL.*127\.0\.0\.1/,
      );
    } finally {
      await lease.release();
    }
  });
});

for (const database of DATABASES) {
  describe.skipIf(!REDIS_URL)(`Redis down while running (${database.name})`, () => {
    let lease: DatabaseLease;
    let t: TestApp;
    let proxy: TcpProxy;
    let ns: ReturnType<typeof redisNamespace>;
    let ann: SignedIn;
    let segmentId: string;

    const login = (remoteAddress: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: 'nobody', password: 'wrong-password' },
        remoteAddress,
      });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: ann.headers });
    const boardUrls = () => [
      '/api/v1/leaderboards/athletes?sport=Run&period=week',
      `/api/v1/segments/${segmentId}/leaderboard`,
    ];
    const redisAnswers = async () =>
      (await t.stride.platform.redis!.ping().catch(() => 'down')) === 'PONG';

    beforeAll(async () => {
      proxy = await startTcpProxy(REDIS_URL!);
      ns = redisNamespace(REDIS_URL!);
      lease = await database.lease();
      t = await startTestApp(lease, {
        REDIS_URL: proxy.url(REDIS_URL!),
        STRIDE_REDIS_PREFIX: ns.prefix,
        STRIDE_AUTH_RATE_LIMIT: '5',
      });
      ann = await signUp(t.app, 'ann');
      const segment = await t.app.inject({
        method: 'POST',
        url: '/api/v1/segments',
        headers: ann.headers,
        payload: { name: 'Quai', sport_type: 'Run', points: routeLine(ROUTE, 600, 2200) },
      });
      expect(segment.statusCode, segment.body).toBe(201);
      segmentId = segment.json().id;
    });
    afterAll(async () => {
      proxy?.set('open');
      await t?.close();
      await lease?.release();
      await proxy?.close();
      await ns?.release();
    });

    it('answers leaderboards and /ready while Redis is up', async () => {
      for (const url of boardUrls()) expect((await get(url)).statusCode, url).toBe(200);
      const ready = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode, ready.body).toBe(200);
    });

    it('keeps limiting logins in this process when Redis is cut: 5 × 401, then 429', async () => {
      proxy.set('cut');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login('203.0.113.9')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    });

    it('answers leaderboards with a 503 naming Redis when it is cut', async () => {
      proxy.set('cut');
      for (const url of boardUrls()) {
        const res = await get(url);
        expect(res.statusCode, url).toBe(503);
        expect(res.json().error.code).toBe('UNAVAILABLE');
        expect(res.json().error.message).toMatch(/Redis/);
        expect(res.json().error.details).toMatchObject({ dependency: 'redis' });
      }
    });

    it('says on /ready that Redis is down, and which dependency it is', async () => {
      proxy.set('cut');
      const res = await t.app.inject({ method: 'GET', url: '/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json().error.message).toMatch(/Redis/);
      expect(res.json().error.details.checks).toMatchObject({ database: 'ok', redis: 'down' });
    });

    it('answers with a 503 when Redis stops answering without closing the connection', async () => {
      proxy.set('open');
      await until(redisAnswers);
      proxy.set('stall');
      for (const url of boardUrls()) expect((await get(url)).statusCode, url).toBe(503);
      expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(503);
      // Logins still count while Redis hangs.
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await login('203.0.113.10')).statusCode);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    });

    it('serves from Redis again once it is back', async () => {
      proxy.set('cut');
      proxy.set('open');
      await until(redisAnswers);
      for (const url of boardUrls()) expect((await get(url)).statusCode, url).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/ready' })).statusCode).toBe(200);
    });
  });
}

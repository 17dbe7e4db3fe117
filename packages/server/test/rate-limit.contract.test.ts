import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DATABASES,
  type DatabaseLease,
  REDIS_URL,
  redisNamespace,
  startTestApp,
  type TestApp,
} from './adapters.js';

const login = (t: TestApp, remoteAddress = '203.0.113.7') =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login: 'someone', password: 'wrong-password' },
    remoteAddress,
  });

describe('auth rate limit in one process (in-memory store)', () => {
  let lease: DatabaseLease;
  let t: TestApp;
  beforeAll(async () => {
    lease = await DATABASES[0]!.lease();
    t = await startTestApp(lease, { STRIDE_AUTH_RATE_LIMIT: '10' });
  });
  afterAll(async () => {
    await t?.close();
    await lease?.release();
  });

  it('answers the 11th login in a minute from one IP with 429, and not other IPs', async () => {
    for (let i = 0; i < 10; i++) expect((await login(t)).statusCode).toBe(401);
    const eleventh = await login(t);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().error.code).toBe('RATE_LIMITED');
    expect(Number(eleventh.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(t, '198.51.100.1')).statusCode).toBe(401);
  });
});

describe.skipIf(!REDIS_URL)('auth rate limit shared through Redis', () => {
  let leases: DatabaseLease[] = [];
  let apps: TestApp[] = [];
  let ns: ReturnType<typeof redisNamespace>;
  beforeAll(async () => {
    ns = redisNamespace(REDIS_URL!);
    const env = { REDIS_URL, STRIDE_REDIS_PREFIX: ns.prefix, STRIDE_AUTH_RATE_LIMIT: '10' };
    leases = [await DATABASES[0]!.lease(), await DATABASES[0]!.lease()];
    apps = [await startTestApp(leases[0]!, env), await startTestApp(leases[1]!, env)];
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    for (const l of leases) await l.release();
    await ns?.release();
  });

  it('counts logins across two app instances: the 11th overall gets 429', async () => {
    const [a, b] = apps as [TestApp, TestApp];
    for (let i = 0; i < 6; i++) expect((await login(a)).statusCode).toBe(401);
    for (let i = 0; i < 4; i++) expect((await login(b)).statusCode).toBe(401);
    expect((await login(b)).statusCode).toBe(429);
    expect((await login(a)).statusCode).toBe(429);
  });
});

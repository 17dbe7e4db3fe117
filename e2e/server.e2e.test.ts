import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServer } from './server-process.js';

const dirs: string[] = [];
const servers: ServerProcess[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'stride-e2e-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const s of servers) await s.stop('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the built server on embedded defaults', () => {
  it('serves /health and /docs, refuses a second process on its data dir, and stops cleanly', async () => {
    const dataDir = tempDir();
    const server = await startServer({ STRIDE_DATA_DIR: dataDir });
    servers.push(server);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    const docs = await fetch(`${server.url}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger');

    const second = startServer({ STRIDE_DATA_DIR: dataDir });
    await expect(second).rejects.toThrow(/exited with 1/);
    await second.catch((e: { out: string }) => {
      expect(e.out).toContain('is in use by another Stride process');
    });

    // The first is unharmed, and a signup survives a graceful restart.
    const signup = await fetch(`${server.url}/api/v1/auth/signup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        handle: 'persist',
        email: 'persist@example.com',
        password: 'password123',
      }),
    });
    expect(signup.status).toBe(201);
    expect(await server.stop('SIGTERM')).toBe(0);

    const restarted = await startServer({ STRIDE_DATA_DIR: dataDir });
    servers.push(restarted);
    const login = await fetch(`${restarted.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'persist', password: 'password123' }),
    });
    expect(login.status).toBe(200);
    expect(await restarted.stop('SIGTERM')).toBe(0);
    // Three starts of a process on a busy machine: give them room, the test asserts no time.
  }, 180_000);

  it('refuses to start with a clear message when a variable is invalid', async () => {
    await expect(startServer({ STRIDE_DATA_DIR: tempDir(), PORT: 'eighty' })).rejects.toThrow(
      /PORT must be an integer/,
    );
  });
});

describe.skipIf(!process.env.REDIS_URL)('two server processes sharing Redis', () => {
  it('share the auth rate limit: the 11th login in a minute gets 429', async () => {
    const env = {
      REDIS_URL: process.env.REDIS_URL,
      STRIDE_REDIS_PREFIX: `stride:e2e:${Date.now()}:`,
    };
    const a = await startServer({ ...env, STRIDE_DATA_DIR: tempDir() });
    servers.push(a);
    const b = await startServer({ ...env, STRIDE_DATA_DIR: tempDir() });
    servers.push(b);
    const login = (s: ServerProcess) =>
      fetch(`${s.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'nobody', password: 'wrong-password' }),
      }).then((r) => r.status);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push(await login(a));
    for (let i = 0; i < 5; i++) statuses.push(await login(b));
    statuses.push(await login(a));
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    // Two fresh embedded databases (initdb and every migration) start first: slow on a busy machine.
  }, 180_000);
});

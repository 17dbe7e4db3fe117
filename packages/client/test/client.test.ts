import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import {
  ApiError,
  createStrideClient,
  type Session,
  toApiError,
  totpChallenge,
  unwrap,
} from '../src/index.js';

/** A fetch that answers from the in-memory app (no port), as the server would over HTTP. */
function injectFetch(app: FastifyInstance, sent: Request[] = []) {
  return async (request: Request): Promise<Response> => {
    sent.push(request.clone());
    const url = new URL(request.url);
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : undefined;
    const sentHeaders: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      sentHeaders[name] = value;
    });
    const res = await app.inject({
      method: request.method as 'GET',
      url: url.pathname + url.search,
      headers: sentHeaders,
      ...(body ? { payload: body } : {}),
    });
    const headers = new Headers();
    for (const [k, v] of Object.entries(res.headers))
      if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : String(v));
    const empty = res.statusCode === 204 || res.statusCode === 304;
    return new Response(empty ? null : new Uint8Array(res.rawPayload), {
      status: res.statusCode,
      headers,
    });
  };
}

describe('the typed client against the server it was generated from', () => {
  let app: FastifyInstance;
  let dataDir: string;
  let session: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'stride-client-test-'));
    app = await buildApp(
      loadConfig({ LOG_LEVEL: 'silent', STRIDE_DATA_DIR: dataDir, STRIDE_AUTH_RATE_LIMIT: '1000' }),
      { database: { inMemory: true } },
    );
    await app.ready();
    const anonymous = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app),
    });
    session = await unwrap(
      anonymous.POST('/api/v1/auth/signup', {
        body: { handle: 'ines', email: 'ines@example.org', password: 'correct horse battery' },
      }),
    );
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('signs requests in and reads typed answers on the documented paths', async () => {
    const sent: Request[] = [];
    const client = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app, sent),
      auth: { accessToken: () => session.access_token },
    });
    const me = await unwrap(client.GET('/api/v1/me'));
    expect(me.handle).toBe('ines');
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${session.access_token}`);

    const updated = await unwrap(client.PATCH('/api/v1/me', { body: { units: 'imperial' } }));
    expect(updated.units).toBe('imperial');

    const page = await unwrap(
      client.GET('/api/v1/activities', { params: { query: { mode: 'USER', limit: 5 } } }),
    );
    expect(page).toEqual({ items: [], next_cursor: null });
  });

  it("turns the server's error body into an ApiError", async () => {
    const client = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app),
      auth: { accessToken: () => session.access_token },
    });
    const missing = unwrap(
      client.GET('/api/v1/activities/{id}', {
        params: { path: { id: '00000000-0000-4000-8000-000000000000' } },
      }),
    );
    await expect(missing).rejects.toBeInstanceOf(ApiError);
    await expect(missing).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });

    const { error, response } = await client.PATCH('/api/v1/me', {
      body: { units: 'furlongs' as 'metric' },
    });
    expect(response.status).toBe(400);
    expect(error?.error.code).toBe('VALIDATION_FAILED');
  });

  it('refreshes an expired token once and sends the request again, body included', async () => {
    let token = 'expired';
    let refreshes = 0;
    const client = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app),
      auth: {
        accessToken: () => token,
        refresh: async () => {
          refreshes++;
          token = session.access_token;
          return true;
        },
      },
    });
    const updated = await unwrap(client.PATCH('/api/v1/me', { body: { units: 'metric' } }));
    expect(updated.units).toBe('metric');
    expect(refreshes).toBe(1);
  });

  it('does not refresh for a 401 that is not about the token (a wrong password)', async () => {
    let refreshes = 0;
    const sent: Request[] = [];
    const client = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app, sent),
      auth: {
        accessToken: () => session.access_token,
        refresh: async () => {
          refreshes++;
          return true;
        },
      },
    });
    const before = sent.length;
    const { response, error } = await client.DELETE('/api/v1/me', {
      body: { password: 'not the password' },
    });
    expect(response.status).toBe(401);
    expect(error?.error.code).toBe('INVALID_CREDENTIALS');
    expect(refreshes).toBe(0);
    expect(sent.length - before).toBe(1);
  });

  it('answers the 401 when the refresh fails, and sends no token when there is none', async () => {
    const sent: Request[] = [];
    const client = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app, sent),
      auth: { accessToken: () => 'expired', refresh: async () => false },
    });
    await expect(unwrap(client.GET('/api/v1/me'))).rejects.toMatchObject({ status: 401 });

    const signedOut = createStrideClient({
      baseUrl: 'http://stride.test',
      fetch: injectFetch(app, sent),
      auth: { accessToken: () => null },
    });
    const config = await unwrap(signedOut.GET('/api/v1/client-config'));
    expect(config.max_upload_bytes).toBeGreaterThan(0);
    expect(sent.at(-1)?.headers.has('authorization')).toBe(false);
  });
});

describe('toApiError', () => {
  it('reads the error shape, and names a status when the body is not one', () => {
    const e = toApiError(409, {
      error: { code: 'CONFLICT', message: 'illegal transition', details: { from: 'complete' } },
    });
    expect(e).toMatchObject({
      status: 409,
      code: 'CONFLICT',
      message: 'illegal transition',
      details: { from: 'complete' },
    });
    expect(toApiError(502, '<html>Bad Gateway</html>')).toMatchObject({
      status: 502,
      code: 'HTTP_ERROR',
      message: 'request failed (502)',
    });
  });
});

describe('totpChallenge', () => {
  it('finds the challenge of a login that asks for a code, and nothing in other errors', () => {
    const asked = toApiError(401, {
      error: { code: 'TOTP_REQUIRED', message: 'code', details: { challenge: 'c.h.t' } },
    });
    expect(totpChallenge(asked)).toBe('c.h.t');
    expect(
      totpChallenge(toApiError(401, { error: { code: 'INVALID_CREDENTIALS', message: 'no' } })),
    ).toBeUndefined();
    expect(totpChallenge(new Error('offline'))).toBeUndefined();
  });
});

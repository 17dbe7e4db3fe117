import { beforeAll, describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';

describe.each(DATABASES)('accounts on $name', (database) => {
  const t = useTestApp(database);
  beforeAll(async () => {});

  const post = (url: string, payload: unknown) =>
    t.app.inject({ method: 'POST', url: `/api/v1/auth${url}`, payload: payload as object });
  const me = (token: string) =>
    t.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${token}` },
    });

  it('signs up, logs in with email or handle, and reads /me', async () => {
    const signup = await post('/signup', {
      handle: 'Ada',
      email: 'ada@example.com',
      password: 'correct horse battery',
      display_name: 'Ada L.',
    });
    expect(signup.statusCode).toBe(201);
    const body = signup.json();
    expect(body.token_type).toBe('Bearer');
    expect(body.athlete).toMatchObject({
      handle: 'Ada',
      email: 'ada@example.com',
      units: 'metric',
    });
    expect(body.athlete).not.toHaveProperty('password_hash');

    for (const login of ['ada@example.com', 'ADA@example.com', 'ada']) {
      const res = await post('/login', { login, password: 'correct horse battery' });
      expect(res.statusCode).toBe(200);
      const who = await me(res.json().access_token);
      expect(who.statusCode).toBe(200);
      expect(who.json()).toMatchObject({ id: body.athlete.id, display_name: 'Ada L.' });
    }
  });

  it('answers 401 for a wrong password and for an unknown login, with the same message', async () => {
    await post('/signup', { handle: 'bob', email: 'bob@example.com', password: 'secret-password' });
    const wrong = await post('/login', { login: 'bob', password: 'not-the-password' });
    const unknown = await post('/login', { login: 'nobody', password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('refuses a duplicate handle or email, whatever the case, with 409', async () => {
    const first = await post('/signup', {
      handle: 'carol',
      email: 'carol@example.com',
      password: 'password123',
    });
    expect(first.statusCode).toBe(201);
    const sameHandle = await post('/signup', {
      handle: 'CAROL',
      email: 'other@example.com',
      password: 'password123',
    });
    expect(sameHandle.statusCode).toBe(409);
    expect(sameHandle.json().error.code).toBe('HANDLE_TAKEN');
    const sameEmail = await post('/signup', {
      handle: 'carol2',
      email: 'Carol@Example.com',
      password: 'password123',
    });
    expect(sameEmail.statusCode).toBe(409);
    expect(sameEmail.json().error.code).toBe('EMAIL_TAKEN');
  });

  it('answers 400 naming the field for an invalid body', async () => {
    const badEmail = await post('/signup', {
      handle: 'dave',
      email: 'not-an-email',
      password: 'password123',
    });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.code).toBe('VALIDATION_FAILED');
    expect(badEmail.json().error.message).toContain('body.email');

    const missing = await post('/signup', { handle: 'dave', email: 'dave@example.com' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toBe('body.password is required');
    expect(missing.json().error.details.fields).toEqual([
      { field: 'body.password', message: 'is required' },
    ]);

    const shortPassword = await post('/signup', {
      handle: 'dave',
      email: 'dave@example.com',
      password: 'short',
    });
    expect(shortPassword.statusCode).toBe(400);
    expect(shortPassword.json().error.message).toContain('body.password');

    const badHandle = await post('/signup', {
      handle: 'no spaces',
      email: 'dave@example.com',
      password: 'password123',
    });
    expect(badHandle.statusCode).toBe(400);
    expect(badHandle.json().error.message).toContain('body.handle');
  });

  it('rotates refresh tokens and revokes the family when a used one is replayed', async () => {
    const s = (
      await post('/signup', { handle: 'erin', email: 'erin@example.com', password: 'password123' })
    ).json();
    const r1 = await post('/refresh', { refresh_token: s.refresh_token });
    expect(r1.statusCode).toBe(200);
    const next = r1.json();
    expect(next.refresh_token).not.toBe(s.refresh_token);
    expect((await me(next.access_token)).statusCode).toBe(200);

    // The first token was used: presenting it again is a replay.
    const replay = await post('/refresh', { refresh_token: s.refresh_token });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_TOKEN');
    // ...and the legitimate successor is revoked with it.
    const afterReplay = await post('/refresh', { refresh_token: next.refresh_token });
    expect(afterReplay.statusCode).toBe(401);
  });

  it('logs out: the refresh token stops working, other sessions continue', async () => {
    await post('/signup', { handle: 'frank', email: 'frank@example.com', password: 'password123' });
    const a = (await post('/login', { login: 'frank', password: 'password123' })).json();
    const b = (await post('/login', { login: 'frank', password: 'password123' })).json();
    const out = await post('/logout', { refresh_token: a.refresh_token });
    expect(out.statusCode).toBe(204);
    expect((await post('/refresh', { refresh_token: a.refresh_token })).statusCode).toBe(401);
    expect((await post('/refresh', { refresh_token: b.refresh_token })).statusCode).toBe(200);
  });

  it('refuses forged, malformed and missing tokens with 401', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/me' })).json().error.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await me('not.a.jwt')).statusCode).toBe(401);
    const forged =
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJpc3MiOiJzdHJpZGUifQ.c2lnbmF0dXJl';
    expect((await me(forged)).statusCode).toBe(401);
    expect((await post('/refresh', { refresh_token: 'garbage' })).statusCode).toBe(401);
    expect(
      (await post('/refresh', { refresh_token: '00000000-0000-4000-8000-000000000000.abc' }))
        .statusCode,
    ).toBe(401);
  });

  it('updates profile settings and validates them', async () => {
    const s = (
      await post('/signup', { handle: 'gina', email: 'gina@example.com', password: 'password123' })
    ).json();
    const headers = { authorization: `Bearer ${s.access_token}` };
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers,
      payload: {
        units: 'imperial',
        weight: 61.5,
        sex: 'F',
        birth_year: 1990,
        default_visibility: 'followers',
      },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      units: 'imperial',
      weight: 61.5,
      sex: 'F',
      default_visibility: 'followers',
    });
    const bad = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers,
      payload: { units: 'furlongs' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('body.units');
    expect((await me(s.access_token)).json().units).toBe('imperial');
  });
});

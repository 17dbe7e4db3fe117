import { generate } from 'otplib';
import { describe, expect, it } from 'vitest';
import { DATABASES, useTestApp } from './adapters.js';

describe.each(DATABASES)('two-factor login on $name', (database) => {
  const t = useTestApp(database);

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const db = () => t.stride.platform.db;

  /** A current code, in a time step not used yet (as if the next 30 seconds had come). */
  async function freshCode(athleteId: string, secret: string): Promise<string> {
    await db()
      .updateTable('two_factor')
      .set({ last_step: null })
      .where('athlete_id', '=', athleteId)
      .execute();
    return generate({ secret });
  }

  /** Six-digit codes none of which the app shows around now (so each is surely wrong). */
  async function wrongCodes(secret: string, n: number): Promise<string[]> {
    const now = Date.now() / 1000;
    const near = await Promise.all(
      [-90, -60, -30, 0, 30, 60, 90].map((d) => generate({ secret, epoch: now + d })),
    );
    const out: string[] = [];
    for (let i = 0; out.length < n; i++) {
      const code = String(i).padStart(6, '0');
      if (!near.includes(code)) out.push(code);
    }
    return out;
  }

  async function account(handle: string) {
    const res = await post('/auth/signup', {
      handle,
      email: `${handle}@example.com`,
      password: 'password123',
    });
    const body = res.json();
    return { id: body.athlete.id as string, headers: bearer(body.access_token) };
  }

  /** An account with two-factor login on: its secret and recovery codes. */
  async function withTwoFactor(handle: string) {
    const a = await account(handle);
    const begin = await post('/me/two-factor', { password: 'password123' }, a.headers);
    expect(begin.statusCode, begin.body).toBe(201);
    const { secret } = begin.json();
    const confirm = await post(
      '/me/two-factor/confirm',
      { code: await generate({ secret }) },
      a.headers,
    );
    expect(confirm.statusCode, confirm.body).toBe(200);
    return { ...a, secret: secret as string, recovery: confirm.json().recovery_codes as string[] };
  }

  const challengeOf = async (handle: string) => {
    const res = await post('/auth/login', { login: handle, password: 'password123' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('TOTP_REQUIRED');
    return res.json().error.details.challenge as string;
  };

  it('sets up with a secret and a first code, and hands out ten recovery codes once', async () => {
    const a = await account('tess');
    const status = () => t.app.inject({ url: '/api/v1/me/two-factor', headers: a.headers });
    expect((await status()).json()).toEqual({
      enabled: false,
      pending: false,
      recovery_codes_left: 0,
    });

    const wrongPassword = await post('/me/two-factor', { password: 'nope-nope' }, a.headers);
    expect(wrongPassword.statusCode).toBe(403);
    const begin = await post('/me/two-factor', { password: 'password123' }, a.headers);
    expect(begin.statusCode).toBe(201);
    const { secret, otpauth_uri } = begin.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(otpauth_uri);
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('Stride');
    expect(decodeURIComponent(uri.pathname)).toContain('tess');
    expect((await status()).json()).toMatchObject({ enabled: false, pending: true });

    // Login does not ask for a code until the set-up is confirmed.
    expect((await post('/auth/login', { login: 'tess', password: 'password123' })).statusCode).toBe(
      200,
    );
    const [bad] = await wrongCodes(secret, 1);
    const wrong = await post('/me/two-factor/confirm', { code: bad! }, a.headers);
    expect(wrong.statusCode).toBe(403);
    const confirm = await post(
      '/me/two-factor/confirm',
      { code: await generate({ secret }) },
      a.headers,
    );
    expect(confirm.statusCode).toBe(200);
    const codes: string[] = confirm.json().recovery_codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect((await status()).json()).toEqual({
      enabled: true,
      pending: false,
      recovery_codes_left: 10,
    });
    // Stored as hashes only, and the set-up cannot be restarted while it is on.
    const stored = await db().selectFrom('two_factor_recovery_codes').select('code_hash').execute();
    for (const c of codes) expect(stored.map((s) => s.code_hash)).not.toContain(c);
    expect((await post('/me/two-factor', { password: 'password123' }, a.headers)).statusCode).toBe(
      409,
    );
  });

  it('asks for a code after the password, and signs in with it once', async () => {
    const a = await withTwoFactor('uli');
    const challenge = await challengeOf('uli');
    // The challenge is no access token, and an access token is no challenge.
    expect((await t.app.inject({ url: '/api/v1/me', headers: bearer(challenge) })).statusCode).toBe(
      401,
    );
    const asChallenge = await post('/auth/login/totp', {
      challenge: a.headers.authorization.slice(7),
      code: '123456',
    });
    expect(asChallenge.statusCode).toBe(401);
    expect(asChallenge.json().error.code).toBe('INVALID_TOKEN');

    const [bad] = await wrongCodes(a.secret, 1);
    const wrong = await post('/auth/login/totp', { challenge, code: bad! });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('INVALID_CODE');

    const code = await freshCode(a.id, a.secret);
    const ok = await post('/auth/login/totp', { challenge, code });
    expect(ok.statusCode, ok.body).toBe(200);
    const session = ok.json();
    expect(session.athlete.handle).toBe('uli');
    expect(
      (await t.app.inject({ url: '/api/v1/me', headers: bearer(session.access_token) })).statusCode,
    ).toBe(200);
    // The same code again (another challenge, same time step) is refused: a code works once.
    const replay = await post('/auth/login/totp', { challenge: await challengeOf('uli'), code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('INVALID_CODE');
  });

  it('signs in with a recovery code, each once, written any way', async () => {
    const a = await withTwoFactor('vic');
    const [first, second] = a.recovery as [string, string];
    const ok = await post('/auth/login/totp', { challenge: await challengeOf('vic'), code: first });
    expect(ok.statusCode).toBe(200);
    const again = await post('/auth/login/totp', {
      challenge: await challengeOf('vic'),
      code: first,
    });
    expect(again.statusCode).toBe(401);
    const loose = second.toUpperCase().replace(/-/g, ' ');
    const other = await post('/auth/login/totp', {
      challenge: await challengeOf('vic'),
      code: loose,
    });
    expect(other.statusCode).toBe(200);
    const status = await t.app.inject({ url: '/api/v1/me/two-factor', headers: a.headers });
    expect(status.json().recovery_codes_left).toBe(8);
  });

  it('locks code checks after five wrong codes, even for the right one, until the lock ends', async () => {
    const a = await withTwoFactor('wes');
    const challenge = await challengeOf('wes');
    const bad = await wrongCodes(a.secret, 12);
    for (let i = 0; i < 5; i++) {
      const res = await post('/auth/login/totp', { challenge, code: bad[i]! });
      expect(res.statusCode).toBe(401);
    }
    const locked = await post('/auth/login/totp', {
      challenge,
      code: await freshCode(a.id, a.secret),
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error.code).toBe('RATE_LIMITED');
    expect(locked.json().error.message).toMatch(/try again in 15 minutes/);
    // A recovery code is a code too.
    expect((await post('/auth/login/totp', { challenge, code: a.recovery[0]! })).statusCode).toBe(
      429,
    );
    // Attempts sent all at once are counted before they are checked.
    await db()
      .updateTable('two_factor')
      .set({ failures: 0, locked_until: null })
      .where('athlete_id', '=', a.id)
      .execute();
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) => post('/auth/login/totp', { challenge, code: bad[i]! })),
    );
    expect(burst.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect(burst.filter((r) => r.statusCode === 429)).toHaveLength(7);
    // When the lock has run out, the right code signs in and the count starts again.
    await db()
      .updateTable('two_factor')
      .set({ locked_until: new Date(Date.now() - 1000) })
      .where('athlete_id', '=', a.id)
      .execute();
    const ok = await post('/auth/login/totp', { challenge, code: await freshCode(a.id, a.secret) });
    expect(ok.statusCode, ok.body).toBe(200);
    const row = await db()
      .selectFrom('two_factor')
      .select(['failures', 'locked_until'])
      .where('athlete_id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failures: 0, locked_until: null });
  });

  it('turns off only with the password and a code', async () => {
    const a = await withTwoFactor('xia');
    const off = (payload: object) =>
      t.app.inject({ method: 'DELETE', url: '/api/v1/me/two-factor', headers: a.headers, payload });
    expect(
      (await off({ password: 'wrong-one', code: await freshCode(a.id, a.secret) })).statusCode,
    ).toBe(403);
    const [bad] = await wrongCodes(a.secret, 1);
    expect((await off({ password: 'password123', code: bad! })).statusCode).toBe(403);
    expect((await off({ password: 'password123', code: a.recovery[3]! })).statusCode).toBe(204);
    const login = await post('/auth/login', { login: 'xia', password: 'password123' });
    expect(login.statusCode).toBe(200);
    expect(
      await db()
        .selectFrom('two_factor_recovery_codes')
        .selectAll()
        .where('athlete_id', '=', a.id)
        .execute(),
    ).toEqual([]);
  });

  it('refuses a challenge that is forged or made for another purpose', async () => {
    await withTwoFactor('yan');
    const challenge = await challengeOf('yan');
    const [head, body] = challenge.split('.');
    const forged = `${head}.${body}.${'A'.repeat(43)}`;
    const res = await post('/auth/login/totp', { challenge: forged, code: '123456' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('INVALID_TOKEN');
  });
});

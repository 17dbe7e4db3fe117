import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createSigner } from 'fast-jwt';
import { Migrator, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AuthService } from '../src/accounts/auth.service.js';
import { SessionRepository } from '../src/accounts/session.repository.js';
import { syntheticActivity, toGpx } from '../src/demo/synthetic-activity.js';
import { migrations } from '../src/platform/db/migrations/index.js';
import { AppError } from '../src/platform/errors.js';
import { DATABASES, useDatabaseHandle, useTestApp } from './adapters.js';
import { multipart } from './helpers.js';

/** Polls `condition` until it holds or the deadline passes. */
async function eventually(condition: () => Promise<boolean>, deadlineMs = 10_000): Promise<void> {
  const end = Date.now() + deadlineMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('the condition did not hold before the deadline');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const gpx = new TextEncoder().encode(
  toGpx(
    'Session run',
    'Run',
    syntheticActivity({
      seed: 4,
      sport: 'Run',
      startLat: 45.76,
      startLng: 4.83,
      startTime: 1_780_000_000,
      distanceM: 1500,
    }),
  ),
);

/** Every file under a folder, as paths relative to it. */
function filesUnder(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1));
}

describe.each(DATABASES)('sessions on $name', (database) => {
  const t = useTestApp(database);

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload, headers });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const me = (token: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });
  async function signUp(handle: string) {
    const res = await post('/auth/signup', {
      handle,
      email: `${handle}@example.com`,
      password: 'password123',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { access_token: string; refresh_token: string; athlete: { id: string } };
  }
  const login = async (handle: string) =>
    (await post('/auth/login', { login: handle, password: 'password123' })).json() as {
      access_token: string;
      refresh_token: string;
    };

  it('ends access at once on logout, and only for that session', async () => {
    await signUp('sam');
    const a = await login('sam');
    const b = await login('sam');
    expect((await me(a.access_token)).statusCode).toBe(200);
    expect((await post('/auth/logout', { refresh_token: a.refresh_token })).statusCode).toBe(204);
    const after = await me(a.access_token);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('INVALID_TOKEN');
    // Writes as well as reads.
    const write = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: bearer(a.access_token),
      payload: { units: 'imperial' },
    });
    expect(write.statusCode).toBe(401);
    expect((await me(b.access_token)).statusCode).toBe(200);
  });

  it('ends access at once when a used refresh token is replayed', async () => {
    const s = await signUp('rae');
    const next = (await post('/auth/refresh', { refresh_token: s.refresh_token })).json();
    expect((await me(s.access_token)).statusCode).toBe(200);
    expect((await me(next.access_token)).statusCode).toBe(200);
    // Someone replays the first refresh token: every access token of the session stops.
    expect((await post('/auth/refresh', { refresh_token: s.refresh_token })).statusCode).toBe(401);
    expect((await me(s.access_token)).statusCode).toBe(401);
    expect((await me(next.access_token)).statusCode).toBe(401);
  });

  it('refuses a sign-out made by another process: writes at once, reads within its TTL', async () => {
    await signUp('otto');
    const s = await login('otto');
    // Another process: its own cache over the same database, with a short TTL.
    const other = new AuthService(
      t.stride.athletes.athletes,
      new SessionRepository(t.stride.platform.db),
      t.stride.accounts.twoFactor,
      {
        jwtSecret: t.stride.platform.jwtSecret,
        accessTokenTtlS: 900,
        refreshTokenTtlS: 3600,
        sessionCheckTtlMs: 200,
      },
    );
    expect(await other.authenticate(s.access_token)).toBeTruthy();
    await post('/auth/logout', { refresh_token: s.refresh_token });
    await expect(other.authenticate(s.access_token, { fresh: true })).rejects.toMatchObject({
      code: 'INVALID_TOKEN',
    });
    await eventually(async () =>
      other.authenticate(s.access_token).then(
        () => false,
        (e) => e instanceof AppError && e.statusCode === 401,
      ),
    );
  });

  it('refuses access tokens issued before sessions were checked (no session id)', async () => {
    const s = await signUp('olga');
    const sign = createSigner({
      key: t.stride.platform.jwtSecret,
      algorithm: 'HS256',
      expiresIn: 60_000,
      iss: 'stride',
    });
    const old = sign({ sub: s.athlete.id });
    expect((await me(old)).statusCode).toBe(401);
    // A session id that does not exist is no better.
    const made = sign({ sub: s.athlete.id, sid: randomUUID() });
    expect((await me(made)).statusCode).toBe(401);
  });

  it('answers a deleted account’s token with 401 everywhere, leaving no file behind', async () => {
    const s = await signUp('dora');
    const headers = bearer(s.access_token);
    const gone = await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers,
      payload: { password: 'password123' },
    });
    expect(gone.statusCode).toBe(204);
    const blobsRoot = join(t.config.dataDir, 'blobs');
    const before = filesUnder(blobsRoot);
    const form = multipart({ name: 'run.gpx', bytes: gpx });
    const requests = [
      t.app.inject({ method: 'GET', url: '/api/v1/me', headers }),
      t.app.inject({ method: 'GET', url: '/api/v1/me/export', headers }),
      t.app.inject({ method: 'GET', url: '/api/v1/activities?mode=FRIENDS', headers }),
      post('/me/privacy-zones', { lat: 45.7, lng: 4.8, radius: 300 }, headers),
      post('/activities', { sport_type: 'Run' }, headers),
      post(
        '/segments',
        {
          name: 'Gone climb',
          points: [
            [45.76, 4.83],
            [45.762, 4.83],
          ],
          sport_type: 'Run',
        },
        headers,
      ),
      t.app.inject({
        method: 'POST',
        url: '/api/v1/uploads',
        payload: form.payload,
        headers: { ...form.headers, ...headers },
      }),
      t.app.inject({ method: 'PUT', url: '/api/v1/athletes/sam/follow', headers }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.statusCode, res.body).toBe(401);
      expect(res.json().error.code).toBe('INVALID_TOKEN');
    }
    expect(filesUnder(blobsRoot)).toEqual(before);
  });

  it('removes the stored file when the account goes while its upload is accepted', async () => {
    const s = await signUp('uma');
    await t.app.inject({
      method: 'DELETE',
      url: '/api/v1/me',
      headers: bearer(s.access_token),
      payload: { password: 'password123' },
    });
    const blobsRoot = join(t.config.dataDir, 'blobs');
    const before = filesUnder(blobsRoot);
    // The request was signed in before the account went: the upload itself finds it gone.
    await expect(
      t.stride.uploads.uploads.accept(s.athlete.id, gpx, 'run.gpx', {}),
    ).rejects.toMatchObject({ statusCode: 401, code: 'INVALID_TOKEN' });
    expect(filesUnder(blobsRoot)).toEqual(before);
    expect(filesUnder(join(blobsRoot, 'uploads'))).toEqual(
      before.filter((f) => f.startsWith('uploads')).map((f) => f.slice('uploads/'.length)),
    );
  });
});

describe.each(DATABASES)('sessions migration on $name', (database) => {
  const handle = useDatabaseHandle(database);

  it('makes a session of every refresh-token family, revoked when all its tokens were', async () => {
    const names = Object.keys(migrations);
    const migrator = new Migrator({
      db: handle().db,
      provider: { getMigrations: async () => migrations },
      migrationTableName: 'stride_migrations',
      migrationLockTableName: 'stride_migrations_lock',
    });
    const before = names[names.indexOf('2026-12-07T0300-sessions-two-factor') - 1]!;
    expect((await migrator.migrateTo(before)).error).toBeUndefined();

    const athlete = randomUUID();
    await sql`insert into athletes (id, handle, email, password_hash, display_name)
              values (${athlete}, 'old', 'old@example.com', 'x', 'Old')`.execute(handle().db);
    const live = randomUUID();
    const revoked = randomUUID();
    const token = (family: string, revokedAt: Date | null, replacedBy: string | null = null) => {
      const id = randomUUID();
      return sql`insert into refresh_tokens
                   (id, family_id, athlete_id, token_hash, expires_at, replaced_by, revoked_at)
                 values (${id}, ${family}, ${athlete}, 'h', now() + interval '1 day',
                         ${replacedBy}, ${revokedAt})`.execute(handle().db);
    };
    await token(live, null, randomUUID());
    await token(live, null);
    await token(revoked, new Date('2026-12-01T00:00:00Z'));
    await token(revoked, new Date('2026-12-02T00:00:00Z'));

    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const sessions = await handle()
      .db.selectFrom('sessions')
      .select(['id', 'athlete_id', 'revoked_at'])
      .orderBy('id')
      .execute();
    expect(sessions).toHaveLength(2);
    const byId = new Map(sessions.map((s) => [s.id, s]));
    expect(byId.get(live)).toMatchObject({ athlete_id: athlete, revoked_at: null });
    expect(byId.get(revoked)?.revoked_at?.toISOString()).toBe('2026-12-02T00:00:00.000Z');
    // Deleting the athlete takes sessions and tokens with it.
    await sql`delete from athletes where id = ${athlete}`.execute(handle().db);
    const left = await sql<{ n: number }>`select count(*)::int as n from sessions`.execute(
      handle().db,
    );
    expect(left.rows[0]!.n).toBe(0);
  });
});

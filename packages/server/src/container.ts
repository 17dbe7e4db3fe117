import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Config } from './config.js';
import { type DatabaseHandle, type DatabaseOptions, openDatabase } from './db/dialect.js';
import { isMigrated, migrateToLatest } from './db/migrate.js';
import { AthleteRepository } from './repositories/athlete.repository.js';
import { RefreshTokenRepository } from './repositories/refresh-token.repository.js';
import { SettingsRepository } from './repositories/settings.repository.js';
import { AuthService } from './services/auth.service.js';

/** Everything the HTTP layer and jobs use, wired once from config. */
export interface Container {
  config: Readonly<Config>;
  database: DatabaseHandle;
  /** Present when REDIS_URL is set. */
  redis: Redis | undefined;
  athletes: AthleteRepository;
  auth: AuthService;
  /** Database reachable and every migration applied. */
  isReady(): Promise<boolean>;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Overrides for how the database is opened (tests: in-memory PGlite, own PostgreSQL database). */
  database?: Partial<DatabaseOptions>;
}

export async function createContainer(
  config: Readonly<Config>,
  options: ContainerOptions = {},
): Promise<Container> {
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    ...options.database,
  });
  let redis: Redis | undefined;
  try {
    await migrateToLatest(database.db);
    const settings = new SettingsRepository(database.db);
    // Without a configured secret, the first process generates one and every process (and
    // every restart) reads the same value from the database.
    const jwtSecret =
      config.jwtSecret ??
      (await settings.getOrInit('jwt_secret', randomBytes(48).toString('base64url')));
    if (config.redisUrl) {
      redis = new Redis(config.redisUrl, { maxRetriesPerRequest: 2, lazyConnect: true });
      await redis.connect();
    }
    const athletes = new AthleteRepository(database.db);
    const auth = new AuthService(athletes, new RefreshTokenRepository(database.db), {
      jwtSecret,
      accessTokenTtlS: config.accessTokenTtlS,
      refreshTokenTtlS: config.refreshTokenTtlS,
    });

    let migrated = false;
    return {
      config,
      database,
      redis,
      athletes,
      auth,
      async isReady() {
        try {
          await database.ping();
          migrated ||= await isMigrated(database.db);
          return migrated;
        } catch {
          return false;
        }
      },
      async close() {
        await redis?.quit().catch(() => redis?.disconnect());
        await database.close();
      },
    };
  } catch (error) {
    redis?.disconnect();
    await database.close();
    throw error;
  }
}

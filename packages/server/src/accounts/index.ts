import type { ActivitiesModule } from '../activities/index.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import type { PhotoService } from '../photos/photo.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import type { PrivacyService } from '../privacy/privacy.service.js';
import type { SocialService } from '../social/social.service.js';
import type { UploadService } from '../uploads/upload.service.js';
import { AccountService } from './account.service.js';
import { authRoutes } from './auth.routes.js';
import { AuthService } from './auth.service.js';
import { meRoutes } from './me.routes.js';
import { SessionRepository } from './session.repository.js';
import { TwoFactorRepository } from './two-factor.repository.js';
import { twoFactorRoutes } from './two-factor.routes.js';
import { TwoFactorService } from './two-factor.service.js';

export type { AuthService } from './auth.service.js';

/**
 * Accounts: sign up, log in (with an optional second factor), tokens and sessions; the
 * signed-in athlete's profile and settings; their data export and the deletion of the account.
 */
export function createAccountsModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    follows: FollowService;
    activities: ActivitiesModule;
    privacy: PrivacyService;
    uploads: UploadService;
    photos: PhotoService;
    /** Late-bound: the notifications feature is built after this one. */
    notificationsOf: () => (athleteId: string) => Promise<unknown>;
    social: SocialService;
  },
) {
  const { db, config, jwtSecret, blobs, events } = platform;
  const twoFactor = new TwoFactorService(new TwoFactorRepository(db), deps.athletes);
  const auth = new AuthService(deps.athletes, new SessionRepository(db), twoFactor, {
    jwtSecret,
    accessTokenTtlS: config.accessTokenTtlS,
    refreshTokenTtlS: config.refreshTokenTtlS,
    sessionCheckTtlMs: config.sessionCacheS * 1000,
  });
  const account = new AccountService({
    athletes: deps.athletes,
    follows: deps.follows,
    activities: deps.activities.activities,
    reads: deps.activities.reads,
    privacy: deps.privacy,
    uploads: deps.uploads,
    photos: deps.photos,
    notificationsOf: deps.notificationsOf,
    social: deps.social,
    blobs,
    events,
    sessions: auth,
  });
  return {
    auth,
    account,
    twoFactor,
    routes: [
      routes('/api/v1/auth', authRoutes, { auth, config }),
      routes('/api/v1/me', meRoutes, { athletes: deps.athletes, account }),
      routes('/api/v1/me/two-factor', twoFactorRoutes, { twoFactor, config }),
    ],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type AccountsModule = ReturnType<typeof createAccountsModule>;

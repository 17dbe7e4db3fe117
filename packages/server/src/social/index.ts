import type { ActivityService } from '../activities/activity.service.js';
import type { AthleteService } from '../athletes/athlete.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { CommentRepository } from './comment.repository.js';
import { KudosRepository } from './kudos.repository.js';
import { socialRoutes } from './social.routes.js';
import { SocialService } from './social.service.js';

export type { SocialService, SocialSummary } from './social.service.js';
export { NO_SOCIAL } from './social.service.js';

/**
 * Kudos and comments on activities: given and written by whoever may see the activity, counted
 * exactly in `activity_social_counts`, told to the owner (and to athletes a comment mentions)
 * through `kudos.given` and `comment.added`.
 */
export function createSocialModule(
  platform: Platform,
  deps: { activities: ActivityService; athletes: AthleteService },
) {
  const social = new SocialService(
    new KudosRepository(platform.db),
    new CommentRepository(platform.db),
    deps.activities,
    deps.athletes,
    platform.events,
  );
  return {
    social,
    routes: [
      routes('/api/v1/activities', socialRoutes, {
        social,
        commentRateLimit: platform.config.commentRateLimit,
      }),
    ],
    jobs: {},
  } satisfies FeatureModule & Record<string, unknown>;
}

export type SocialModule = ReturnType<typeof createSocialModule>;

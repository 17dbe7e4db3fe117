import type { AthleteService } from '../athletes/athlete.service.js';
import type { FollowService } from '../athletes/follow.service.js';
import { type FeatureModule, routes } from '../platform/module.js';
import type { Platform } from '../platform/platform.js';
import { TrainingRepository } from './training.repository.js';
import { trainingRoutes } from './training.routes.js';
import { type RenderMissingOthersViews, TrainingService } from './training.service.js';

export type { TrainingService } from './training.service.js';

/** An activity without training numbers or achievements. */
export const NO_TRAINING = {
  relative_effort: null,
  training_load: null,
  training_load_source: null,
  achievements: [] as never[],
};

/**
 * Training: per-activity load and relative effort, personal records and achievements, daily
 * roll-ups kept current by jobs, and the reads on them (progress, training log, fitness and
 * form, achievements, year in review) and goals.
 */
export function createTrainingModule(
  platform: Platform,
  deps: {
    athletes: AthleteService;
    follows: FollowService;
    renderMissingOthersViews: RenderMissingOthersViews;
  },
) {
  const { db, events, jobs } = platform;
  const training = new TrainingService(
    new TrainingRepository(db),
    deps.athletes,
    deps.follows,
    jobs,
    events,
    deps.renderMissingOthersViews,
  );
  training.listen(events);
  return {
    training,
    routes: [routes('/api/v1', trainingRoutes, { athletes: deps.athletes, training })],
    jobs: {
      'training.activity': ({ activityId }) => training.processActivity(activityId),
      'training.athlete-day': (p) => training.processDay(p),
      'training.athlete': ({ athleteId }) => training.processAthlete(athleteId),
    },
  } satisfies FeatureModule & Record<string, unknown>;
}

export type TrainingModule = ReturnType<typeof createTrainingModule>;

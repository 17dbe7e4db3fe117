import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AthleteService } from '../athletes/athlete.service.js';
import { AthleteRef } from '../athletes/athletes.routes.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { AthleteStatsService } from './athlete-stats.service.js';

const Totals = Type.Object({
  count: Type.Integer(),
  distance: Type.Number({ description: 'metres' }),
  moving_time: Type.Number({ description: 'seconds' }),
  elapsed_time: Type.Number({ description: 'seconds' }),
  elevation_gain: Type.Number({ description: 'metres' }),
});
const Stats = Type.Object(
  Object.fromEntries(
    ['recent', 'ytd', 'all'].flatMap((w) =>
      ['run', 'ride', 'swim'].map((f) => [`${w}_${f}_totals`, Totals]),
    ),
  ),
  {
    description:
      "Strava's ActivityStats: recent (last 4 weeks), year to date (UTC) and all-time totals of " +
      'the activities the viewer may see',
  },
);

/** An athlete's totals, from the activities the viewer may see (under /athletes/:athlete). */
export const athleteStatsRoutes: FastifyPluginAsyncTypebox<{
  athletes: AthleteService;
  stats: AthleteStatsService;
}> = async (app, { athletes, stats }) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/:athlete/stats',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Totals of an athlete’s runs, rides and swims: last 4 weeks, this year, all time',
        security,
        params: AthleteRef,
        response: { 200: Stats, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const athlete = await athletes.resolve(request.params.athlete);
      return stats.stats(request.athleteId, athlete.id);
    },
  );
};

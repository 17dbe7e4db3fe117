import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SportType } from '../activities/activity.schemas.js';
import { invalidField } from '../platform/errors.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { AthleteBoardEntry, LeaderboardService } from './leaderboard.service.js';

const Day = (description: string) => Type.String({ format: 'date', description });
// Boards key places by their trimmed, lower-cased name: a blank one names no place.
const Place = (description: string) =>
  Type.String({ minLength: 1, maxLength: 80, pattern: '\\S', description });

const Entry = Type.Object({
  rank: Type.Integer({ description: '1 = longest distance; equal distances share a rank' }),
  athlete: Type.Object({
    id: Type.String({ format: 'uuid' }),
    handle: Type.String(),
    display_name: Type.String(),
  }),
  distance: Type.Number({ description: 'metres' }),
  moving_time: Type.Number({ description: 'seconds' }),
  total_elevation_gain: Type.Number({ description: 'metres' }),
  activities: Type.Integer(),
});

function present(e: AthleteBoardEntry) {
  return {
    rank: e.rank,
    athlete: { id: e.athlete.id, handle: e.athlete.handle, display_name: e.athlete.display_name },
    distance: e.distanceM,
    moving_time: e.movingS,
    total_elevation_gain: e.elevGainM,
    activities: e.activities,
  };
}

const invalid = (field: string, message: string) => invalidField(`querystring.${field}`, message);

/** Athlete leaderboards: top athletes by distance for a sport and a period. */
export const leaderboardRoutes: FastifyPluginAsyncTypebox<{
  leaderboards: LeaderboardService;
}> = async (app, { leaderboards }) => {
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/athletes',
    {
      schema: {
        tags: ['leaderboards'],
        summary: 'Top athletes by distance for a sport this week, month, year or in a range',
        description:
          'Counts complete activities visible to everyone or to followers, each with the ' +
          'numbers others are shown of it (the visible part when privacy zones or hidden ' +
          'start/end cut some off), for every viewer, the athlete included. Periods are local ' +
          'calendar periods (ISO weeks, Monday first) of the viewer’s date; a custom range is ' +
          'at most 366 days within the last 400. A regional board names a country, and ' +
          'optionally a region or a city of it, as athletes wrote them in their profile.',
        security: [{ bearerAuth: [] }],
        querystring: Type.Object({
          sport: SportType,
          period: Type.Optional(
            Type.Union(
              [
                Type.Literal('week'),
                Type.Literal('month'),
                Type.Literal('year'),
                Type.Literal('custom'),
              ],
              { default: 'week' },
            ),
          ),
          from: Type.Optional(Day('first day of a custom range (YYYY-MM-DD)')),
          to: Type.Optional(Day('last day of a custom range, included')),
          date: Type.Optional(
            Day('the viewer’s local date, picking the current period (default: today, UTC)'),
          ),
          country: Type.Optional(Place('only athletes of this country')),
          region: Type.Optional(Place('only athletes of this region of the country')),
          city: Type.Optional(Place('only athletes of this city of the country')),
          following: Type.Optional(
            Type.Boolean({ default: false, description: 'only me and athletes I follow' }),
          ),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
        }),
        response: {
          200: Type.Object({
            entries: Type.Array(Entry),
            viewer: Type.Union([Entry, Type.Null()], {
              description: 'my own entry and rank, or null when I am not on this board',
            }),
          }),
          ...errorResponses(400, 401, 503),
        },
      },
    },
    async (request) => {
      const q = request.query;
      const custom = (q.period ?? 'week') === 'custom';
      if (custom && !q.from) throw invalid('from', 'is required when period is custom');
      if (custom && !q.to) throw invalid('to', 'is required when period is custom');
      if (!custom && (q.from || q.to))
        throw invalid(q.from ? 'from' : 'to', 'is only for period=custom');
      const period = custom
        ? { from: q.from!, to: q.to! }
        : ((q.period ?? 'week') as 'week' | 'month' | 'year');
      const board = await leaderboards.athleteBoard(request.athleteId, {
        sport: q.sport,
        period,
        date: q.date,
        place: { country: q.country, region: q.region, city: q.city },
        following: q.following ?? false,
        limit: q.limit ?? 10,
      });
      return {
        entries: board.entries.map(present),
        viewer: board.viewer ? present(board.viewer) : null,
      };
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { decodeCursor, encodeCursor, Page, PageQuery } from '../platform/http/pagination.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { FollowService } from './follow.service.js';

export const AthleteRef = Type.Object({
  athlete: Type.String({ minLength: 1, maxLength: 64, description: 'athlete id or handle' }),
});

const AthleteSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  handle: Type.String(),
  display_name: Type.String(),
});

const Profile = Type.Object({
  ...AthleteSummary.properties,
  city: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  follower_count: Type.Integer(),
  following_count: Type.Integer(),
  followed: Type.Boolean({ description: 'whether the signed-in athlete follows this one' }),
});

const Edge = Type.Object({
  ...AthleteSummary.properties,
  since: Type.String({ format: 'date-time' }),
});

/** Athlete profiles, follow and unfollow, followers and following. */
export const athleteRoutes: FastifyPluginAsyncTypebox<{ follows: FollowService }> = async (
  app,
  { follows },
) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/:athlete',
    {
      schema: {
        tags: ['athletes'],
        summary: 'An athlete’s public profile',
        security,
        params: AthleteRef,
        response: { 200: Profile, ...errorResponses(401, 404) },
      },
    },
    async (request) => {
      const p = await follows.profile(request.athleteId, request.params.athlete);
      return {
        id: p.athlete.id,
        handle: p.athlete.handle,
        display_name: p.athlete.display_name,
        city: p.athlete.city,
        region: p.athlete.region,
        country: p.athlete.country,
        follower_count: p.followers,
        following_count: p.following,
        followed: p.followed,
      };
    },
  );

  app.put(
    '/:athlete/follow',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Follow an athlete (idempotent)',
        security,
        params: AthleteRef,
        response: { 204: Type.Null(), ...errorResponses(401, 404, 422) },
      },
    },
    async (request, reply) => {
      await follows.follow(request.athleteId, request.params.athlete);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/:athlete/follow',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Unfollow an athlete (idempotent)',
        security,
        params: AthleteRef,
        response: { 204: Type.Null(), ...errorResponses(401, 404) },
      },
    },
    async (request, reply) => {
      await follows.unfollow(request.athleteId, request.params.athlete);
      return reply.status(204).send(null);
    },
  );

  for (const direction of ['followers', 'following'] as const) {
    app.get(
      `/:athlete/${direction}`,
      {
        schema: {
          tags: ['athletes'],
          summary:
            direction === 'followers' ? 'Who follows this athlete' : 'Whom this athlete follows',
          security,
          params: AthleteRef,
          querystring: Type.Object(PageQuery),
          response: { 200: Page(Edge), ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 30;
        const key = decodeCursor(request.query.cursor);
        const after = key ? { createdAt: key.at, athleteId: key.id } : undefined;
        const rows = await follows.list(request.params.athlete, direction, limit, after);
        const last = rows.at(-1);
        return {
          items: rows.map((r) => ({
            id: r.athlete_id,
            handle: r.handle,
            display_name: r.display_name,
            since: r.created_at.toISOString(),
          })),
          next_cursor:
            rows.length === limit && last ? encodeCursor(last.created_at, last.athlete_id) : null,
        };
      },
    );
  }
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/http/schemas.js';
import {
  AthleteRef,
  AthleteSummary,
  EdgePage,
  EdgePageQuery,
  edgeCursor,
  FollowState,
  presentEdges,
} from './athletes.schemas.js';
import type { FollowService } from './follow.service.js';

export { AthleteRef } from './athletes.schemas.js';

const Profile = Type.Object({
  ...AthleteSummary.properties,
  city: Type.Union([Type.String(), Type.Null()]),
  region: Type.Union([Type.String(), Type.Null()]),
  country: Type.Union([Type.String(), Type.Null()]),
  follower_count: Type.Integer({ description: 'accepted followers' }),
  following_count: Type.Integer(),
  followed: Type.Boolean({ description: 'whether the signed-in athlete follows this one' }),
  follow_state: FollowState,
  approve_followers: Type.Boolean({
    description: 'whether this athlete approves followers: a follow is a request until accepted',
  }),
  blocked: Type.Boolean({ description: 'whether the signed-in athlete blocks this one' }),
});

/**
 * Athlete profiles, follow (or ask to) and unfollow (or cancel the request), followers and
 * following. An athlete who blocks the signed-in one is answered 404 everywhere here.
 */
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
        followed: p.relation.state === 'following',
        follow_state: p.relation.state,
        approve_followers: p.athlete.approve_followers,
        blocked: p.relation.blocking,
      };
    },
  );

  app.put(
    '/:athlete/follow',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Follow an athlete, or ask to when they approve followers (idempotent)',
        description:
          'Answers the follow state: `following`, or `requested` until the athlete accepts. ' +
          '422 for yourself or an athlete you block; 404 for one who blocks you.',
        security,
        params: AthleteRef,
        response: {
          200: Type.Object({ state: FollowState }),
          ...errorResponses(401, 404, 422),
        },
      },
    },
    async (request) => ({
      state: await follows.follow(request.athleteId, request.params.athlete),
    }),
  );

  app.delete(
    '/:athlete/follow',
    {
      schema: {
        tags: ['athletes'],
        summary: 'Unfollow an athlete, or cancel a pending request (idempotent)',
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
            direction === 'followers'
              ? 'Who follows this athlete (accepted followers)'
              : 'Whom this athlete follows',
          security,
          params: AthleteRef,
          querystring: EdgePageQuery,
          response: { 200: EdgePage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 30;
        const rows = await follows.list(
          request.athleteId,
          request.params.athlete,
          direction,
          limit,
          edgeCursor(request.query),
        );
        return presentEdges(rows, limit);
      },
    );
  }
};

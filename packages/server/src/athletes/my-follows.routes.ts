import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/http/schemas.js';
import {
  AthleteRef,
  EdgePage,
  EdgePageQuery,
  edgeCursor,
  presentEdges,
} from './athletes.schemas.js';
import type { FollowService } from './follow.service.js';

/**
 * The signed-in athlete's own follow requests, followers and blocks. Each route acts on the
 * token's athlete only: nobody can accept, decline or remove for someone else.
 */
export const myFollowsRoutes: FastifyPluginAsyncTypebox<{ follows: FollowService }> = async (
  app,
  { follows },
) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  const lists = [
    ['/follow-requests', 'Follow requests waiting for my approval, newest first', 'requests'],
    ['/blocks', 'Athletes I block, newest first', 'blocked'],
  ] as const;
  for (const [path, summary, method] of lists) {
    app.get(
      path,
      {
        schema: {
          tags: ['me'],
          summary,
          security,
          querystring: EdgePageQuery,
          response: { 200: EdgePage, ...errorResponses(400, 401) },
        },
      },
      async (request) => {
        const limit = request.query.limit ?? 30;
        const rows = await follows[method](request.athleteId, limit, edgeCursor(request.query));
        return presentEdges(rows, limit);
      },
    );
  }

  // Each acts on the signed-in athlete's own graph, naming the other athlete; 204 when done.
  const actions = [
    [
      'POST',
      '/follow-requests/:athlete/accept',
      'accept',
      'Accept a follow request',
      '404 when this athlete has not asked to follow me.',
      [404],
    ],
    [
      'POST',
      '/follow-requests/:athlete/decline',
      'decline',
      'Decline a follow request',
      '404 when this athlete has not asked to follow me.',
      [404],
    ],
    [
      'DELETE',
      '/followers/:athlete',
      'removeFollower',
      'Remove a follower (idempotent)',
      'Ends their follow (and any request of theirs); they may follow or ask again.',
      [404],
    ],
    [
      'PUT',
      '/blocks/:athlete',
      'block',
      'Block an athlete (idempotent)',
      'They no longer see my profile or activities (404), cannot follow or ask to; every ' +
        'follow and request between us ends, both ways. 422 for myself.',
      [404, 422],
    ],
    [
      'DELETE',
      '/blocks/:athlete',
      'unblock',
      'Unblock an athlete (idempotent)',
      'Follows the block ended do not come back.',
      [404],
    ],
  ] as const;
  for (const [method, url, action, summary, description, errors] of actions) {
    app.route({
      method,
      url,
      schema: {
        tags: ['me'],
        summary,
        description,
        security,
        params: AthleteRef,
        response: { 204: Type.Null(), ...errorResponses(401, ...errors) },
      },
      handler: async (request, reply) => {
        await follows[action](request.athleteId, request.params.athlete);
        return reply.status(204).send(null);
      },
    });
  }
};

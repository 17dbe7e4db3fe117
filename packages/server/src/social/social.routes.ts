import type {
  FastifyPluginAsyncTypebox,
  TypeBoxTypeProvider,
} from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { Errors } from '../platform/errors.js';
import { decodeCursor, encodeCursor, PageQuery } from '../platform/http/pagination.js';
import { errorResponses } from '../platform/http/schemas.js';
import {
  CommentPage,
  Comment as CommentSchema,
  KudosPage,
  KudosState,
  NewComment,
  presentComment,
} from './social.schemas.js';
import type { SocialService } from './social.service.js';

const Id = Type.Object({ id: Type.String({ format: 'uuid' }) });
const CommentId = Type.Object({
  id: Type.String({ format: 'uuid' }),
  commentId: Type.String({ format: 'uuid' }),
});
const WHO =
  'Seen by exactly who may see the activity (404 for anyone else, as for the activity itself).';

/** How many comments one athlete may post: per minute, and per hour. */
export interface CommentRateLimit {
  perMinute: number;
  perHour: number;
}

/**
 * Kudos and comments on activities (Strava's `/activities/{id}/kudos` and `/comments`). Reads
 * are open to whoever may see the activity; writes need a token.
 */
export const socialRoutes: FastifyPluginAsyncTypebox<{
  social: SocialService;
  commentRateLimit: CommentRateLimit;
}> = async (app, { social, commentRateLimit }) => {
  const security = [{ bearerAuth: [] }];

  app.register(async (scope) => {
    const pub = scope.withTypeProvider<TypeBoxTypeProvider>();
    pub.addHook('preHandler', pub.optionalAuthenticate);

    pub.get(
      '/:id/kudos',
      {
        schema: {
          tags: ['social'],
          summary: 'Who gave kudos to an activity, newest first',
          description: WHO,
          params: Id,
          querystring: Type.Object(PageQuery),
          response: { 200: KudosPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const { cursor, limit = 30 } = request.query;
        const page = await social.kudosGivers(
          request.athleteId || undefined,
          request.params.id,
          limit,
          decodeCursor(cursor),
        );
        return {
          items: page.items.map((k) => ({
            athlete: k.athlete,
            created_at: k.created_at.toISOString(),
          })),
          next_cursor: page.next ? encodeCursor(page.next.at, page.next.id) : null,
        };
      },
    );

    pub.get(
      '/:id/comments',
      {
        schema: {
          tags: ['social'],
          summary: 'The comments on an activity, oldest first',
          description: WHO,
          params: Id,
          querystring: Type.Object(PageQuery),
          response: { 200: CommentPage, ...errorResponses(400, 401, 404) },
        },
      },
      async (request) => {
        const { cursor, limit = 30 } = request.query;
        const page = await social.commentsOf(
          request.athleteId || undefined,
          request.params.id,
          limit,
          decodeCursor(cursor),
        );
        return {
          items: page.items.map(presentComment),
          next_cursor: page.next ? encodeCursor(page.next.at, page.next.id) : null,
        };
      },
    );
  });

  app.register(async (scope) => {
    const priv = scope.withTypeProvider<TypeBoxTypeProvider>();
    priv.addHook('preHandler', priv.authenticate);

    // Counted per athlete (not per address), after the token is checked: one fixed window a
    // minute and one an hour, shared through Redis when it is configured.
    const windows = [
      { max: commentRateLimit.perMinute, timeWindow: 60_000, name: 'minute' },
      { max: commentRateLimit.perHour, timeWindow: 3_600_000, name: 'hour' },
    ].map((w) => ({
      ...w,
      check: priv.createRateLimit({
        max: w.max,
        timeWindow: w.timeWindow,
        keyGenerator: (request) => `comments-${w.name}:${request.athleteId}`,
      }),
    }));
    const limitComments = async (request: FastifyRequest, reply: FastifyReply) => {
      for (const w of windows) {
        const result = await w.check(request);
        if (result.isAllowed || !result.isExceeded) continue;
        reply.header('retry-after', String(result.ttlInSeconds));
        throw Errors.rateLimited(
          `too many comments: at most ${w.max} per ${w.name}; try again in ${result.ttlInSeconds} s`,
        );
      }
    };

    priv.put(
      '/:id/kudos',
      {
        schema: {
          tags: ['social'],
          summary: 'Give kudos to an activity (again: nothing changes)',
          description: `${WHO} Not to your own activity (422).`,
          security,
          params: Id,
          response: { 200: KudosState, ...errorResponses(400, 401, 404, 422) },
        },
      },
      (request) => social.giveKudos(request.athleteId, request.params.id),
    );

    priv.delete(
      '/:id/kudos',
      {
        schema: {
          tags: ['social'],
          summary: 'Take back your kudos (when you gave none, nothing changes)',
          description: WHO,
          security,
          params: Id,
          response: { 200: KudosState, ...errorResponses(400, 401, 404) },
        },
      },
      (request) => social.takeBackKudos(request.athleteId, request.params.id),
    );

    priv.post(
      '/:id/comments',
      {
        preHandler: limitComments,
        schema: {
          tags: ['social'],
          summary: 'Comment on an activity',
          description:
            `${WHO} Athletes the text @mentions (by handle) are told when they may see the ` +
            `activity. At most ${commentRateLimit.perMinute} comments a minute and ` +
            `${commentRateLimit.perHour} an hour per athlete (429 with Retry-After).`,
          security,
          params: Id,
          body: NewComment,
          response: { 201: CommentSchema, ...errorResponses(400, 401, 404, 429) },
        },
      },
      async (request, reply) => {
        const comment = await social.addComment(
          request.athleteId,
          request.params.id,
          request.body.text,
        );
        reply.status(201);
        return presentComment(comment);
      },
    );

    priv.delete(
      '/:id/comments/:commentId',
      {
        schema: {
          tags: ['social'],
          summary: 'Delete a comment',
          description:
            'Its author may, and so may the athlete whose activity it is: 403 for anyone else ' +
            'who may see the activity, 404 for anyone who may not.',
          security,
          params: CommentId,
          response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 404) },
        },
      },
      async (request, reply) => {
        await social.deleteComment(request.athleteId, request.params.id, request.params.commentId);
        return reply.status(204).send(null);
      },
    );
  });
};

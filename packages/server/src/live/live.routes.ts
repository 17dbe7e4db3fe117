import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AuthService } from '../accounts/auth.service.js';
import { startEventStream } from '../platform/http/event-stream.js';
import { errorResponses } from '../platform/http/schemas.js';
import {
  ActivityId,
  BatchResult,
  CreatedLink,
  LinkParams,
  LinkStreamQuery,
  LiveBatchBody,
  LiveLink,
  LiveNow,
  LivePoll,
  NewLink,
  SinceQuery,
  SseResponse,
  TicketStreamQuery,
  TokenParams,
} from './live.schemas.js';
import type { LiveRole, LiveService } from './live.service.js';
import { isEventId } from './live-store.js';
import type { LiveStreams } from './live-stream.js';

export type LiveStreamAuth = Pick<AuthService, 'openStream' | 'sessionActive'>;

interface LiveRouteOptions {
  live: LiveService;
  streams: LiveStreams;
  auth: LiveStreamAuth;
}

const STREAM_DESCRIPTION =
  'Events: `snapshot` (the whole state) on a first open or when missed events are gone, then ' +
  '`points` and `state`, each with an `id:`. An EventSource resumes with Last-Event-ID (or ' +
  '`?last_event_id=`) and gets every event after it, none twice. A comment every 20 s keeps ' +
  'proxies from closing it; it ends with `state` `ended` when the viewer may no longer look.';

/** The id a resuming EventSource sends (header), or the page passes (query). */
function lastEventId(request: FastifyRequest, query: { last_event_id?: string }) {
  const header = request.headers['last-event-id'];
  const id = typeof header === 'string' && isEventId(header) ? header : query.last_event_id;
  return id;
}

/**
 * Live tracking of one activity: the owner's batches and sharing (signed in, owner only), its
 * safety links, and what viewers read (owner, followers it is shared with).
 */
export const liveActivityRoutes: FastifyPluginAsyncTypebox<LiveRouteOptions> = async (
  app,
  { live, streams, auth },
) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preClose', async () => streams.closeAll());

  app.post(
    '/:id/live',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'Send a batch of live points (owner only); a re-sent seq changes nothing',
        description:
          'Batches may arrive late (after being offline) and are merged by time. Points live ' +
          'only in the live store: the activity itself is saved as usual at the end.',
        security,
        params: ActivityId,
        body: LiveBatchBody,
        response: { 200: BatchResult, ...errorResponses(400, 401, 404, 409, 422, 503) },
      },
    },
    async (request) => live.post(request.athleteId, request.params.id, request.body),
  );

  app.delete(
    '/:id/live',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'Stop sharing this activity live (viewers get `ended`)',
        security,
        params: ActivityId,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request, reply) => {
      await live.stop(request.athleteId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/:id/live',
    {
      preHandler: app.optionalAuthenticate,
      schema: {
        tags: ['live'],
        summary: 'A live activity now (snapshot), or what happened since an event (polling)',
        description:
          'The owner sees everything; approved followers (when shared with them and the ' +
          'visibility allows) see it through the privacy rules. Anyone else: 404.',
        security,
        params: ActivityId,
        querystring: SinceQuery,
        response: { 200: LivePoll, ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request) => {
      const role = await live.viewer(request.athleteId || undefined, request.params.id);
      return live.poll(request.params.id, role, request.query.since);
    },
  );

  app.get(
    '/:id/live/stream',
    {
      schema: {
        tags: ['live'],
        summary: 'A live activity as it happens (Server-Sent Events)',
        description: `Opened with a ticket from POST /notifications/stream-ticket. ${STREAM_DESCRIPTION}`,
        security: [],
        params: ActivityId,
        querystring: TicketStreamQuery,
        response: { 200: SseResponse, ...errorResponses(400, 401, 404, 503) },
      },
    },
    async (request, reply) => {
      const claims = await auth.openStream(request.query.ticket);
      const viewerId = claims.athleteId;
      const activityId = request.params.id;
      const role: LiveRole = await live.viewer(viewerId, activityId);
      await streams.serve(startEventStream(reply), {
        activityId,
        role,
        lastEventId: lastEventId(request, request.query),
        stillAllowed: async () =>
          (await auth.sessionActive(claims)) && (await live.stillViewing(viewerId, activityId)),
      });
    },
  );

  app.post(
    '/:id/live/links',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'A safety link: a secret URL to follow this activity live without an account',
        description:
          'The token is shown once (only its hash is kept). It expires after `expires_in` ' +
          'seconds (default 24 h, at most 7 days) or when revoked; its holder sees what a ' +
          'follower sees.',
        security,
        params: ActivityId,
        body: Type.Optional(NewLink),
        response: { 201: CreatedLink, ...errorResponses(400, 401, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const link = await live.createLink(
        request.athleteId,
        request.params.id,
        request.body?.expires_in,
      );
      return reply.status(201).send(link);
    },
  );

  app.get(
    '/:id/live/links',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'This activity’s safety links, newest first (tokens are not shown again)',
        security,
        params: ActivityId,
        response: {
          200: Type.Object({ items: Type.Array(LiveLink) }),
          ...errorResponses(400, 401, 404),
        },
      },
    },
    async (request) => ({ items: await live.listLinks(request.athleteId, request.params.id) }),
  );

  app.delete(
    '/:id/live/links/:linkId',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'Revoke a safety link (its holder gets 404 from now on)',
        security,
        params: LinkParams,
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await live.revokeLink(request.athleteId, request.params.id, request.params.linkId);
      return reply.status(204).send(null);
    },
  );
};

/** Who is live now among those I follow, and what safety-link holders read. */
export const liveRoutes: FastifyPluginAsyncTypebox<LiveRouteOptions> = async (
  app,
  { live, streams },
) => {
  app.get(
    '/',
    {
      preHandler: app.authenticate,
      schema: {
        tags: ['live'],
        summary: 'Live now: the live activities of athletes I follow that I may see',
        security: [{ bearerAuth: [] }],
        response: { 200: LiveNow, ...errorResponses(401, 503) },
      },
    },
    async (request) => ({ items: await live.liveNow(request.athleteId) }),
  );

  app.get(
    '/:token',
    {
      schema: {
        tags: ['live'],
        summary: 'A live activity through a safety link (snapshot, or polling with `since`)',
        description: 'What a follower sees. An expired, revoked or unknown link: 404.',
        security: [],
        params: TokenParams,
        querystring: SinceQuery,
        response: { 200: LivePoll, ...errorResponses(400, 404, 503) },
      },
    },
    async (request) => {
      const activityId = await live.linkActivity(request.params.token);
      return live.poll(activityId, 'others', request.query.since);
    },
  );

  app.get(
    '/:token/stream',
    {
      schema: {
        tags: ['live'],
        summary: 'A live activity through a safety link, as it happens (Server-Sent Events)',
        description: STREAM_DESCRIPTION,
        security: [],
        params: TokenParams,
        querystring: LinkStreamQuery,
        response: { 200: SseResponse, ...errorResponses(400, 404, 503) },
      },
    },
    async (request, reply) => {
      const { token } = request.params;
      const activityId = await live.linkActivity(token);
      await live.snapshot(activityId, 'others'); // 404 when nothing is live
      await streams.serve(startEventStream(reply), {
        activityId,
        role: 'others',
        lastEventId: lastEventId(request, request.query),
        stillAllowed: async () => (await live.linkOpen(token)) && (await live.alive(activityId)),
      });
    },
  );
};

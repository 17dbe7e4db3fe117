import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../platform/http/schemas.js';
import { strictBody } from '../platform/http/strict-body.js';
import { PushEndpoint, PushSubscriptionBody } from './notifications.schemas.js';
import type { PushService } from './push.service.js';

/**
 * Web Push: the key browsers subscribe with, and the signed-in athlete's browsers (their
 * PushSubscription JSON) added and removed.
 */
export const pushRoutes: FastifyPluginAsyncTypebox<{ push: PushService }> = async (
  app,
  { push },
) => {
  const security = [{ bearerAuth: [] }];

  app.get(
    '/vapid-public-key',
    {
      schema: {
        tags: ['push'],
        summary: 'The server’s VAPID public key (applicationServerKey for pushManager.subscribe)',
        response: {
          200: Type.Object({ public_key: Type.String({ description: 'base64url' }) }),
        },
      },
    },
    async () => ({ public_key: push.publicKey }),
  );

  app.post(
    '/subscriptions',
    {
      preHandler: app.authenticate,
      preValidation: strictBody,
      schema: {
        tags: ['push'],
        summary: 'Receive my notifications in this browser by Web Push',
        description:
          'The body is the PushSubscription’s JSON. Its endpoint must be a push service this ' +
          'server sends to (STRIDE_PUSH_HOSTS). A browser subscribed by another account moves ' +
          'to mine.',
        security,
        body: PushSubscriptionBody,
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await push.subscribe(request.athleteId, request.body);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/subscriptions',
    {
      preHandler: app.authenticate,
      preValidation: strictBody,
      schema: {
        tags: ['push'],
        summary: 'Stop Web Push to this browser (idempotent)',
        description: 'Only my own subscription at this endpoint is removed.',
        security,
        body: PushEndpoint,
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await push.unsubscribe(request.athleteId, request.body.endpoint);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { PrivacyZoneRow } from '../platform/db/schema.js';
import { errorResponses } from '../platform/http/schemas.js';
import { strictBody } from '../platform/http/strict-body.js';
import type { PrivacyService } from './privacy.service.js';

const Zone = Type.Object({
  id: Type.String({ format: 'uuid' }),
  lat: Type.Number(),
  lng: Type.Number(),
  radius: Type.Integer({ description: 'metres' }),
  created_at: Type.String({ format: 'date-time' }),
});

// The owner sees the zone as drawn; its secret offset never leaves the server.
const present = (z: PrivacyZoneRow) => ({
  id: z.id,
  lat: z.lat,
  lng: z.lng,
  radius: z.radius_m,
  created_at: z.created_at.toISOString(),
});

/** The signed-in athlete's privacy zones. */
export const privacyZoneRoutes: FastifyPluginAsyncTypebox<{ privacy: PrivacyService }> = async (
  app,
  { privacy },
) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['privacy'],
        summary: 'My privacy zones',
        security,
        response: { 200: Type.Array(Zone), ...errorResponses(401) },
      },
    },
    async (request) => (await privacy.zones(request.athleteId)).map(present),
  );

  app.post(
    '/',
    {
      // Numbers given as strings are refused, not coerced: a zone is drawn where it is meant.
      preValidation: strictBody,
      schema: {
        tags: ['privacy'],
        summary: 'Add a privacy zone: other people never see your activities inside it',
        security,
        body: Type.Object({
          lat: Type.Number({ minimum: -90, maximum: 90 }),
          lng: Type.Number({ minimum: -180, maximum: 180 }),
          radius: Type.Integer({ minimum: 200, maximum: 1600, description: 'metres, 200–1,600' }),
        }),
        response: { 201: Zone, ...errorResponses(400, 401, 422) },
      },
    },
    async (request, reply) => {
      const row = await privacy.addZone(request.athleteId, {
        lat: request.body.lat,
        lng: request.body.lng,
        radiusM: request.body.radius,
      });
      reply.status(201);
      return present(row);
    },
  );

  app.delete(
    '/:id',
    {
      schema: {
        tags: ['privacy'],
        summary: 'Remove a privacy zone',
        security,
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await privacy.removeZone(request.athleteId, request.params.id);
      return reply.status(204).send(null);
    },
  );
};

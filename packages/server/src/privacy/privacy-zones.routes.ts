import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Container } from '../container.js';
import type { PrivacyZoneRow } from '../platform/db/schema.js';
import { Errors } from '../platform/errors.js';
import { errorResponses } from '../platform/http/schemas.js';

const MAX_ZONES = 10;

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
export const privacyZoneRoutes: FastifyPluginAsyncTypebox<{ container: Container }> = async (
  app,
  { container },
) => {
  const zones = container.privacyZones;
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
    async (request) => (await zones.listByAthlete(request.athleteId)).map(present),
  );

  app.post(
    '/',
    {
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
      if ((await zones.countByAthlete(request.athleteId)) >= MAX_ZONES) {
        throw Errors.unprocessable(`at most ${MAX_ZONES} privacy zones per athlete`);
      }
      const row = await zones.create({
        athlete_id: request.athleteId,
        lat: request.body.lat,
        lng: request.body.lng,
        radius_m: request.body.radius,
        secret: randomBytes(24).toString('base64url'),
      });
      await container.segmentOutbox.athleteChanged(request.athleteId);
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
      if (!(await zones.delete(request.athleteId, request.params.id)))
        throw Errors.notFound('no such privacy zone');
      await container.segmentOutbox.athleteChanged(request.athleteId);
      return reply.status(204).send(null);
    },
  );
};

import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AthleteService } from '../athletes/athlete.service.js';
import { errorResponses, Me, Sex, Units, Visibility } from '../platform/http/schemas.js';
import type { AccountService } from './account.service.js';
import { presentMe } from './me.presenter.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Optional(Type.Union([t, Type.Null()]));

/** The signed-in athlete's own account. */
export const meRoutes: FastifyPluginAsyncTypebox<{
  athletes: AthleteService;
  account: AccountService;
}> = async (app, { athletes, account }) => {
  const security = [{ bearerAuth: [] }];
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['me'],
        summary: 'The signed-in athlete',
        security,
        response: { 200: Me, ...errorResponses(401) },
      },
    },
    async (request) => presentMe(await athletes.current(request.athleteId)),
  );

  app.get(
    '/export',
    {
      schema: {
        tags: ['me'],
        summary:
          'Download everything Stride holds about me (zip: profile, activities, GPX tracks, original files)',
        security,
        response: { ...errorResponses(401) },
      },
    },
    async (request, reply) => {
      const zip = await account.export(request.athleteId);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', 'attachment; filename="stride-export.zip"')
        .send(Readable.from(zip));
    },
  );

  app.delete(
    '/',
    {
      schema: {
        tags: ['me'],
        summary: 'Delete my account and all my data (activities, files, follows, zones)',
        security,
        body: Type.Object({ password: Type.String({ minLength: 1, maxLength: 256 }) }),
        response: { 204: Type.Null(), ...errorResponses(400, 401) },
      },
    },
    async (request, reply) => {
      await account.delete(request.athleteId, request.body.password);
      return reply.status(204).send(null);
    },
  );

  app.patch(
    '/',
    {
      schema: {
        tags: ['me'],
        summary: 'Update profile and settings',
        security,
        body: Type.Object(
          {
            display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            sex: Nullable(Sex),
            birth_year: Nullable(Type.Integer({ minimum: 1900, maximum: 2100 })),
            // At least 1 kg, as the settings form: the real column cannot hold tiny positive numbers.
            weight: Nullable(Type.Number({ minimum: 1, maximum: 500, description: 'kg' })),
            max_heartrate: Nullable(
              Type.Integer({
                minimum: 100,
                maximum: 240,
                description:
                  'bpm, for heart-rate zones; a change recomputes every activity in the background',
              }),
            ),
            ftp_w: Nullable(
              Type.Integer({
                minimum: 30,
                maximum: 700,
                description: 'functional threshold power, W (null: estimated from rides)',
              }),
            ),
            resting_hr: Nullable(
              Type.Integer({
                minimum: 25,
                maximum: 120,
                description: 'resting heart rate, bpm (null: 60)',
              }),
            ),
            run_threshold_speed: Nullable(
              Type.Number({
                minimum: 1,
                maximum: 7,
                description: 'running threshold speed, m/s (null: estimated from best efforts)',
              }),
            ),
            share_training: Type.Optional(
              Type.Boolean({
                description: 'show fitness, fatigue and form to whoever may see my profile',
              }),
            ),
            country: Nullable(Type.String({ maxLength: 80 })),
            region: Nullable(Type.String({ maxLength: 80 })),
            city: Nullable(Type.String({ maxLength: 80 })),
            units: Type.Optional(Units),
            default_visibility: Type.Optional(Visibility),
            hide_start: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: 3200,
                description: 'metres hidden at the start of every activity',
              }),
            ),
            hide_end: Type.Optional(
              Type.Integer({
                minimum: 0,
                maximum: 3200,
                description: 'metres hidden at the end of every activity',
              }),
            ),
            approve_followers: Type.Optional(
              Type.Boolean({
                description:
                  'follows become requests I accept or decline; turning it off accepts every pending request',
              }),
            ),
          },
          // Unknown fields are dropped, not written to the athlete row.
          { additionalProperties: false },
        ),
        response: { 200: Me, ...errorResponses(400, 401) },
      },
    },
    async (request) => {
      const { weight, max_heartrate, hide_start, hide_end, ...rest } = request.body;
      const changes = {
        ...rest,
        ...(weight !== undefined ? { weight_kg: weight } : {}),
        ...(max_heartrate !== undefined ? { max_hr: max_heartrate } : {}),
        ...(hide_start !== undefined ? { hide_start_m: hide_start } : {}),
        ...(hide_end !== undefined ? { hide_end_m: hide_end } : {}),
      };
      // Statistics, segment efforts and boards that depend on a changed field follow it:
      // their modules listen to `athlete.changed`.
      return presentMe(await athletes.update(request.athleteId, changes));
    },
  );
};

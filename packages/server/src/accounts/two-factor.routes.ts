import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { errorResponses } from '../platform/http/schemas.js';
import type { TwoFactorService } from './two-factor.service.js';

const Password = Type.String({ minLength: 1, maxLength: 256 });
const Code = (description: string) => Type.String({ minLength: 6, maxLength: 40, description });

/**
 * The signed-in athlete's second factor: set up (a secret, then a first code), status, and
 * turning it off. Rate limited per IP like the sign-in routes; wrong codes also count per
 * account (five in a row lock code checks for fifteen minutes).
 */
export const twoFactorRoutes: FastifyPluginAsyncTypebox<{
  twoFactor: TwoFactorService;
  config: Readonly<Config>;
}> = async (app, { twoFactor, config }) => {
  const security = [{ bearerAuth: [] }];
  const rateLimit = {
    max: config.authRateLimit.max,
    timeWindow: config.authRateLimit.windowS * 1000,
  };
  app.addHook('preHandler', app.authenticate);

  app.get(
    '/',
    {
      schema: {
        tags: ['me'],
        summary: 'Whether two-factor login is on, and how many recovery codes are left',
        security,
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            pending: Type.Boolean({
              description: 'a set-up was started and waits for its first code',
            }),
            recovery_codes_left: Type.Integer({ minimum: 0 }),
          }),
          ...errorResponses(401),
        },
      },
    },
    async (request) => twoFactor.status(request.athleteId),
  );

  app.post(
    '/',
    {
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Start setting up two-factor login: a secret for an authenticator app',
        description:
          'Answers the Base32 secret and its `otpauth://` URI (show it as a QR code, or the secret ' +
          'to type in). Nothing changes at login until a first code confirms it. Starting again ' +
          'replaces a secret not yet confirmed; 409 when two-factor login is already on.',
        security,
        body: Type.Object({ password: Password }),
        response: {
          201: Type.Object({
            secret: Type.String({ description: 'Base32, 160 bits' }),
            otpauth_uri: Type.String({ description: 'otpauth://totp/… for a QR code' }),
          }),
          ...errorResponses(400, 401, 403, 409, 429),
        },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return twoFactor.begin(request.athleteId, request.body.password);
    },
  );

  app.post(
    '/confirm',
    {
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Turn two-factor login on with a first code from the app',
        description:
          'Answers ten single-use recovery codes, shown this once (only their hashes are kept): ' +
          'each signs in once in place of a code when the app is lost.',
        security,
        body: Type.Object({ code: Code('the 6 digits the authenticator app shows') }),
        response: {
          200: Type.Object({
            recovery_codes: Type.Array(Type.String(), { minItems: 10, maxItems: 10 }),
          }),
          ...errorResponses(400, 401, 403, 409, 429),
        },
      },
    },
    async (request) => twoFactor.confirm(request.athleteId, request.body.code),
  );

  app.delete(
    '/',
    {
      config: { rateLimit },
      schema: {
        tags: ['me'],
        summary: 'Turn two-factor login off, with the password and a code (or a recovery code)',
        security,
        body: Type.Object({
          password: Password,
          code: Code('the 6 digits the authenticator app shows, or an unused recovery code'),
        }),
        response: { 204: Type.Null(), ...errorResponses(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      await twoFactor.disable(request.athleteId, request.body.password, request.body.code);
      return reply.status(204).send(null);
    },
  );
};

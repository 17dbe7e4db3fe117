import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../config.js';
import { errorResponses, Me } from '../platform/http/schemas.js';
import type { AuthService } from './auth.service.js';
import { presentMe } from './me.presenter.js';

const Handle = Type.String({
  minLength: 3,
  maxLength: 30,
  pattern: '^[A-Za-z0-9_.-]+$',
  description: '3–30 letters, digits, "_", "." or "-"; unique regardless of case',
});
// argon2 hashes any length, but an unbounded password is a cheap way to burn server CPU.
const Password = Type.String({ minLength: 8, maxLength: 256, description: '8–256 characters' });
const RefreshBody = Type.Object({ refresh_token: Type.String({ minLength: 1, maxLength: 200 }) });

const SessionResponse = Type.Object(
  {
    access_token: Type.String(),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'seconds until the access token expires' }),
    refresh_token: Type.String({ description: 'single use: each refresh returns a new one' }),
    athlete: Me,
  },
  { description: 'a signed-in session' },
);

/**
 * Accounts: signup, login (with its second factor), token refresh, logout. Rate limited per IP (STRIDE_AUTH_RATE_LIMIT
 * per STRIDE_AUTH_RATE_WINDOW seconds), shared through Redis when REDIS_URL is set.
 */
export const authRoutes: FastifyPluginAsyncTypebox<{
  auth: AuthService;
  config: Readonly<Config>;
}> = async (app, { auth, config }) => {
  const rateLimit = {
    max: config.authRateLimit.max,
    timeWindow: config.authRateLimit.windowS * 1000,
  };
  const session = (s: Awaited<ReturnType<typeof auth.login>>) => ({
    ...s.tokens,
    athlete: presentMe(s.athlete),
  });

  app.post(
    '/signup',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Create an account and sign in',
        body: Type.Object({
          handle: Handle,
          email: Type.String({ format: 'email', maxLength: 254 }),
          password: Password,
          display_name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
        }),
        response: { 201: SessionResponse, ...errorResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      reply.status(201);
      return session(await auth.signup(request.body));
    },
  );

  app.post(
    '/login',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email or handle and password',
        description:
          'When the account has two-factor login on, a right password answers 401 with code ' +
          '`TOTP_REQUIRED` and `details: { challenge, expires_in }`: send the challenge with a ' +
          'code from the authenticator app (or a recovery code) to `POST /auth/login/totp` ' +
          'within `expires_in` seconds.',
        body: Type.Object({
          login: Type.String({ minLength: 1, maxLength: 254, description: 'email or handle' }),
          password: Type.String({ minLength: 1, maxLength: 256 }),
        }),
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => session(await auth.login(request.body.login, request.body.password)),
  );

  app.post(
    '/login/totp',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Finish a two-factor login with the challenge and a code',
        description:
          'A wrong code is a 401 `INVALID_CODE`; each code works once. Five wrong codes in a row ' +
          'lock code checks for the account for fifteen minutes (429).',
        body: Type.Object({
          challenge: Type.String({
            minLength: 1,
            maxLength: 2000,
            description: 'from the TOTP_REQUIRED answer to the password',
          }),
          code: Type.String({
            minLength: 6,
            maxLength: 40,
            description: 'the 6 digits the authenticator app shows, or an unused recovery code',
          }),
        }),
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => session(await auth.loginWithCode(request.body.challenge, request.body.code)),
  );

  app.post(
    '/refresh',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new token pair (the old one stops working)',
        body: RefreshBody,
        response: { 200: SessionResponse, ...errorResponses(400, 401, 429) },
      },
    },
    async (request) => session(await auth.refresh(request.body.refresh_token)),
  );

  app.post(
    '/logout',
    {
      config: { rateLimit },
      schema: {
        tags: ['auth'],
        summary: 'Sign this session out: its refresh token and access tokens stop working',
        body: RefreshBody,
        response: { 204: Type.Null(), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await auth.logout(request.body.refresh_token);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Errors } from '../platform/errors.js';
import type { AuthService } from './auth.service.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in athlete; set by `app.authenticate`, empty on public routes. */
    athleteId: string;
    /** The session of the access token; set with `athleteId`. */
    sessionId: string;
  }
  interface FastifyInstance {
    /** preHandler that requires `Authorization: Bearer <access token>`. */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /** preHandler that identifies the athlete when a token is sent, and lets anonymous requests through. */
    optionalAuthenticate: (request: FastifyRequest) => Promise<void>;
  }
}

// Reads may trust this process's recent word that a session is signed in; a write asks the
// database, so no process takes one from a session signed out (or an account deleted) elsewhere.
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerAuthenticate(app: FastifyInstance, auth: AuthService): void {
  app.decorateRequest('athleteId', '');
  app.decorateRequest('sessionId', '');
  app.decorate('authenticate', async (request: FastifyRequest) => {
    const header = request.headers.authorization;
    if (!header)
      throw Errors.unauthenticated('sign in to do this: send Authorization: Bearer <token>');
    const [scheme, token, ...rest] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token || rest.length) {
      throw Errors.unauthenticated('the Authorization header must be "Bearer <token>"');
    }
    const claims = await auth.authenticateSession(token, { fresh: !READS.has(request.method) });
    request.athleteId = claims.athleteId;
    request.sessionId = claims.sessionId;
  });
  app.decorate('optionalAuthenticate', async (request: FastifyRequest) => {
    if (request.headers.authorization) await app.authenticate(request);
  });
}

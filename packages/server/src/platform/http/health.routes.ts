import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Errors } from '../errors.js';
import type { Readiness } from '../platform.js';
import { errorResponses } from './schemas.js';

/** Liveness and readiness probes for process managers and load balancers. */
export const healthRoutes: FastifyPluginAsyncTypebox<{
  readiness(): Promise<Readiness>;
  database: 'pglite' | 'postgres';
  redis: boolean;
}> = async (app, { readiness, database, redis }) => {
  app.get(
    '/health',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is alive',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        tags: ['health'],
        summary:
          'The database, Redis (when configured) and the blob store answer: ready for traffic',
        description:
          'A 503 names what is down in its message, and gives each dependency as "ok" or ' +
          '"down" in `details.checks`. The blob store check writes, reads back and deletes a ' +
          'small object, and checks the store is the one every process of this database shares.',
        response: {
          200: Type.Object({
            status: Type.Literal('ready'),
            database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
            redis: Type.Boolean(),
          }),
          ...errorResponses(503),
        },
      },
    },
    async () => {
      const r = await readiness();
      if (!r.ready)
        throw Errors.unavailable(`not ready: ${r.problems.join('; ')}`, { checks: r.checks });
      return {
        status: 'ready' as const,
        database,
        redis,
      };
    },
  );
};

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { Errors } from '../errors.js';
import { errorResponses } from './schemas.js';

/** Liveness and readiness probes for process managers and load balancers. */
export const healthRoutes: FastifyPluginAsyncTypebox<{
  /** Database reachable and migrated. */
  isReady(): Promise<boolean>;
  database: 'pglite' | 'postgres';
  redis: boolean;
}> = async (app, { isReady, database, redis }) => {
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
        summary: 'The database is reachable and migrated: ready for traffic',
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
      if (!(await isReady())) throw Errors.unavailable('the database is not ready');
      return {
        status: 'ready' as const,
        database,
        redis,
      };
    },
  );
};

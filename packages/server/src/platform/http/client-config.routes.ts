import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.js';

const ClientConfig = Type.Object({
  map_style_url: Type.Union([Type.String(), Type.Null()], {
    description:
      'MapLibre style JSON URL; null means the app draws on its built-in world map (no tiles)',
  }),
  max_upload_bytes: Type.Integer({ description: 'largest activity file an upload accepts' }),
});

/**
 * What the web app needs to know about this deployment before it draws anything. Public and
 * cacheable for a short while: it changes only when the operator restarts with new settings.
 */
export const clientConfigRoutes: FastifyPluginAsyncTypebox<{ config: Readonly<Config> }> = async (
  app,
  { config },
) => {
  const body = {
    map_style_url: config.mapStyleUrl ?? null,
    max_upload_bytes: config.maxUploadBytes,
  };
  app.get(
    '/',
    {
      schema: {
        tags: ['client'],
        summary: 'Settings the web app reads at start (map style, upload limit)',
        response: { 200: ClientConfig },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return body;
    },
  );
};

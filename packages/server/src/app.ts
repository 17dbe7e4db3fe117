import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import { type Container, type ContainerOptions, createContainer } from './container.js';
import { Errors } from './platform/errors.js';
import { activityRoutes } from './activities/activities.routes.js';
import { athleteRoutes } from './athletes/athletes.routes.js';
import { authRoutes } from './accounts/auth.routes.js';
import { clientConfigRoutes } from './platform/http/client-config.routes.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { leaderboardRoutes } from './leaderboards/leaderboards.routes.js';
import { meRoutes } from './accounts/me.routes.js';
import { registerAuthenticate } from './accounts/authenticate.js';
import { frameworkErrors, registerErrorHandler } from './platform/http/error-handler.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { privacyZoneRoutes } from './privacy/privacy-zones.routes.js';
import { ErrorResponse } from './platform/http/schemas.js';
import { mySegmentRoutes, segmentRoutes } from './segments/segments.routes.js';
import { uploadRoutes } from './uploads/uploads.routes.js';
import { isAppNavigation, registerWebApp, webRoot } from './platform/http/web.js';
import { UUID_PATTERN } from './platform/ids.js';

export interface BuildAppOptions extends ContainerOptions {
  /** An already-wired container (otherwise one is created from config and closed with the app). */
  container?: Container;
  /** The process's logger (otherwise one is made at the configured level). */
  logger?: FastifyBaseLogger;
}

/**
 * Builds the HTTP application from configuration. Never listens: `main.ts` does, tests use
 * `app.inject()`. Closing the app closes everything it opened (database, Redis).
 */
export async function buildApp(
  config: Readonly<Config>,
  options: BuildAppOptions = {},
): Promise<FastifyInstance> {
  const container = options.container ?? (await createContainer(config, options));
  const app = Fastify({
    ...(options.logger
      ? { loggerInstance: options.logger }
      : { logger: { level: config.logLevel } }),
    trustProxy: config.trustProxy,
    bodyLimit: config.bodyLimitBytes,
    frameworkErrors,
    ajv: {
      // ajv-formats also takes "urn:uuid:…", which PostgreSQL's uuid type does not.
      onCreate: (ajv) => ajv.addFormat('uuid', UUID_PATTERN),
    },
  }).withTypeProvider<TypeBoxTypeProvider>();
  if (!options.container) app.addHook('onClose', async () => container.close());

  const web = webRoot();
  registerErrorHandler(
    app,
    web ? (req) => isAppNavigation(req.method, req.url, req.headers.accept) : undefined,
  );
  app.addSchema(ErrorResponse);
  registerInputGuard(app);
  registerAuthenticate(app, container.auth);

  await app.register(swagger, {
    // Shared schemas appear in the document under their own names, not def-0, def-1…
    refResolver: {
      buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Stride API',
        version: '1',
        description:
          'Self-hostable platform for runners and cyclists. Field names and units follow ' +
          "Strava's public API where the concept exists. Every error is " +
          '`{ "error": { "code", "message", "details"? } }`.',
      },
      components: {
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  await app.register(rateLimit, {
    global: false,
    ...(container.redis ? { redis: container.redis } : {}),
    nameSpace: `${config.redisKeyPrefix}rate-limit:`,
    // If Redis is briefly unreachable, keep serving rather than lock everyone out.
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      Errors.rateLimited(
        `too many requests: at most ${context.max} per ${context.after === '' ? 'window' : `window; retry in ${context.after}`}`,
      ),
  });

  await app.register(healthRoutes, { container });
  await app.register(clientConfigRoutes, { container, prefix: '/api/v1/client-config' });
  await app.register(authRoutes, { container, prefix: '/api/v1/auth' });
  await app.register(meRoutes, { container, prefix: '/api/v1/me' });
  await app.register(privacyZoneRoutes, { container, prefix: '/api/v1/me/privacy-zones' });
  await app.register(athleteRoutes, { container, prefix: '/api/v1/athletes' });
  await app.register(uploadRoutes, { container, prefix: '/api/v1/uploads' });
  await app.register(activityRoutes, { container, prefix: '/api/v1/activities' });
  await app.register(leaderboardRoutes, { container, prefix: '/api/v1/leaderboards' });
  await app.register(segmentRoutes, { container, prefix: '/api/v1/segments' });
  await app.register(mySegmentRoutes, { container, prefix: '/api/v1/me/segments' });
  if (web) await registerWebApp(app, web);

  return app;
}

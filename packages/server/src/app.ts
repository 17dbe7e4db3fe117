import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { registerAuthenticate } from './accounts/authenticate.js';
import type { Config } from './config.js';
import { Errors } from './platform/errors.js';
import { clientConfigRoutes } from './platform/http/client-config.routes.js';
import { frameworkErrors, registerErrorHandler } from './platform/http/error-handler.js';
import { healthRoutes } from './platform/http/health.routes.js';
import { registerInputGuard } from './platform/http/input-guard.js';
import { redisRateLimitStore } from './platform/http/rate-limit-store.js';
import { ErrorResponse } from './platform/http/schemas.js';
import {
  DOCS_DIRECTIVES,
  policy,
  registerSecurityHeaders,
} from './platform/http/security-headers.js';
import { isAppNavigation, registerWebApp, webRoot } from './platform/http/web.js';
import { UUID_PATTERN } from './platform/ids.js';
import { createStride, type Stride, type StrideOptions } from './stride.js';

export interface BuildAppOptions extends StrideOptions {
  /** An already-wired process (otherwise one is created from config and closed with the app). */
  stride?: Stride;
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
  const stride = options.stride ?? (await createStride(config, options));
  const { platform } = stride;
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
  if (!options.stride) app.addHook('onClose', async () => stride.close());

  const web = webRoot();
  registerErrorHandler(
    app,
    web ? (req) => isAppNavigation(req.method, req.url, req.headers.accept) : undefined,
  );
  app.addSchema(ErrorResponse);
  await registerSecurityHeaders(app, config.mapOrigins);
  registerInputGuard(app);
  registerAuthenticate(app, stride.accounts.auth);

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
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: policy(DOCS_DIRECTIVES),
    // Swagger UI would otherwise send the document to validator.swagger.io for a badge.
    uiConfig: { validatorUrl: null },
  });

  let outageLoggedAt = 0;
  await app.register(rateLimit, {
    global: false,
    // Shared through Redis; while Redis is unreachable each process counts on its own, so limits
    // never switch off (and nobody is locked out either).
    ...(platform.redis
      ? {
          store: redisRateLimitStore(
            platform.redis,
            `${config.redisKeyPrefix}rate-limit:`,
            (error) => {
              if (Date.now() - outageLoggedAt < 60_000) return;
              outageLoggedAt = Date.now();
              app.log.error({ err: error }, 'rate limits are counted in-process: Redis failed');
            },
          ),
        }
      : {}),
    skipOnError: false,
    errorResponseBuilder: (_request, context) =>
      Errors.rateLimited(
        `too many requests: at most ${context.max} per ${context.after === '' ? 'window' : `window; retry in ${context.after}`}`,
      ),
  });

  await app.register(healthRoutes, {
    readiness: () => stride.readiness(),
    database: platform.database.kind,
    redis: !!platform.redis,
  });
  await app.register(clientConfigRoutes, { config, prefix: '/api/v1/client-config' });
  for (const module of stride.modules) {
    for (const r of module.routes) await r.register(app);
  }
  if (web) await registerWebApp(app, web);

  return app;
}

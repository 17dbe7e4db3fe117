import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * The Content-Security-Policy of the web app (and every API answer): scripts, styles and
 * workers only from this server, no inline script, no plugins, no framing. The map is the one
 * outside source: its style, tiles, glyphs and sprites come from the origin of
 * STRIDE_MAP_STYLE_URL and the origins in STRIDE_MAP_ORIGINS.
 */
export function appDirectives(mapOrigins: readonly string[]): Directives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Map tiles arrive as images or through fetch; MapLibre decodes them into blob: URLs, and
    // its stylesheet draws the map controls from data: URLs.
    'img-src': ["'self'", 'data:', 'blob:', ...mapOrigins],
    'connect-src': ["'self'", ...mapOrigins],
    'font-src': ["'self'"],
    // MapLibre's worker (loaded from its own file here, not from a blob: URL), the service worker.
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Swagger UI at /docs sets inline styles from its script and shows data: images; it gets its
 * own policy, as strict otherwise.
 */
export const DOCS_DIRECTIVES: Directives = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

/** A policy as a header value. */
export function policy(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/**
 * Security headers on every answer (helmet's defaults: HSTS, nosniff, no referrer, same-origin
 * opener and resource policies, frame denial) with the policy above. No upgrade-insecure-requests:
 * a club's server on plain HTTP in a local network must keep working.
 *
 * The headers never vary per request, so helmet runs once, at start, and every answer gets
 * the headers it set (building helmet's middleware per request cost as much as a small read).
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  mapOrigins: readonly string[],
): Promise<void> {
  const headers = helmetHeaders({
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(mapOrigins) },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
}

/** The headers helmet sets with these options, read from one run on a stand-in response. */
export function helmetHeaders(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      failed = error;
    },
  );
  if (failed) throw failed;
  return headers;
}

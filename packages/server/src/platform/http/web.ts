import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** Where the built web app is: the @stride/web package's dist folder, if it has been built. */
export function webRoot(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const root = join(dirname(require.resolve('@stride/web/package.json')), 'dist');
    return existsSync(join(root, 'index.html')) ? root : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the web app on the API's port: hashed assets cached for a year, the service worker and
 * pages never cached (so a deploy reaches every phone), and any other GET that accepts HTML gets
 * the app shell so client-side routes survive a reload.
 */
export async function registerWebApp(app: FastifyInstance, root: string): Promise<void> {
  await app.register(fastifyStatic, {
    root,
    // Routes for exactly the files built (the folder does not change while running).
    wildcard: false,
    index: false,
    // The build writes .br and .gz copies of its text files: sent to clients that accept them.
    preCompressed: true,
    setHeaders(res, path) {
      if (path.includes('/assets/'))
        res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  app.get('/', { schema: { hide: true } }, (_req, reply) => reply.sendFile('index.html'));
}

/** True for requests the web app's shell should answer (browser navigations outside the API). */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  return (
    method === 'GET' &&
    !url.startsWith('/api/') &&
    !url.startsWith('/docs') &&
    (accept ?? '').includes('text/html')
  );
}

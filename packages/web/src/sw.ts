/// <reference lib="webworker" />
/**
 * Service worker: precaches this build's app shell so Stride opens with no connection, and
 * answers navigations with the cached shell when offline. API calls always go to the network:
 * the app itself keeps unsent data in IndexedDB and retries.
 */
const sw = self as unknown as ServiceWorkerGlobalScope;

// Replaced at build time by the list of emitted files and a hash of it.
const FILES: string[] = JSON.parse('"__PRECACHE_FILES__"' as string) as unknown as string[];
const CACHE = 'stride-shell-__PRECACHE_VERSION__';

sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(Array.isArray(FILES) ? FILES : ['/']))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith('stride-shell-') && k !== CACHE)
            .map((k) => caches.delete(k)),
        ),
      )
      .then(() => sw.clients.claim()),
  );
});

sw.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  if (request.mode === 'navigate') {
    // Network first for pages (fresh after deploys), the cached shell when offline.
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match('/', { cacheName: CACHE })) ?? Response.error(),
      ),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((hit) => hit ?? fetch(request)),
  );
});

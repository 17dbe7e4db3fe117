/// <reference lib="webworker" />
/**
 * Service worker: precaches this build's app shell so Stride opens with no connection, and
 * answers navigations with the cached shell when offline. API calls always go to the network:
 * the app itself keeps unsent data in IndexedDB and retries. It also shows the notifications
 * the server pushes while the app is closed, and opens the app where a click leads.
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

/** What the server pushes (see the server's PushService). */
interface PushMessage {
  title: string;
  body: string;
  url: string;
  tag: string;
}

sw.addEventListener('push', (event) => {
  let message: PushMessage;
  try {
    message = event.data?.json() as PushMessage;
  } catch {
    return;
  }
  if (!message?.body) return;
  event.waitUntil(
    sw.registration.showNotification(message.title || 'Stride', {
      body: message.body,
      // A newer push about the same item (more kudos) replaces the one already shown.
      tag: message.tag,
      icon: '/icon.svg',
      data: { url: message.url },
    }),
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const path = (event.notification.data as { url?: string } | null)?.url ?? '/notifications';
  // Only this app's own pages: a pushed message names a path, never another site.
  let url = new URL('/notifications', sw.location.origin).href;
  try {
    const wanted = new URL(path, sw.location.origin);
    if (wanted.origin === sw.location.origin) url = wanted.href;
  } catch {
    // keep the notifications page
  }
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === sw.location.origin);
      if (open) {
        await open.focus();
        await open.navigate(url).catch(() => undefined);
        return;
      }
      await sw.clients.openWindow(url);
    })(),
  );
});

// MembersNet service worker: precaches only the shell (the offline page, manifest and
// icons) and keeps the app's code as pages load it, so the site opens fast and shows a
// friendly page when the network is gone. Pages are always fetched fresh when online,
// because they show personal data.
const CACHE = 'membersnet-shell-v2';
const SHELL = ['/offline.html', '/offline.css', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
// Built files named after their content (`name.<22-character hash>.ext`) never change, so
// a cached copy is always right and old builds' files never mix with new ones.
const HASHED = /\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.[a-z]+$/;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;

  if (request.mode === 'navigate') {
    // Network first for pages; the offline page when there is no network.
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
    return;
  }
  if (HASHED.test(url.pathname)) {
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        if (cached) return cached;
        const response = await fetch(request);
        if (response.ok) cache.put(request, response.clone());
        return response;
      }),
    );
    return;
  }
  if (url.pathname.startsWith('/pkg/') || url.pathname.startsWith('/icons/')) {
    // Stale-while-revalidate for the shell: fast from cache, refreshed in the background.
    event.respondWith(
      caches.open(CACHE).then(async (cache) => {
        const cached = await cache.match(request);
        const fresh = fetch(request)
          .then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          })
          .catch(() => cached);
        return cached || fresh;
      }),
    );
  }
});

// MembersNet service worker.
// - The shell (offline page, its stylesheet, manifest, icons) is precached.
// - Built files named after their content never change: cache first.
// - Pages are always fetched fresh when online; a copy of each page a person opens is kept
//   (on their own device, never staff pages or one-use links), so with the network gone
//   it is shown, read-only and marked with when it was saved. "My events" also keeps the
//   pages and calendar files of the events it lists. Signing out forgets every copy.
const CACHE = 'membersnet-shell-v3';
const PAGES = 'membersnet-pages-v1';
const MAX_PAGES = 60;
const SHELL = ['/offline.html', '/offline.css', '/manifest.webmanifest', '/icons/icon-192.png', '/icons/icon-512.png'];
// Built files named after their content (`name.<22-character hash>.ext`) never change, so
// a cached copy is always right and old builds' files never mix with new ones.
const HASHED = /\/pkg\/[^/]+\.[A-Za-z0-9_-]{22}\.[a-z]+$/;
// Pages never kept: other people's details, forms for secrets, and one-use links.
const NEVER_KEPT = /^\/(staff|messages|sign-in|sign-up|reset-password|account|unsubscribe|consent|api|friends\/invite|groups\/invite|events\/cancel)(\/|$)|^\/events\/\d+\/(dashboard|edit|attendees)/;
const KEEPS_EVENTS = '/my-events';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE && key !== PAGES).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

/** The key a page is kept under: its path and query, never the fragment. */
function pageKey(url) {
  return url.pathname + url.search;
}

/** Keeps a copy of `response` for `url`, stamped with when it was saved. */
async function keep(url, response) {
  const body = await response.arrayBuffer();
  const headers = new Headers({
    'content-type': response.headers.get('content-type') || 'text/html; charset=utf-8',
    'x-saved-at': new Date().toISOString(),
  });
  const cache = await caches.open(PAGES);
  await cache.put(pageKey(url), new Response(body, { headers }));
  const keys = await cache.keys();
  // Oldest first: forget the oldest beyond the limit.
  await Promise.all(keys.slice(0, Math.max(0, keys.length - MAX_PAGES)).map((key) => cache.delete(key)));
}

/** "Fri 4 Dec, 8:31pm", UK time. */
function savedWhen(iso) {
  const date = new Date(iso);
  const day = date.toLocaleDateString('en-GB', { timeZone: 'Europe/London', weekday: 'short', day: 'numeric', month: 'short' });
  const time = date
    .toLocaleTimeString('en-GB', { timeZone: 'Europe/London', hour: 'numeric', minute: '2-digit', hour12: true })
    .replace(' ', '')
    .replace(':00', '');
  return `${day}, ${time}`;
}

/** The kept copy of `url`, made read-only (no scripts: it cannot reach the server) and
 *  marked as saved earlier; none if it was never kept. */
async function keptCopy(url) {
  const cache = await caches.open(PAGES);
  const kept = await cache.match(pageKey(url));
  if (!kept) return undefined;
  const type = kept.headers.get('content-type') || '';
  if (!type.includes('text/html')) return kept;
  const when = savedWhen(kept.headers.get('x-saved-at'));
  const banner =
    `<div class="offline-banner" role="status"><strong>You are offline.</strong> ` +
    `This copy was saved ${when} and may be out of date.</div>`;
  const html = (await kept.text())
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*rel="(modulepreload|preload)"[^>]*>/gi, '')
    .replace(/(<main\b[^>]*>)/i, `$1${banner}`);
  return new Response(html, { headers: { 'content-type': type } });
}

/** After "My events" is kept, keeps each listed event's page and calendar file too. */
async function keepListedEvents(html) {
  const paths = new Set();
  for (const match of html.matchAll(/href="(\/events\/(\d+)-[^"?#]*)"/g)) {
    paths.add(match[1]);
    paths.add(`/events/${match[2]}/calendar.ics`);
  }
  for (const path of paths) {
    try {
      const response = await fetch(path, { credentials: 'same-origin' });
      if (response.ok) await keep(new URL(path, self.location.origin), response);
    } catch (_) {
      // Offline again: the rest wait for the next visit.
    }
  }
}

async function navigate(event, url) {
  if (url.searchParams.has('signed_out') || url.searchParams.has('deleted')) {
    await caches.delete(PAGES);
  }
  try {
    const response = await fetch(event.request);
    const keepable = response.ok && !response.redirected && !NEVER_KEPT.test(url.pathname) && response.type === 'basic';
    if (keepable) {
      const copy = response.clone();
      const kept = url.pathname === KEEPS_EVENTS
        ? copy.text().then(async (html) => {
            await keep(url, new Response(html, { headers: response.headers }));
            await keepListedEvents(html);
          })
        : keep(url, copy);
      event.waitUntil(kept);
    }
    return response;
  } catch (offline) {
    return (await keptCopy(url)) || (await caches.match('/offline.html'));
  }
}

/** Signing out or deleting the account (a form the app may send in the background). */
const FORGETS_PAGES = /^\/api\/(auth\/sign-out|people\/delete-account)/;

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method === 'POST' && FORGETS_PAGES.test(url.pathname)) {
    event.waitUntil(caches.delete(PAGES));
    return;
  }
  if (request.method !== 'GET') return;

  if (request.mode === 'navigate') {
    event.respondWith(navigate(event, url));
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

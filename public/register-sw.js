// Registers the service worker that keeps the app shell, and pages already visited, for
// offline use.
if ('serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch((err) => console.warn('service worker not registered', err));
  });
  // Offline, a link is followed as a whole page load, so the service worker answers with
  // the copy it kept (or "You are offline") instead of the app asking a server it cannot
  // reach. Runs before the app's own link handling (capture phase, on the window).
  window.addEventListener(
    'click',
    (event) => {
      if (navigator.onLine || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (!link || link.target || link.hasAttribute('download')) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      window.location.assign(url.href);
    },
    true,
  );
}

// The quiz's service worker: offline use and repeat visits (docs/offline.md).
// scripts/service-worker.mjs fills in FILES (every file the app can load,
// relative to this worker) and VERSION (a hash of their names and bytes)
// and writes the result to the build as service-worker.js.
//
// - Install: caches every file under a name of its own (`alliance-quiz-
//   VERSION`), bypassing the HTTP cache, then tells every window that a new
//   release is ready if an older one is running.
// - It waits until the visitor asks for it (the app's "Reload" posts
//   `skip-waiting` to the page's worker, which hands it on to the waiting
//   one), or until no window of the older release is open. Taking over, it
//   deletes every older cache and reloads the windows of the older release.
// - Fetch: the page (any navigation to the app's folder, whatever its query)
//   and the files come from this release's cache, so a window never mixes
//   two releases; anything else goes to the network as without a worker.
const FILES = self.FILES;
const VERSION = self.VERSION;
const PREFIX = 'alliance-quiz-';
const CACHE = PREFIX + VERSION;
const PAGE = new URL('./', location).href;

const windows = (message) => clients.matchAll({ type: 'window', includeUncontrolled: true })
  .then((list) => list.forEach((client) => client.postMessage(message)));

addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    await cache.addAll(FILES.map((file) => new Request(file, { cache: 'no-cache' })));
    if (registration.active) await windows('update-ready');
  })());
});

addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== CACHE);
    await Promise.all(older.map((name) => caches.delete(name)));
    // Windows this worker controls now ran the older release: reload them.
    if (older.length) {
      for (const client of await clients.matchAll({ type: 'window' })) client.navigate(client.url).catch(() => {});
    }
  })());
});

addEventListener('message', (event) => {
  if (event.data !== 'skip-waiting') return;
  // Takes over if this is the waiting worker (the active one is not changed
  // by it); a window's request is handed on to the waiting one.
  skipWaiting();
  if (event.source?.type === 'window') registration.waiting?.postMessage('skip-waiting');
});

addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  const page = request.mode === 'navigate';
  if (page && url.href.split(/[?#]/)[0] !== PAGE && url.pathname !== new URL('index.html', PAGE).pathname) return;
  event.respondWith((async () => {
    const cached = await caches.open(CACHE).then((cache) => cache.match(page ? PAGE : request));
    return cached || fetch(request);
  })());
});
